package org.influxshell.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.cli.ResultOutput;
import org.influxshell.command.LaunchArguments;
import org.influxshell.command.RunContext;
import org.influxshell.command.StandardInput;
import org.influxshell.connection.InfluxProperties;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Decides how the console runs, in this order: a script ({@code --spring.shell.script=FILE}, with
 * nothing but Spring's own arguments beside it, or {@code @FILE}); one command from the arguments ({@code --help}, {@code -h} and {@code --version}
 * alone mean {@code help} and {@code version}); the REPL when stdin is a terminal; otherwise
 * commands read from stdin like a script. Returns the exit code for {@code main}.
 */
public class ConsoleRunner {

	private final CommandDispatcher dispatcher;

	private final ObjectProvider<Repl> repl;

	private final ErrorReporter reporter;

	private final InfluxProperties settings;

	private final RunContext runs;

	private final StandardInput stdin;

	public ConsoleRunner(CommandDispatcher dispatcher, ObjectProvider<Repl> repl, ErrorReporter reporter,
			InfluxProperties settings, RunContext runs, StandardInput stdin) {
		this.stdin = stdin;
		this.dispatcher = dispatcher;
		this.repl = repl;
		this.reporter = reporter;
		this.settings = settings;
		this.runs = runs;
	}

	/**
	 * Runs the console on these streams.
	 * @param args the process arguments, Spring's own ({@code --spring.*}, ...) included
	 * @param terminal whether stdin is a terminal: no command words then start the REPL (stdout may be
	 *        a pipe: the prompt goes to the terminal, results to stdout)
	 * @return the exit code
	 */
	public int run(String[] args, InputStream stdin, OutputStream stdout, BooleanSupplier terminal) {
		// one process, one session: a one-shot, a whole script or a REPL session
		runs.beginSession();
		if (List.of(args).contains("--debug")) {
			reporter.debug(true);
		}
		ResultOutput out = new ResultOutput(stdout);
		// stdin gives a secret asked for with "-", unless the commands themselves come from it
		List<String> given = LaunchArguments.commandWords(List.of(args));
		boolean commandsOnStdin = given.isEmpty() && LaunchArguments.scriptOption(List.of(args)) == null;
		this.stdin.use(stdin, terminal, commandsOnStdin && !terminal.getAsBoolean());
		try {
			settings.check();
		}
		catch (CliException ex) {
			return reporter.report(ex, null);
		}
		String script = LaunchArguments.scriptOption(List.of(args));
		List<String> words = LaunchArguments.commandWords(List.of(args));
		if (script != null) {
			if (!words.isEmpty()) {
				return reporter.report(CliException.usage("unexpected argument \"" + words.get(0) + "\" next to "
						+ LaunchArguments.SCRIPT_OPTION + script + " (only --spring.*, --influx.*, --logging.* and --debug may go with it)"), null);
			}
			return dispatcher.runScript(script, out);
		}
		String atFile = LaunchArguments.atFile(words);
		if (atFile != null) {
			return dispatcher.runScript(atFile, out);
		}
		if (words.equals(List.of("--help")) || words.equals(List.of("-h"))) {
			words = List.of("help");
		}
		else if (words.equals(List.of("--version"))) {
			words = List.of("version");
		}
		if (!words.isEmpty()) {
			return dispatcher.run(words, out, null).exitCode();
		}
		if (terminal.getAsBoolean()) {
			try {
				return repl.getObject().run(out);
			}
			catch (RuntimeException ex) {
				return reporter.report(ex, null);
			}
		}
		return new ScriptRunner(dispatcher, reporter).run("stdin", stdin, out);
	}
}
