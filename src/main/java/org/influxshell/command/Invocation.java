package org.influxshell.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one console run was started with: its environment, home and working folders, which
 * standard streams are terminals, where its notes go and how stop signals reach it. The process's
 * own for a cold start; a client's when a daemon runs the command for it. Everything that would
 * otherwise read the process ({@code System.getenv}, file descriptor 2, signals) reads this, so
 * that two requests in one daemon never see each other's.
 */
public interface Invocation {

	/** The environment variables. */
	Map<String, String> environment();

	/** One environment variable, or {@code null}. */
	default String env(String name) {
		return environment().get(name);
	}

	/** The user's home folder: {@code ~/.influxdbv2/configs} is in it. */
	String home();

	/**
	 * The folder relative paths (a script file, {@code --configs-path}) are taken from. The empty
	 * path for the process's own working folder: a relative path then stays as it was typed.
	 */
	Path folder();

	/** Resolves a path as typed against {@link #folder()}. */
	default Path path(String typed) {
		return folder().resolve(typed);
	}

	/**
	 * Opens a script file, {@code path} as {@link #path} gave it. A daemon's run reads the
	 * client's stdin for a path that means the opening process's stdin ({@code /dev/stdin}).
	 */
	default InputStream openScript(Path path) throws IOException {
		return Files.newInputStream(path);
	}

	/** Whether standard stream {@code fd} (0, 1 or 2) is a terminal. */
	boolean isTerminal(int fd);

	/**
	 * The width in columns of the terminal stdout goes to, for help text; 0 when stdout is no
	 * terminal or its width cannot be known. Asked only when help is printed: it may cost a process.
	 */
	default int terminalColumns() {
		return 0;
	}

	/** Stderr: notes, warnings and errors. */
	OutputStream stderr();

	/** How Ctrl-C and SIGTERM reach a run that watches for them. */
	StopSignals signals();

	/**
	 * Called when a question (a confirmation, a password) is about to be asked on the terminal. A
	 * daemon cannot ask: it stops the command here, before it has changed anything, and has the
	 * client run it cold. Nothing for the process's own run.
	 */
	default void beforeQuestion() {
	}
}
