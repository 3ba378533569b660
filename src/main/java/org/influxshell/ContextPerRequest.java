package org.influxshell;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.influxshell.command.Invocation;
import org.influxshell.command.Launch;
import org.influxshell.daemon.WarmConsole;
import org.influxshell.http.HttpClients;
import org.influxshell.shell.ConsoleRunner;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The daemon's console: each request gets a context of its own, started from the request's
 * environment as a cold start would be, so that settings, profiles and streams are the request's
 * alone. Warm, this takes a few milliseconds. The HTTP clients, their connection pools and event
 * loops are the daemon's, shared by every request: a client serves only requests whose connection
 * settings are all equal ({@link HttpClients}), so a request reuses the connection an earlier one
 * left open and nothing else of it.
 */
final class ContextPerRequest implements WarmConsole, AutoCloseable {

	/** The bean name the shared clients have in each request's context. */
	static final String HTTP_CLIENTS = "warmConsoleHttpClients";

	private final HttpClients http = new HttpClients();

	@Override
	public void run(Launch launch, ConfigurableEnvironment environment, InputStream stdin, OutputStream stdout,
			BooleanSupplier stdinTerminal, IntConsumer ended) {
		// Spring reads its own settings from the arguments
		String[] args = launch.args().toArray(String[]::new);
		SpringApplication app = new SpringApplication(InfluxShellApplication.class);
		PackagedSettings.applyTo(app);
		app.setEnvironment(environment);
		app.setRegisterShutdownHook(false);
		// the generated bean definitions are found by the main class's name
		app.setMainApplicationClass(InfluxShellApplication.class);
		// a singleton registered so is the daemon's: the request's context does not close it
		app.addInitializers(context -> context.getBeanFactory().registerSingleton(HTTP_CLIENTS, http));
		ConfigurableApplicationContext context;
		try {
			context = app.run(args);
		}
		catch (RuntimeException ex) {
			Invocation invocation = ((Invocation.Source) environment).invocation();
			ended.accept(InfluxShellApplication.reportStartupFailure(ex, launch,
					new PrintStream(invocation.stderr(), true, StandardCharsets.UTF_8)));
			return;
		}
		try (context) {
			ended.accept(context.getBean(ConsoleRunner.class).run(launch, stdin, stdout, stdinTerminal));
		}
	}

	/** The daemon stops: its connections and event loops go. */
	@Override
	public void close() {
		http.close();
	}
}
