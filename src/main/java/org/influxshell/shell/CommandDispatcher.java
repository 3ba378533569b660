package org.influxshell.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.cli.OutputException;
import org.influxshell.cli.ResultOutput;
import org.influxshell.cli.Stderr;
import org.influxshell.command.Args;
import org.influxshell.command.ArgsParser;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandModel;
import org.influxshell.command.CommandResult;
import org.influxshell.command.Invocation;
import org.influxshell.command.RunContext;
import org.influxshell.command.SessionAction;
import org.influxshell.configs.UserFiles;

/**
 * Runs one command line in any mode: finds the command by its longest matching words, parses its
 * options, runs it, writes its result to stdout, and reports any failure through the one
 * {@link ErrorReporter}. A group's name alone ({@code auth}) shows the group's commands; a
 * mistyped command gets the nearest one suggested. A line of a script or of stdin is never
 * asked about ({@link TerminalQuestions}).
 */
public class CommandDispatcher {

	private final CommandModel model;

	private final ErrorReporter reporter;

	private final Screen screen;

	private final Stderr stderr;

	private final TerminalQuestions questions;

	private final RunContext runs;

	private final SecretMask mask;

	private final Invocation invocation;

	/** @param invocation the run: a script file's path is resolved against its working folder, and opened by it */
	public CommandDispatcher(CommandModel model, ErrorReporter reporter, Screen screen, Stderr stderr,
			TerminalQuestions questions, RunContext runs, Invocation invocation) {
		this.model = model;
		this.reporter = reporter;
		this.screen = screen;
		this.stderr = stderr;
		this.questions = questions;
		this.runs = runs;
		this.mask = new SecretMask(model);
		this.invocation = invocation;
	}

	/**
	 * How a line ended.
	 *
	 * @param exitCode 0 or the failure's code
	 * @param action what the line asked of the console that the caller carries out ({@code exit},
	 *        {@code clear}), or {@code null}
	 */
	public record Outcome(int exitCode, SessionAction action) {

		static Outcome of(int exitCode) {
			return new Outcome(exitCode, null);
		}

		/** Whether the line asked to end the session. */
		public boolean exits() {
			return action != null && action.kind() == SessionAction.Kind.EXIT;
		}
	}

	/**
	 * Runs one line of a script or of the REPL, split into words by {@link Words}.
	 * @param location {@code FILE:LINE} for a script line, or {@code null}
	 */
	public Outcome runLine(String line, ResultOutput out, String location) {
		List<String> words;
		try {
			words = Words.split(line);
		}
		catch (CliException ex) {
			return Outcome.of(reporter.report(ex, location));
		}
		return run(words, out, location);
	}

	/**
	 * Runs one command line.
	 * @param location {@code FILE:LINE} for a script line, or {@code null}
	 */
	public Outcome run(List<String> words, ResultOutput out, String location) {
		CommandResult result;
		// one line, one run: what it changes is journaled under this ID and this line, secrets masked
		runs.beginRun(mask.maskWords(words));
		try {
			result = questions.running(location != null, () -> execute(words));
		}
		catch (Throwable ex) {
			return Outcome.of(reporter.report(ex, location));
		}
		try {
			if (!result.output().isEmpty()) {
				out.write(result.output());
			}
		}
		catch (OutputException ex) {
			return Outcome.of(reporter.report(ex.after(result.changed()), location));
		}
		result.itemErrors().forEach(failure -> reporter.report(failure, location));
		result.notes().forEach(note -> reporter.note(note, location));
		if (result.failure() != null) {
			return Outcome.of(reporter.report(result.failure(), location));
		}
		SessionAction action = result.action();
		if (action != null && action.kind() == SessionAction.Kind.RUN_SCRIPT) {
			return Outcome.of(runScript(action.script(), out));
		}
		return new Outcome(0, action);
	}

	/**
	 * Runs a script file line by line ({@link ScriptRunner}); a missing or unreadable file is one error.
	 * @return the exit code: 0, or the failing line's
	 */
	public int runScript(String file, ResultOutput out) {
		if (file.isEmpty()) {
			return reporter.report(CliException.usage("no script file given"), null);
		}
		Path path = invocation.path(file);
		if (Files.isDirectory(path)) {
			return reporter.report(CliException.usage("script file " + file + " is a directory, not a file"), null);
		}
		try (InputStream in = invocation.openScript(path)) {
			return new ScriptRunner(this, reporter).run(file, in, out);
		}
		catch (NoSuchFileException ex) {
			return reporter.report(CliException.failure("script file " + file + " does not exist"), null);
		}
		catch (AccessDeniedException ex) {
			return reporter.report(CliException.failure("cannot read script file " + file + ": permission denied"), null);
		}
		catch (IOException ex) {
			return reporter.report(CliException.failure("cannot read script file " + file + ": " + UserFiles.reason(ex)), null);
		}
	}

	private CommandResult execute(List<String> words) {
		CommandModel.Match match = model.find(words);
		if (match == null) {
			return groupOrUnknown(words);
		}
		CommandDef command = match.command();
		Args args = ArgsParser.parse(command, match.rest());
		args.warnings().forEach(stderr::line);
		if (args.flag(CommandDef.HELP)) {
			return CommandResult.of(new HelpText(model, screen.columns()).command(command));
		}
		return command.handler().run(args);
	}

	/** {@code auth}, {@code auth --help}: the group's commands; otherwise an unknown command, with a suggestion. */
	private CommandResult groupOrUnknown(List<String> words) {
		List<String> lead = leadingWords(words);
		List<String> rest = words.subList(lead.size(), words.size());
		// a group is one word (auth) or two (v1 auth)
		String group = lead.isEmpty() ? null : String.join(" ", lead);
		if (group != null && model.group(group) != null
				&& (rest.isEmpty() || rest.equals(List.of("--help")) || rest.equals(List.of("-h")))) {
			return CommandResult.of(new HelpText(model, screen.columns()).group(group));
		}
		String typed = String.join(" ", lead);
		throw CliException.usage("unknown command \"" + typed + "\""
				+ model.closest(typed).map(s -> " (did you mean '" + s + "'?)").orElse(" (see 'help')"));
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
