package org.influxshell.command;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which session and which command line a change belongs to, for the journal. A session is one
 * run of the console (a one-shot, a whole script, a REPL session, a daemon's request), and this
 * object is that run's own: its ID is fixed when the run begins. The dispatcher starts each line;
 * a command only reads them. One line runs at a time in a session, so the steps of a bulk run (on
 * other threads) all see the line that started them.
 */
public class RunContext {

	private final String sessionId = newId();

	private volatile String runId = newId();

	private volatile String commandLine = "";

	/**
	 * Starts a new run.
	 * @param maskedLine the command line with the values of secret options masked
	 */
	public void beginRun(String maskedLine) {
		runId = newId();
		commandLine = maskedLine;
	}

	/** The session's ID: 16 hex digits. */
	public String sessionId() {
		return sessionId;
	}

	/** The run's ID: 16 hex digits. */
	public String runId() {
		return runId;
	}

	/** The command line of the run, secrets masked. */
	public String commandLine() {
		return commandLine;
	}

	/**
	 * 64 random bits: enough to tell runs apart, and no secret, so no SecureRandom (setting up the
	 * security providers would cost every command's start-up a few milliseconds).
	 */
	private static String newId() {
		return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
	}
}
