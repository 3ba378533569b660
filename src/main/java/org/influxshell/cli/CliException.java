package org.influxshell.cli;

/**
 * A failure whose message is fit to show a user as {@code Error: <message>}, with the exit code
 * the command ends with ({@link ExitCodes}).
 */
public class CliException extends RuntimeException {

	private final int exitCode;

	public CliException(String message, int exitCode) {
		super(message);
		this.exitCode = exitCode;
	}

	public CliException(String message, int exitCode, Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	/** The command line is wrong: unknown command or option, missing required option, a malformed value. */
	public static CliException usage(String message) {
		return new CliException(message, ExitCodes.USAGE);
	}

	/** The command failed: server, network, configs file, or a value the server or the file rejects. */
	public static CliException failure(String message) {
		return new CliException(message, ExitCodes.FAILURE);
	}

	public int exitCode() {
		return exitCode;
	}
}
