package org.influxshell.cli;

/** The exit codes a command ends with: 0 when it did what was asked, else one of these. */
public final class ExitCodes {

	/** The command failed: server, network, configs file, a rejected value, a question answered "no". */
	public static final int FAILURE = 1;

	/** The command line is wrong: unknown command or option, missing required option, a malformed value. */
	public static final int USAGE = 2;

	/** Interrupted by SIGINT. */
	public static final int INTERRUPTED = 130;

	/** Ended by SIGTERM. */
	public static final int TERMINATED = 143;

	/** The reader closed stdout ({@code | head}) and the command changed nothing: a quiet end, as Go programs have. */
	public static final int CLOSED_PIPE = 141;

	private ExitCodes() {
	}
}
