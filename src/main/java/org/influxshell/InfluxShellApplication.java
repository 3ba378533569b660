package org.influxshell;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;
import org.influxshell.cli.ErrorMapper;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.client.DaemonFolder;
import org.influxshell.command.Invocation;
import org.influxshell.connection.InfluxProperties;
import org.influxshell.daemon.DaemonControl;
import org.influxshell.daemon.WarmConsole;
import org.influxshell.shell.ConsoleRunner;
import org.influxshell.shell.Terminals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.shell.boot.CommandCatalogAutoConfiguration;

/**
 * influx-shell: InfluxDB 2.x tokens and connection profiles from a console. Runs one command,
 * a script, or the REPL (see {@link ConsoleRunner}), then exits with the command's code; or, as
 * the daemon, runs each client's command in a context of its own ({@link #warm}).
 *
 * <p>Only the auto-configurations the console uses are imported: scanning and evaluating the
 * other few hundred would cost a short-lived process most of its start-up time.
 */
@SpringBootConfiguration
@ComponentScan
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		CommandCatalogAutoConfiguration.class })
public class InfluxShellApplication {

	/** Our own settings only: an application.yml in the user's working folder is not read. */
	static final Map<String, Object> DEFAULTS = Map.of("spring.config.location",
			"classpath:/influx-shell/application.yml");

	public static void main(String[] args) {
		// Boot's background warm-up (validator, Jackson, charsets) competes for two cores with the
		// one command a console run executes; nothing here uses what it prepares
		System.setProperty("spring.backgroundpreinitializer.ignore", "true");
		// Netty's native epoll transport is unpacked to a temporary file at every start; NIO is
		// as fast for a handful of connections and needs no file I/O
		System.setProperty("reactor.netty.native", "false");
		// and Netty itself would still probe for it, unpacking the library to /tmp
		System.setProperty("io.netty.transport.noNative", "true");
		// nothing logs (slf4j-nop); Boot's logging system would only set up java.util.logging
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		// libraries that log through JBoss Logging (Hibernate Validator) go to slf4j-nop too, not to
		// java.util.logging's console handler
		System.setProperty("org.jboss.logging.provider", "slf4j");
		ConfigurableApplicationContext context = null;
		ConsoleRunner runner;
		try {
			SpringApplication app = new SpringApplication(InfluxShellApplication.class);
			app.setDefaultProperties(DEFAULTS);
			// Ctrl-C or SIGTERM during a command that does not watch for them ends the process as
			// it is, as in upstream: a hook closing the context would close the connection pool
			// under the running request, and its error ("connection closed by the server") would
			// be printed on the way out. A normal end closes the context below.
			app.setRegisterShutdownHook(false);
			context = app.run(args);
			// the runner brings the command model: a mistake in a declaration stops the start here
			runner = context.getBean(ConsoleRunner.class);
		}
		catch (SpringApplication.AbandonedRunException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			if (context != null) {
				context.close();
			}
			System.exit(reportStartupFailure(ex, args, System.err));
			return;
		}
		int code;
		try {
			code = runner.run(args, System.in, new FileOutputStream(FileDescriptor.out), Terminals::stdin);
			autoStartDaemon(context, args);
		}
		finally {
			context.close();
		}
		System.exit(code);
	}

	/** A warm run: the daemon's console, one context per command, each with its client's environment. */
	@Bean
	WarmConsole warmConsole() {
		return InfluxShellApplication::warm;
	}

	static void warm(List<String> words, ConfigurableEnvironment environment, InputStream stdin, OutputStream stdout,
			BooleanSupplier stdinTerminal, IntConsumer ended) {
		String[] args = words.toArray(String[]::new);
		SpringApplication app = new SpringApplication(InfluxShellApplication.class);
		app.setDefaultProperties(DEFAULTS);
		app.setEnvironment(environment);
		app.setRegisterShutdownHook(false);
		// the generated bean definitions are found by the main class's name
		app.setMainApplicationClass(InfluxShellApplication.class);
		ConfigurableApplicationContext context;
		try {
			context = app.run(args);
		}
		catch (RuntimeException ex) {
			Invocation invocation = ((Invocation.Source) environment).invocation();
			ended.accept(reportStartupFailure(ex, args, new PrintStream(invocation.stderr(), true, StandardCharsets.UTF_8)));
			return;
		}
		try (context) {
			ended.accept(context.getBean(ConsoleRunner.class).run(args, stdin, stdout, stdinTerminal));
		}
	}

	/**
	 * {@code influx.daemon.auto-start}: after a cold run, a daemon is started in the background
	 * when none runs, so that the next command is answered warm. Only from the launcher, which
	 * names itself; never for the daemon's own commands.
	 */
	private static void autoStartDaemon(ConfigurableApplicationContext context, String[] args) {
		String launcher = System.getProperty("influxshell.self");
		if (launcher == null || args.length > 0 && args[0].equals("daemon")) {
			return;
		}
		InfluxProperties properties = context.getBean(InfluxProperties.class);
		try {
			if (!properties.getDaemon().autoStart()) {
				return;
			}
		}
		catch (CliException ex) {
			// reported already, by the settings check before the command
			return;
		}
		Invocation invocation = context.getBean(Invocation.class);
		DaemonControl control = new DaemonControl(DaemonFolder.of(invocation.environment(), invocation.home()));
		if (!control.running()) {
			try {
				control.spawn(launcher);
			}
			catch (java.io.IOException ex) {
				// the command is done; the next one runs cold again
			}
		}
	}

	private static int reportStartupFailure(Throwable ex, String[] args, PrintStream stderr) {
		ErrorReporter reporter = new ErrorReporter(new ErrorMapper(), stderr);
		reporter.debug(List.of(args).contains("--debug"));
		return reporter.report(startupFailure(ex), null);
	}

	/** A failure of ours (a setting that does not read) as itself; anything else as "cannot start". */
	private static CliException startupFailure(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			if (root instanceof CliException cli) {
				return cli;
			}
			root = root.getCause();
		}
		if (root instanceof CliException cli) {
			return cli;
		}
		String message = root.getMessage();
		return new CliException("cannot start: " + (message == null ? root.getClass().getSimpleName()
				: message.lines().findFirst().orElse("")), ExitCodes.FAILURE, ex);
	}
}
