package org.influxshell.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.influxshell.cli.CliException;
import org.influxshell.cli.StackTraces;
import org.influxshell.cli.ErrorMapper.Failure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;

/**
 * Decides how the console runs, in this order: a script ({@code --spring.shell.script=FILE} or
 * {@code @FILE}); one command from the arguments; the REPL when stdin is a terminal; otherwise
 * commands read from stdin like a script. Keeps the exit code for {@code main}.
 */
public class ConsoleRunner implements ApplicationRunner {

	private final CommandDispatcher dispatcher;

	private final ObjectProvider<Repl> repl;

	private final Environment environment;

	private final PrintStream out;

	private final PrintStream err;

	private volatile int exitCode;

	/** {@code --debug}: the stack trace of a failure follows its one-line message. */
	private boolean debug;

	public ConsoleRunner(CommandDispatcher dispatcher, ObjectProvider<Repl> repl, Environment environment,
			PrintStream out, PrintStream err) {
		this.dispatcher = dispatcher;
		this.repl = repl;
		this.environment = environment;
		this.out = out;
		this.err = err;
	}

	public int exitCode() {
		return exitCode;
	}

	@Override
	public void run(ApplicationArguments args) {
		debug = java.util.Arrays.asList(args.getSourceArgs()).contains("--debug");
		exitCode = dispatch(commandWords(args.getSourceArgs()));
		out.flush();
	}

	private int dispatch(List<String> words) {
		String script = environment.getProperty("spring.shell.script");
		if (script != null) {
			return runFile(script);
		}
		if (words.size() == 1 && words.get(0).startsWith("@") && words.get(0).length() > 1) {
			return runFile(words.get(0).substring(1));
		}
		if (!words.isEmpty()) {
			Failure failure = dispatcher.execute(words, out);
			if (failure == null) {
				return 0;
			}
			err.println("Error: " + failure.message());
			if (debug && failure.cause() != null) {
				err.print(StackTraces.format(failure.cause()));
			}
			return failure.exitCode();
		}
		if (System.console() != null) {
			return repl.getObject().run();
		}
		var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		return new ScriptRunner(dispatcher).run("stdin", stdin, out, err);
	}

	private int runFile(String file) {
		try (BufferedReader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
			return new ScriptRunner(dispatcher).run(file, reader, out, err);
		}
		catch (NoSuchFileException ex) {
			err.println("Error: script file " + file + " does not exist");
		}
		catch (IOException ex) {
			err.println("Error: cannot read script file " + file + ": " + ex.getMessage());
		}
		return CliException.FAILURE;
	}

	/** The arguments less Spring's own ({@code --spring.*}, {@code --logging.*}, {@code --debug}). */
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
