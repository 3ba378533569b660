package org.influxshell.shell;

import java.io.IOException;
import java.io.InputStream;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.cli.ResultOutput;
import org.influxshell.configs.UserFiles;

/**
 * Runs commands line by line from a script file or from stdin ({@link ScriptLines}): blank lines
 * and {@code #} or {@code //} comments are skipped, an unquoted {@code #} after a blank starts a
 * comment, quotes group words, and the run stops at the first failing line with
 * {@code FILE:LINE: Error: ...} on stderr and that line's exit code. Every earlier line's effect
 * is kept. {@code exit} (or {@code quit}) ends the run with 0.
 */
public class ScriptRunner {

	private final CommandDispatcher dispatcher;

	private final ErrorReporter reporter;

	public ScriptRunner(CommandDispatcher dispatcher, ErrorReporter reporter) {
		this.dispatcher = dispatcher;
		this.reporter = reporter;
	}

	/**
	 * @param name how errors name the input ({@code FILE} in {@code FILE:LINE: Error: ...})
	 * @return the exit code: 0, or the failing line's
	 */
	public int run(String name, InputStream input, ResultOutput out) {
		ScriptLines lines = new ScriptLines(input);
		try {
			String line;
			while ((line = lines.next()) != null) {
				line = Words.withoutComment(line);
				if (Words.isComment(line)) {
					continue;
				}
				CommandDispatcher.Outcome outcome = dispatcher.runLine(line, out, name + ":" + lines.number());
				if (outcome.exitCode() != 0 || outcome.exits()) {
					return outcome.exitCode();
				}
			}
			return 0;
		}
		catch (CliException ex) {
			return reporter.report(ex, name + ":" + lines.number());
		}
		catch (IOException ex) {
			return reporter.report(CliException.failure("cannot read: " + UserFiles.reason(ex)), name + ":" + (lines.number() + 1));
		}
	}
}
