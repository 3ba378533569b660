package org.influxshell.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.cli.ResultOutput;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Decides how the console runs, in this order: a script ({@code --spring.shell.script=FILE} or
 * {@code @FILE}); one command from the arguments; the REPL when stdin is a terminal; otherwise
 * commands read from stdin like a script. Returns the exit code for {@code main}.
 */
public class ConsoleRunner {

	private static final String SCRIPT_ARG = "--spring.shell.script=";

	private final CommandDispatcher dispatcher;

	private final ObjectProvider<Repl> repl;

	private final ErrorReporter reporter;

	public ConsoleRunner(CommandDispatcher dispatcher, ObjectProvider<Repl> repl, ErrorReporter reporter) {
		this.dispatcher = dispatcher;
		this.repl = repl;
		this.reporter = reporter;
	}

	/**
	 * Runs the console on these streams.
	 * @param args the process arguments, Spring's own ({@code --spring.*}, ...) included
	 * @param terminal whether stdin is a terminal: no command words then start the REPL
	 * @return the exit code
	 */
	public int run(String[] args, InputStream stdin, OutputStream stdout, boolean terminal) {
		if (List.of(args).contains("--debug")) {
			reporter.debug(true);
		}
		ResultOutput out = new ResultOutput(stdout);
		String script = scriptArgument(args);
		List<String> words = commandWords(args);
		if (script != null) {
			return runFile(script, out);
		}
		if (words.size() == 1 && words.get(0).startsWith("@") && words.get(0).length() > 1) {
			return runFile(words.get(0).substring(1), out);
		}
		if (!words.isEmpty()) {
			return dispatcher.run(words, out, null);
		}
		if (terminal) {
			return repl.getObject().run();
		}
		var reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
		return new ScriptRunner(dispatcher, reporter).run("stdin", reader, out);
	}

	private int runFile(String file, ResultOutput out) {
		try (BufferedReader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
			return new ScriptRunner(dispatcher, reporter).run(file, reader, out);
		}
		catch (NoSuchFileException ex) {
			return reporter.report(CliException.failure("script file " + file + " does not exist"), null);
		}
		catch (IOException ex) {
			return reporter.report(CliException.failure("cannot read script file " + file + ": " + ex.getMessage()), null);
		}
	}

	private static String scriptArgument(String[] args) {
		String script = null;
		for (String a : args) {
			if (a.startsWith(SCRIPT_ARG)) {
				script = a.substring(SCRIPT_ARG.length());
			}
		}
		return script;
	}

	/** The arguments less Spring's own ({@code --spring.*}, {@code --logging.*}, {@code --influx.*}, {@code --debug}). */
	static List<String> commandWords(String[] args) {
		List<String> words = new ArrayList<>();
		for (String a : args) {
			if (a.startsWith("--spring.") || a.startsWith("--logging.") || a.startsWith("--influx.")
					|| a.equals("--debug")) {
				continue;
			}
			words.add(a);
		}
		return words;
	}
}
