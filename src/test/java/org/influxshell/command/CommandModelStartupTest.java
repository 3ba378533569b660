package org.influxshell.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.influxshell.InfluxShellApplication;
import org.influxshell.shell.ConsoleRunner;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandContext;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;

/** The command model in the running application: what Spring Shell's catalog says, and declarations refused at start-up. */
class CommandModelStartupTest {

	static ConfigurableApplicationContext start(Class<?>... extra) {
		Class<?>[] sources = new Class<?>[extra.length + 1];
		sources[0] = InfluxShellApplication.class;
		System.arraycopy(extra, 0, sources, 1, extra.length);
		return new SpringApplicationBuilder(sources)
			.properties(Map.of("spring.config.location", "classpath:/influx-shell/application.yml"))
			.run();
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
		try (ConfigurableApplicationContext context = start(Clashing.class)) {
			// main asks for the runner first thing; the runner needs the model
			assertThatThrownBy(() -> context.getBean(ConsoleRunner.class))
				.rootCause()
				.hasMessage("command \"clash\": -u is declared by two options (--user and --url)");
		}
	}

	static TreeSet<String> spellings(CommandOption o) {
		TreeSet<String> names = new TreeSet<>();
		for (String l : o.getLongNames()) {
			names.add("--" + l);
		}
		for (Character s : o.getShortNames()) {
			names.add("-" + s);
		}
		return names;
	}

	@Test
	void theCatalogDescribesEachCommandWithExactlyTheOptionsTheConsoleAccepts() {
		try (ConfigurableApplicationContext context = start()) {
			CommandModel model = context.getBean(CommandModel.class);
			Map<String, CommandRegistration> catalog = context.getBean(CommandCatalog.class).getRegistrations();
			assertThat(model.commands()).extracting(CommandDef::name).containsExactly("auth active", "auth create",
					"auth delete", "auth inactive", "auth journal", "auth list", "auth rotate", "auth undo", "clear", "completion", "config",
					"config create", "config list",
					"config rm", "config set", "config status", "config use", "daemon run", "daemon start", "daemon status", "daemon stop",
					"debug", "exit", "help", "history", "script", "v1 auth create", "v1 auth delete", "v1 auth list",
					"v1 auth set-active", "v1 auth set-inactive", "v1 auth set-password", "version");
			for (CommandDef command : model.commands()) {
				CommandRegistration r = catalog.get(command.name());
				assertThat(r).as(command.name()).isNotNull();
				assertThat(r.getDescription()).isEqualTo(command.description());
				assertThat(r.getAliases()).extracting(a -> a.getCommand()).containsExactlyElementsOf(command.aliases());
				List<TreeSet<String>> registered = r.getOptions().stream().map(CommandModelStartupTest::spellings).toList();
				List<TreeSet<String>> declared = command.options().stream().map(o -> new TreeSet<>(o.names())).toList();
				assertThat(registered).as(command.name()).containsExactlyElementsOf(declared);
			}
			CommandRegistration inactive = catalog.get("auth inactive");
			assertThat(inactive.getOptions()).extracting(o -> o.getLongNames()[0])
				.containsExactly("id", "user", "description", "token-value", "dry-run", "force", "mask-tokens", "product",
						"configs-path", "json", "hide-headers", "active-config", "host", "token", "skip-verify", "ca-cert",
						"http-debug", "help");
			assertThat(inactive.getOptions().get(0).getType().toString()).isEqualTo("java.util.List<java.lang.String>");
			assertThat(inactive.getOptions().get(0).getLabel()).isEqualTo("ID");
		}
	}

	static Object runFromCatalog(ConfigurableApplicationContext context, String command, String... args) {
		CommandRegistration r = context.getBean(CommandCatalog.class).getRegistrations().get(command);
		return r.getTarget().getFunction().apply(CommandContext.of(args, null, null, r, null));
	}

	@Test
	void aCatalogEntryRunsTheCommandAndThrowsItsFailure() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(runFromCatalog(context, "version").toString()).startsWith("influx-shell ");
			assertThat(runFromCatalog(context, "auth inactive", "--help")).isEqualTo(
					"auth inactive - Inactivate API tokens: they stay, but cannot be used\n");
			assertThatThrownBy(() -> runFromCatalog(context, "auth inactive", "--id", "abc"))
				.hasMessage("could not find auth with ID \"abc\": id must have a length of 16 bytes");
			assertThatThrownBy(() -> runFromCatalog(context, "auth inactive"))
				.hasMessage("at least one of --id, --user, --description, --token-value is required");
		}
	}
}
