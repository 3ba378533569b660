package org.influxshell;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;
import org.influxshell.cli.ErrorMapper;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.command.Launch;
import org.influxshell.command.CompletionLists;
import org.influxshell.http.HttpClients;
import org.influxshell.shell.ConsoleRunner;
import org.influxshell.shell.ProcessInvocation;
import org.influxshell.shell.Terminals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * influx-shell: InfluxDB 2.x/3 tokens and connection profiles from a console. Runs one command,
 * a script, or the REPL (see {@link ConsoleRunner}), then exits with the command's code; as the
 * daemon, it runs each client's command too. Each is a run of its own ({@link Runs}) in this one
 * context, which declares what the runs share.
 *
 * <p>Only the auto-configurations the console uses are imported: scanning and evaluating the
 * other few hundred would cost a short-lived process most of its start-up time.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ComponentScan
@ImportAutoConfiguration(PropertyPlaceholderAutoConfiguration.class)
public class InfluxShellApplication {

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
		Launch launch = Launch.parse(args);
		ConfigurableApplicationContext context = null;
		Runs runs;
		try {
			SpringApplication app = new SpringApplication(InfluxShellApplication.class);
			PackagedSettings.applyTo(app);
			// Ctrl-C or SIGTERM during a command that does not watch for them ends the process as
			// it is, as in upstream: a hook closing the context would close the connection pool
			// under the running request, and its error ("connection closed by the server") would
			// be printed on the way out. A normal end closes the context below.
			app.setRegisterShutdownHook(false);
			context = app.run(args);
			runs = context.getBean(Runs.class);
		}
		catch (SpringApplication.AbandonedRunException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			if (context != null) {
				context.close();
			}
			System.exit(reportStartupFailure(ex, launch, System.err));
			return;
		}
		int code;
		try (Runs.Run run = runs.open(new ProcessInvocation(), context.getEnvironment())) {
			code = run.console(launch, System.in, new FileOutputStream(FileDescriptor.out), Terminals::stdin);
			run.afterColdRun(launch);
		}
		finally {
			context.close();
		}
		System.exit(code);
	}

	/** Every run's console, the daemon's requests' too. */
	@Bean
	Runs runs(ConfigurableListableBeanFactory beanFactory) {
		return new Runs(beanFactory);
	}

	/**
	 * The HTTP clients, their connection pools and event loops: made when a run first sends,
	 * shared by the runs of the process, closed with the context.
	 */
	@Bean(destroyMethod = "close")
	HttpClients httpClients() {
		return new HttpClients();
	}

	/** Tab completion's lists, for the runs that follow the one that fetched them (the warm console's above all). */
	@Bean
	CompletionLists completionLists() {
		return new CompletionLists();
	}

	/** What is not declared here is one run's. */
	@Bean
	static PerRunBeans perRunBeans() {
		return new PerRunBeans();
	}

	static int reportStartupFailure(Throwable ex, Launch launch, PrintStream stderr) {
		ErrorReporter reporter = new ErrorReporter(new ErrorMapper(), stderr);
		reporter.debug(launch.debug());
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
