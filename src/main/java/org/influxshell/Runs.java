package org.influxshell;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.influxshell.command.CompletionLists;
import org.influxshell.command.Invocation;
import org.influxshell.command.Launch;
import org.influxshell.daemon.DaemonAutoStart;
import org.influxshell.daemon.WarmConsole;
import org.influxshell.http.HttpClients;
import org.influxshell.shell.ConsoleRunner;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The console's runs, all in the one application context. A run (a cold process's, a daemon
 * request's, a test's) gets objects of its own: the beans {@link PerRunBeans} marks, made for the
 * run's {@link Invocation} and settings in a bean factory of the run's whose parent is the
 * context, and destroyed when the run ends. Nothing is prepared again: no environment, no
 * listeners, no configuration classes read. What the context holds is shared by every run: the
 * definitions, and the HTTP clients with their connection pools and event loops
 * ({@link HttpClients}: a client serves only runs whose connection settings are all equal), so a
 * daemon's request reuses the connection an earlier one left open and nothing else of it.
 */
public final class Runs implements WarmConsole {

	private final ConfigurableListableBeanFactory context;

	/** The packaged settings a daemon's requests read: once, on the first. */
	private volatile List<PropertySource<?>> packaged;

	/** The definitions of a run's beans, as singletons of the run: read once, on the first run. */
	private volatile List<Definition> definitions;

	Runs(ConfigurableListableBeanFactory context) {
		this.context = context;
	}

	/**
	 * Opens a run: its beans are made when first asked for, from {@code invocation} and the
	 * settings {@code environment} holds, until the run is closed.
	 */
	public Run open(Invocation invocation, ConfigurableEnvironment environment) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory(context);
		beans.copyConfigurationFrom(context);
		beans.registerSingleton(Run.INVOCATION, invocation);
		beans.registerSingleton(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, environment);
		for (Definition definition : definitions()) {
			// a copy of its own: the template is shared by runs opened at once on other threads
			beans.registerBeanDefinition(definition.name(), definition.singleton().cloneBeanDefinition());
		}
		// no definition comes later: the factory may cache which beans a type names, as the
		// context does, for the look-ups a command makes through an ObjectProvider on each line
		beans.freezeConfiguration();
		return new Run(beans, invocation);
	}

	/** A daemon's request: its environment gets the packaged settings, as a cold start's would. */
	@Override
	public void run(Launch launch, Invocation invocation, ConfigurableEnvironment environment, InputStream stdin,
			OutputStream stdout, BooleanSupplier stdinTerminal, IntConsumer ended) {
		List<PropertySource<?>> settings = packaged;
		if (settings == null) {
			settings = PackagedSettings.read();
			packaged = settings;
		}
		PackagedSettings.addTo(environment, settings);
		try (Run run = open(invocation, environment)) {
			// told before the run's beans are destroyed: the client need not wait for that
			ended.accept(run.console(launch, stdin, stdout, stdinTerminal));
		}
	}

	@Override
	public boolean letGo() {
		return context.getBean(CompletionLists.class).trim();
	}

	@Override
	public String coldReason(ConfigurableEnvironment environment) {
		return PackagedSettings.asksForBoot(environment) ? "Spring Boot's own settings files" : null;
	}

	private List<Definition> definitions() {
		List<Definition> read = definitions;
		if (read == null) {
			read = new ArrayList<>();
			for (String name : context.getBeanDefinitionNames()) {
				BeanDefinition merged = context.getMergedBeanDefinition(name);
				if (PerRunBeans.SCOPE.equals(merged.getScope()) && merged instanceof AbstractBeanDefinition definition) {
					AbstractBeanDefinition singleton = definition.cloneBeanDefinition();
					singleton.setScope(BeanDefinition.SCOPE_SINGLETON);
					read.add(new Definition(name, singleton));
				}
			}
			read = List.copyOf(read);
			definitions = read;
		}
		return read;
	}

	/** A run's bean: its definition as a singleton of the run's factory. */
	private record Definition(String name, AbstractBeanDefinition singleton) {
	}

	/** One run's beans. */
	public static final class Run implements AutoCloseable {

		/** The bean name of the run's {@link Invocation}. */
		static final String INVOCATION = "invocation";

		private final DefaultListableBeanFactory beans;

		private final Invocation invocation;

		private boolean started;

		private volatile boolean closed;

		private Run(DefaultListableBeanFactory beans, Invocation invocation) {
			this.beans = beans;
			this.invocation = invocation;
		}

		/** The run's bean of this type, made now if it was not yet. */
		public <T> T bean(Class<T> type) {
			return open().getBean(type);
		}

		/** The run's beans of this type, in their order. */
		public <T> List<T> beans(Class<T> type) {
			return open().getBeanProvider(type).orderedStream().toList();
		}

		private DefaultListableBeanFactory open() {
			if (closed) {
				throw new IllegalStateException("this run is over");
			}
			return beans;
		}

		/**
		 * Runs the console as {@code launch} says. A setting that does not read or a command
		 * declared wrong stops it before any command, reported as a failed start.
		 * @return the exit code
		 */
		public int console(Launch launch, InputStream stdin, OutputStream stdout, BooleanSupplier stdinTerminal) {
			ConsoleRunner runner;
			try {
				// the runner brings the command model: a mistake in a declaration stops the start here
				runner = beans.getBean(ConsoleRunner.class);
			}
			catch (RuntimeException ex) {
				return InfluxShellApplication.reportStartupFailure(ex, launch,
						new PrintStream(invocation.stderr(), true, StandardCharsets.UTF_8));
			}
			started = true;
			return runner.run(launch, stdin, stdout, stdinTerminal);
		}

		/** After a cold process's command: a daemon for the next one, if the settings ask for it. */
		void afterColdRun(Launch launch) {
			if (started) {
				beans.getBean(DaemonAutoStart.class).afterColdRun(launch);
			}
		}

		/** The run is over: its beans are destroyed and let go, and none is made again. */
		@Override
		public void close() {
			closed = true;
			beans.destroySingletons();
		}
	}
}
