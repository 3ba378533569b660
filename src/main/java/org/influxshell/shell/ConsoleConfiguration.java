package org.influxshell.shell;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.influxshell.cli.ErrorMapper;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.cli.Stderr;
import org.influxshell.command.CommandModel;
import org.influxshell.command.CommandSet;
import org.influxshell.command.Invocation;
import org.influxshell.command.Notes;
import org.influxshell.command.Questions;
import org.influxshell.command.RunContext;
import org.influxshell.command.StandardInput;
import org.influxshell.command.StopSignals;
import org.influxshell.command.ValueCompleter;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.InfluxProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Wires the console of one run: settings, streams, configs file, resolver, command model, runners.
 * The run brings its {@link Invocation} (environment variables, folders, terminals, stderr,
 * signals) and its Spring {@link Environment} (the settings); everything here is made from them.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

	/**
	 * The run's {@code influx.*} settings: its command line, system properties, environment
	 * variables ({@code INFLUX_HOST} is {@code influx.host}) and the packaged defaults. They are
	 * bound from a view of those sources that holds only the names that can be settings (any that
	 * begin with {@code influx}, in any case): the binder maps every name of every source it is
	 * given, and a run's environment holds a hundred or more that never are (a warm console binds
	 * once per request). Placeholders in a value still resolve against the whole environment.
	 */
	@Bean
	InfluxProperties influxProperties(ConfigurableEnvironment environment) {
		List<PropertySource<?>> settings = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			// (the view Spring Boot attaches is of these same sources)
			if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
				settings.add(settingsOnly(source));
			}
		}
		Binder binder = new Binder(ConfigurationPropertySources.from(settings),
				new PropertySourcesPlaceholdersResolver(environment));
		return binder.bindOrCreate("influx", InfluxProperties.class);
	}

	/** The names of {@code source} that can be {@code influx.*} settings, in a source of the same kind. */
	private static PropertySource<?> settingsOnly(PropertySource<?> source) {
		if (!(source instanceof EnumerablePropertySource<?> names)) {
			return source;
		}
		Map<String, Object> kept = new LinkedHashMap<>();
		for (String name : names.getPropertyNames()) {
			if (name.regionMatches(true, 0, "influx", 0, "influx".length())) {
				kept.put(name, source.getProperty(name));
			}
		}
		// an environment variable's name is mapped as one (INFLUX_SKIP_VERIFY), so it stays in a source of that kind
		return source instanceof SystemEnvironmentPropertySource ? new SystemEnvironmentPropertySource(source.getName(), kept)
				: new MapPropertySource(source.getName(), kept);
	}

	@Bean
	Stderr stderr(Invocation invocation) {
		return new Stderr(new PrintStream(invocation.stderr(), true, StandardCharsets.UTF_8),
				() -> invocation.isTerminal(2));
	}

	/** What services say while they run, on this run's stderr. */
	@Bean
	Notes notes(Stderr stderr) {
		return new StderrNotes(stderr);
	}

	/** Questions before changes hard to undo, and passwords a profile does not keep: stdin and stderr must be terminals; stdout may be redirected. */
	@Bean
	TerminalQuestions questions(Invocation invocation, StopSignals signals) {
		return new TerminalQuestions(() -> invocation.isTerminal(0) && invocation.isTerminal(2), signals,
				invocation::beforeQuestion);
	}

	/** Ctrl-C and SIGTERM during a bulk run: stop, and say what was done. */
	@Bean
	StopSignals stopSignals(Invocation invocation) {
		return invocation.signals();
	}

	@Bean
	ErrorReporter errorReporter(Stderr stderr) {
		return new ErrorReporter(new ErrorMapper(), stderr.stream());
	}

	@Bean
	ConfigsFile configsFile(InfluxProperties properties, Stderr stderr, Invocation invocation) {
		return new ConfigsFile(properties::getConfigsPath, properties.lockTimeout(), stderr::line, invocation::home,
				invocation::path);
	}

	@Bean
	ConnectionResolver connectionResolver(InfluxProperties properties, ConfigsFile configs, Stderr stderr,
			Questions questions) {
		return new ConnectionResolver(properties, configs, stderr::warn, questions);
	}

	/** Every command of every {@link CommandSet}; a mistake in a declaration stops the start here. */
	@Bean
	CommandModel commandModel(ObjectProvider<CommandSet> sets) {
		return new CommandModel(sets.orderedStream().toList());
	}

	@Bean
	Screen screen(Invocation invocation) {
		return new Screen(invocation.env("COLUMNS"), invocation::terminalColumns);
	}

	@Bean
	CommandDispatcher commandDispatcher(CommandModel model, ErrorReporter reporter, Screen screen, Stderr stderr,
			TerminalQuestions questions, RunContext runs, Invocation invocation) {
		return new CommandDispatcher(model, reporter, screen, stderr, questions, runs, invocation);
	}

	@Bean
	RunContext runContext() {
		return new RunContext();
	}

	@Bean
	ConsoleRunner consoleRunner(CommandDispatcher dispatcher, ObjectProvider<Repl> repl, ErrorReporter reporter,
			InfluxProperties properties, StandardInput stdin) {
		return new ConsoleRunner(dispatcher, repl, reporter, properties, stdin);
	}

	/** A secret given as {@code -}: typed on the terminal, else read from stdin. */
	@Bean
	StandardInput standardInput(Questions questions) {
		return new StandardInput(questions);
	}

	/** {@code NO_COLOR} set to anything but the empty string (no-color.org). */
	private static boolean noColor(Invocation invocation) {
		String value = invocation.env("NO_COLOR");
		return value != null && !value.isEmpty();
	}

	@Bean
	@Lazy
	Repl repl(CommandDispatcher dispatcher, CommandModel model, ObjectProvider<ValueCompleter> completers,
			ConfigsFile configs, Screen screen, TerminalQuestions questions, Invocation invocation) {
		ConsoleCompleter completer = new ConsoleCompleter(model, completers.orderedStream().toList());
		return new Repl(dispatcher, completer, new SecretMask(model), configs.historyFile(),
				() -> configs.store(null).read().active().name(), screen, noColor(invocation), questions);
	}
}
