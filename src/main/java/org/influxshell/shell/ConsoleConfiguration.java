package org.influxshell.shell;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.influxshell.cli.ErrorMapper;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.cli.Stderr;
import org.influxshell.command.CatalogBridge;
import org.influxshell.command.CommandModel;
import org.influxshell.command.CommandSet;
import org.influxshell.command.RunContext;
import org.influxshell.command.ValueCompleter;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.InfluxProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.shell.context.DefaultShellContext;
import org.springframework.shell.context.ShellContext;

/** Wires the console: streams, configs file, resolver, command model, runners. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InfluxProperties.class)
public class ConsoleConfiguration {

	/**
	 * Spring Shell's own context wants a JLine terminal, and building one runs {@code test -t}
	 * processes and may take over stdout. Our commands work in every mode, so the terminal is
	 * built by the REPL alone, when it starts.
	 */
	@Bean
	ShellContext shellContext() {
		return new DefaultShellContext(false);
	}

	@Bean
	Stderr stderr() {
		return new Stderr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
				Terminals::stderr);
	}

	/** Questions before changes hard to undo, and passwords a profile does not keep: stdin and stderr must be terminals (cli-contract section 6). */
	@Bean
	TerminalQuestions questions(SignalWatch signals) {
		return new TerminalQuestions(() -> Terminals.stdin() && Terminals.stderr(), signals);
	}

	/** Ctrl-C and SIGTERM during a bulk run: stop, and say what was done. */
	@Bean
	SignalWatch stopSignals() {
		return new SignalWatch();
	}

	@Bean
	ErrorReporter errorReporter(Stderr stderr) {
		return new ErrorReporter(new ErrorMapper(), stderr.stream());
	}

	@Bean
	ConfigsFile configsFile(InfluxProperties properties, Stderr stderr) {
		return new ConfigsFile(properties::getConfigsPath, properties.lockTimeout(), stderr::line);
	}

	@Bean
	ConnectionResolver connectionResolver(InfluxProperties properties, ConfigsFile configs, Stderr stderr) {
		return new ConnectionResolver(properties, configs, stderr::warn);
	}

	/** Every command of every {@link CommandSet}; a mistake in a declaration stops the start here. */
	@Bean
	CommandModel commandModel(ObjectProvider<CommandSet> sets) {
		return new CommandModel(sets.orderedStream().toList());
	}

	@Bean
	CatalogBridge catalogBridge(CommandModel model) {
		return new CatalogBridge(model);
	}

	@Bean
	Screen screen() {
		return new Screen(System.getenv("COLUMNS"));
	}

	@Bean
	CommandDispatcher commandDispatcher(CommandModel model, ErrorReporter reporter, Screen screen, Stderr stderr,
			TerminalQuestions questions, RunContext runs) {
		return new CommandDispatcher(model, reporter, screen, stderr, questions, runs);
	}

	@Bean
	RunContext runContext() {
		return new RunContext();
	}

	@Bean
	ConsoleRunner consoleRunner(CommandDispatcher dispatcher, ObjectProvider<Repl> repl, ErrorReporter reporter,
			InfluxProperties properties, RunContext runs) {
		return new ConsoleRunner(dispatcher, repl, reporter, properties, runs);
	}

	/** {@code NO_COLOR} set to anything but the empty string (no-color.org). */
	private static boolean noColor() {
		String value = System.getenv("NO_COLOR");
		return value != null && !value.isEmpty();
	}

	@Bean
	@Lazy
	Repl repl(CommandDispatcher dispatcher, CommandModel model, ObjectProvider<ValueCompleter> completers,
			ConfigsFile configs, Screen screen, TerminalQuestions questions) {
		ConsoleCompleter completer = new ConsoleCompleter(model, completers.orderedStream().toList());
		return new Repl(dispatcher, completer, new SecretMask(model), configs.historyFile(),
				() -> configs.store(null).read().active().name(), screen, noColor(), questions);
	}
}
