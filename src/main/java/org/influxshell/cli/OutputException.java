package org.influxshell.cli;

/**
 * A command's result could not be written to stdout. What the command changed on the server or
 * in the configs file stays changed, so the failure names it.
 */
public class OutputException extends RuntimeException {

	private final boolean closedByReader;

	private final String changed;

	/**
	 * @param reason why the write failed, in a few words
	 * @param closedByReader the reader closed the pipe ({@code | head -1})
	 * @param changed what the command did, or {@code null} when it changed nothing
	 */
	public OutputException(String reason, boolean closedByReader, String changed, Throwable cause) {
		super(reason, cause);
		this.closedByReader = closedByReader;
		this.changed = changed;
	}

	public boolean closedByReader() {
		return closedByReader;
	}

	/** What the command changed, or {@code null}. */
	public String changed() {
		return changed;
	}

	/** The same failure, knowing what the command changed. */
	public OutputException after(String what) {
		return new OutputException(getMessage(), closedByReader, what, getCause());
	}
}
