package org.influxshell.daemon;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.influxshell.command.Invocation;
import org.influxshell.command.Launch;

import org.springframework.core.env.ConfigurableEnvironment;

/** Runs one console command line for a request, as a cold start would: the application implements it. */
public interface WarmConsole {

	/**
	 * @param launch the request's arguments, as the daemon read them
	 * @param invocation the request's environment variables, folders, terminals, stderr and signals
	 * @param environment the request's settings: its command line, system properties and variables
	 * @param ended told the exit code as soon as the command is over, before the run's objects are
	 *        let go: the client need not wait for that
	 */
	void run(Launch launch, Invocation invocation, ConfigurableEnvironment environment, InputStream stdin,
			OutputStream stdout, BooleanSupplier stdinTerminal, IntConsumer ended);

	/** Why a request with these settings must run cold, or {@code null}. */
	String coldReason(ConfigurableEnvironment environment);

	/**
	 * Between requests: lets go of what earlier requests left for the next ones that has outlived
	 * its use (a list Tab completion fetched).
	 * @return whether anything was let go (a full collection gives its memory back)
	 */
	boolean letGo();
}
