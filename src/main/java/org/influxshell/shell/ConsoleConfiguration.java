package org.influxshell.shell;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.influxshell.cli.ErrorMapper;
import org.influxshell.cli.Stderr;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.InfluxProperties;
import org.influxshell.connection.LocalOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.context.DefaultShellContext;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.standard.ValueProvider;

/** Wires the console: streams, resolver, dispatcher, runners. */
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
	ConnectionResolver connectionResolver(InfluxProperties properties, Stderr stderr) {
		return new ConnectionResolver(properties, stderr::warn);
	}

	@Bean
	Stderr stderr() {
		return new Stderr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
	}

	@Bean
	ErrorMapper errorMapper(ObjectProvider<ErrorMapper.Extension> extensions) {
		return new ErrorMapper(t -> extensions.orderedStream().map(e -> e.map(t))
			.filter(java.util.Objects::nonNull).findFirst().orElse(null));
	}

	@Bean
	CommandDispatcher commandDispatcher(CommandCatalog catalog, ErrorMapper errors,
			ObjectProvider<OptionGroup<?>> groups) {
		return new CommandDispatcher(catalog, errors, groups.orderedStream().toList());
	}

	/** Off in tests that drive the dispatcher directly ({@code influx.console.enabled=false}). */
	@Bean
	@ConditionalOnProperty(name = "influx.console.enabled", matchIfMissing = true)
	ConsoleRunner consoleRunner(CommandDispatcher dispatcher, ObjectProvider<Repl> repl, Environment environment,
			Stderr stderr) {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
		return new ConsoleRunner(dispatcher, repl, environment, out, stderr.stream());
	}

	@Bean
	@Lazy
	Repl repl(CommandDispatcher dispatcher, ApplicationContext context, ConnectionResolver resolver) {
		ConsoleCompleter completer = new ConsoleCompleter(dispatcher, type -> (ValueProvider) context.getBean(type));
		Path history = resolver.configsPath(LocalOptions.none()).resolveSibling("influx-shell_history");
		return new Repl(dispatcher, completer, history,
				() -> resolver.store(LocalOptions.none()).read().active().name());
	}
}
