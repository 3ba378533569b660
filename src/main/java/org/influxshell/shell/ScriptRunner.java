package org.influxshell.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorMapper.Failure;

/**
 * Runs commands line by line from a script file or from stdin: blank lines and {@code #} or
 * {@code //} comments are skipped, quotes group words, and the run stops at the first failing
 * line with {@code FILE:LINE: Error: ...} on stderr and that line's exit code. Every earlier
 * line's effect is kept.
 */
public class ScriptRunner {

	private final CommandDispatcher dispatcher;

	public ScriptRunner(CommandDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	/**
	 * @param name how errors name the input ({@code FILE} in {@code FILE:LINE: Error: ...})
	 * @return the exit code: 0, or the failing line's
	 */
	public int run(String name, BufferedReader input, PrintStream out, PrintStream err) {
		int lineNo = 0;
		try {
			String line;
			while ((line = input.readLine()) != null) {
				lineNo++;
				if (Words.isComment(line)) {
					continue;
				}
				Failure failure;
				try {
					List<String> words = Words.split(line);
					failure = dispatcher.execute(words, out);
				}
				catch (CliException ex) {
					failure = new Failure(ex.getMessage(), ex.exitCode());
				}
				if (failure != null) {
					err.println(name + ":" + lineNo + ": Error: " + failure.message());
					err.flush();
					return failure.exitCode();
				}
			}
			return 0;
		}
		catch (IOException ex) {
			err.println(name + ":" + (lineNo + 1) + ": Error: cannot read: " + ex.getMessage());
			return CliException.FAILURE;
		}
	}
}
