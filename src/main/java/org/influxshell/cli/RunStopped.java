package org.influxshell.cli;

/**
 * A run stopped by Ctrl-C or SIGTERM. Its message is the summary of what was done
 * ({@code interrupted: 16 inactivated, 2 unknown (in flight), 22 not started}), printed as it is,
 * without {@code Error:}: the user asked for the stop, and this line is its report.
 */
public class RunStopped extends CliException {

	/** @param exitCode {@link ExitCodes#INTERRUPTED} or {@link ExitCodes#TERMINATED} */
	public RunStopped(String summary, int exitCode) {
		super(summary, exitCode);
	}
}
