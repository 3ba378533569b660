package org.influxshell.daemon;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.influxshell.command.Launch;

import org.springframework.core.env.ConfigurableEnvironment;

/** Runs one console command line in a context of its own, as a cold start would: the application implements it. */
@FunctionalInterface
public interface WarmConsole {

	/**
	 * @param launch the request's arguments, as the daemon read them
	 * @param environment the request's environment; its {@link org.influxshell.command.Invocation} gives stderr
	 * @param ended told the exit code as soon as the command is over, before the context is closed:
	 *        the client need not wait for that
	 */
	void run(Launch launch, ConfigurableEnvironment environment, InputStream stdin, OutputStream stdout,
			BooleanSupplier stdinTerminal, IntConsumer ended);
}
