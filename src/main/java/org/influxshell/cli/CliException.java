package org.influxshell.cli;

/**
 * A failure whose message is fit to show a user as {@code Error: <message>}, with the exit code
 * the command ends with ({@link ExitCodes}).
 */
public class CliException extends RuntimeException {

	private final int exitCode;

	private String hint;

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

	/**
	 * Adds a line of advice the user sees after the error ({@code Hint: <text>}).
	 * @return this exception, to throw
	 */
	public CliException hint(String text) {
		this.hint = text;
		return this;
	}

	/** The advice of this failure or of the failure it wraps, or {@code null}. */
	public String hint() {
		for (Throwable t = this; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof CliException cli && cli.hint != null) {
				return cli.hint;
			}
		}
		return null;
	}
}
