package org.influxshell.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.influxshell.InfluxShellApplication;
import org.influxshell.Runs;
import org.influxshell.shell.ConsoleRunner;
import org.influxshell.shell.ProcessInvocation;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.command.CommandCatalog;

/** The command model in the running application: every command in it, and declarations refused at start-up. */
class CommandModelStartupTest {

	static ConfigurableApplicationContext start(Class<?>... extra) {
		Class<?>[] sources = new Class<?>[extra.length + 1];
		sources[0] = InfluxShellApplication.class;
		System.arraycopy(extra, 0, sources, 1, extra.length);
		return new SpringApplicationBuilder(sources)
			.properties(Map.of("spring.config.location", "classpath:/influx-shell/application.yml"))
			.run();
	}

	static Runs.Run run(ConfigurableApplicationContext context) {
		return context.getBean(Runs.class).open(new ProcessInvocation(), context.getEnvironment());
	}

	/** A command set with a mistake: two options of one command spelled {@code -u}. */
	static class Clashing implements CommandSet {

		@Override
		public List<CommandDef> commands() {
			return List.of(CommandDef.command("clash")
				.options(OptionDef.value("NAME", "user", "-u", "--user"), OptionDef.value("URL", "url", "-u", "--url"))
				.runs(a -> CommandResult.of("")));
		}
	}

	@Test
	void twoOptionsSpelledAlikeStopTheStart() {
		try (ConfigurableApplicationContext context = start(Clashing.class); Runs.Run run = run(context)) {
			// a run asks for the runner first thing; the runner needs the model
			assertThatThrownBy(() -> run.bean(ConsoleRunner.class))
				.rootCause()
				.hasMessage("command \"clash\": -u is declared by two options (--user and --url)");
		}
	}

	@Test
	void theRunningApplicationHoldsEveryCommandInItsOneModelAndNoSpringShellCatalog() {
		try (ConfigurableApplicationContext context = start(); Runs.Run run = run(context)) {
			CommandModel model = run.bean(CommandModel.class);
			assertThat(model.commands()).extracting(CommandDef::name).containsExactly("auth active", "auth create",
					"auth delete", "auth inactive", "auth journal", "auth list", "auth rotate", "auth undo", "clear", "completion", "config",
					"config create", "config list",
					"config rm", "config set", "config status", "config use", "daemon run", "daemon start", "daemon status", "daemon stop",
					"debug", "exit", "help", "history", "script", "v1 auth create", "v1 auth delete", "v1 auth list",
					"v1 auth set-active", "v1 auth set-inactive", "v1 auth set-password", "version");
			CommandDef inactive = model.commands().stream().filter(c -> c.name().equals("auth inactive")).findFirst().orElseThrow();
			assertThat(inactive.options()).extracting(OptionDef::key)
				.containsExactly("id", "user", "description", "token-value", "dry-run", "force", "mask-tokens", "product",
						"configs-path", "json", "hide-headers", "active-config", "host", "token", "skip-verify", "ca-cert",
						"http-debug", "help");
			assertThat(inactive.options().get(0).kind()).isEqualTo(OptionDef.Kind.LIST);
			assertThat(inactive.options().get(0).valueName()).isEqualTo("ID");
			// the parser, help, completion and the REPL read the model: Spring Shell's catalog is not made
			assertThat(context.getBeanNamesForType(CommandCatalog.class)).isEmpty();
		}
	}
}
