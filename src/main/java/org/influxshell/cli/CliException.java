package org.influxshell.cli;

/**
 * A failure whose message is fit to show a user as {@code Error: <message>}, with the exit code
 * the command ends with ({@link ExitCodes}).
 */
public class CliException extends RuntimeException {

	/** The command failed: server, network, configs file, or a value that is not valid. */
	public static final int FAILURE = ExitCodes.FAILURE;

	/** The command line is wrong: unknown command or option, missing required option. */
	public static final int USAGE = ExitCodes.USAGE;

	private final int exitCode;

	public CliException(String message, int exitCode) {
		super(message);
		this.exitCode = exitCode;
	}

	public CliException(String message, int exitCode, Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	public static CliException usage(String message) {
		return new CliException(message, USAGE);
	}

	public static CliException failure(String message) {
		return new CliException(message, FAILURE);
	}

	public int exitCode() {
		return exitCode;
	}
}
