package org.influxshell.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.cli.ResultOutput;
import org.influxshell.command.Launch;
import org.influxshell.command.StandardInput;
import org.influxshell.connection.InfluxProperties;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs the console as its {@link Launch} says: a script, one command, the REPL (stdin a terminal)
 * or commands read from stdin like a script. Returns the exit code for {@code main}.
 */
public class ConsoleRunner {

	private final CommandDispatcher dispatcher;

	private final ObjectProvider<Repl> repl;

	private final ErrorReporter reporter;

	private final InfluxProperties settings;

	private final StandardInput stdin;

	public ConsoleRunner(CommandDispatcher dispatcher, ObjectProvider<Repl> repl, ErrorReporter reporter,
			InfluxProperties settings, StandardInput stdin) {
		this.stdin = stdin;
		this.dispatcher = dispatcher;
		this.repl = repl;
		this.reporter = reporter;
		this.settings = settings;
	}

	/**
	 * Runs the console on these streams.
	 * @param launch what the process arguments ask for
	 * @param terminal whether stdin is a terminal: no command words then start the REPL (stdout may be
	 *        a pipe: the prompt goes to the terminal, results to stdout)
	 * @return the exit code
	 */
	public int run(Launch launch, InputStream stdin, OutputStream stdout, BooleanSupplier terminal) {
		if (launch.debug()) {
			reporter.debug(true);
		}
		ResultOutput out = new ResultOutput(stdout);
		Launch.Mode mode = launch.mode(terminal);
		// stdin gives a secret asked for with "-", unless the commands themselves come from it
		this.stdin.use(stdin, terminal, mode == Launch.Mode.STDIN);
		try {
			settings.check();
		}
		catch (CliException ex) {
			return reporter.report(ex, null);
		}
		switch (mode) {
			case SCRIPT -> {
				CliException misuse = launch.usageError();
				return misuse != null ? reporter.report(misuse, null) : dispatcher.runScript(launch.script(), out);
			}
			case COMMAND -> {
				return dispatcher.run(launch.words(), out, null).exitCode();
			}
			case REPL -> {
				try {
					return repl.getObject().run(out);
				}
				catch (RuntimeException ex) {
					return reporter.report(ex, null);
				}
			}
			default -> {
				return new ScriptRunner(dispatcher, reporter).run("stdin", stdin, out);
			}
		}
	}
}
