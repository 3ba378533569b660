package org.influxshell.cli;

/**
 * A command that did part of its work: what it did is printed on stdout, then the command
 * fails with exit code 1. Each individual failure has been reported already.
 */
public class PartialFailure extends CliException {

	private final String output;

	public PartialFailure(String output, int failed, int total) {
		super(failed + " of " + total + " tokens failed", FAILURE);
		this.output = output;
	}

	/** What to print on stdout before the error. */
	public String output() {
		return output;
	}
}
