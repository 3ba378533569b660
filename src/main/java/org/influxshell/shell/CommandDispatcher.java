package org.influxshell.shell;

import java.util.ArrayList;
import java.util.List;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.cli.OutputException;
import org.influxshell.cli.ResultOutput;
import org.influxshell.command.Args;
import org.influxshell.command.ArgsParser;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandModel;
import org.influxshell.command.CommandResult;

/**
 * Runs one command line in any mode: finds the command by its longest matching words, parses its
 * options, runs it, writes its result to stdout, and reports any failure through the one
 * {@link ErrorReporter}.
 */
public class CommandDispatcher {

	private final CommandModel model;

	private final ErrorReporter reporter;

	public CommandDispatcher(CommandModel model, ErrorReporter reporter) {
		this.model = model;
		this.reporter = reporter;
	}

	/**
	 * Runs one line of a script or of the REPL, split into words by {@link Words}.
	 * @param location {@code FILE:LINE} for a script line, or {@code null}
	 * @return the exit code
	 */
	public int runLine(String line, ResultOutput out, String location) {
		List<String> words;
		try {
			words = Words.split(line);
		}
		catch (CliException ex) {
			return reporter.report(ex, location);
		}
		return run(words, out, location);
	}

	/**
	 * Runs one command line.
	 * @param location {@code FILE:LINE} for a script line, or {@code null}
	 * @return the exit code
	 */
	public int run(List<String> words, ResultOutput out, String location) {
		CommandResult result;
		try {
			result = execute(words);
		}
		catch (Throwable ex) {
			return reporter.report(ex, location);
		}
		try {
			if (!result.output().isEmpty()) {
				out.write(result.output());
			}
		}
		catch (OutputException ex) {
			return reporter.report(ex.after(result.changed()), location);
		}
		result.itemErrors().forEach(message -> reporter.line(message, location));
		return result.failure() == null ? 0 : reporter.report(result.failure(), location);
	}

	private CommandResult execute(List<String> words) {
		CommandModel.Match match = model.find(words);
		if (match == null) {
			throw CliException.usage("unknown command \"" + String.join(" ", leadingWords(words)) + "\" (see 'help')");
		}
		CommandDef command = match.command();
		Args args = ArgsParser.parse(command, match.rest());
		if (args.flag(CommandDef.HELP)) {
			return CommandResult.of(HelpText.of(command));
		}
		return command.handler().run(args);
	}

	private static List<String> leadingWords(List<String> words) {
		List<String> lead = new ArrayList<>();
		for (String w : words) {
			if (w.startsWith("-") || lead.size() == 2) {
				break;
			}
			lead.add(w);
		}
		return lead.isEmpty() ? words.subList(0, Math.min(1, words.size())) : lead;
	}
}
