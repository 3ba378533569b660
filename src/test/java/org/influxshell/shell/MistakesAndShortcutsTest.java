package org.influxshell.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.ok;

import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.command.CommandModel;
import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a first day gets wrong, and what the console makes of it: a mistyped option or a word
 * without its group is named as meant, a missing shell is named with its choices, and the shared
 * options may come before the command.
 */
class MistakesAndShortcutsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	CommandModel model;

	@BeforeEach
	void model() {
		model = bean(CommandModel.class);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			auth list --idd 0d099b627e605000 => unknown flag: --idd (did you mean --id?)
			auth list --jsn                  => unknown flag: --jsn (did you mean --json?)
			config ls --hide-header          => unknown flag: --hide-header (did you mean --hide-headers?)
			auth list --zzzzzz               => unknown flag: --zzzzzz (see 'auth list --help')
			inactive --id 0d099b627e605000   => unknown command "inactive" (did you mean 'auth inactive'?)
			aut                              => unknown command "aut" (did you mean 'auth'?)
			undo                             => unknown command "undo" (did you mean 'auth undo'?)
			journal --run x                  => unknown command "journal" (did you mean 'auth journal'?)
			ls                               => unknown command "ls" (did you mean 'auth ls' or 'config ls' or 'v1 auth ls'?)
			help inactive                    => unknown command "inactive" (did you mean 'auth inactive'?)
			frobnicate                       => unknown command "frobnicate" (see 'help')
			completion                       => missing bash|zsh|fish (usage: completion bash|zsh|fish)
			config use                       => missing NAME (usage: config use NAME)
			""")
	void aMistakeIsNamedWithWhatWasMeant(String line, String message) {
		assertThat(run(line)).isEqualTo(new Run(2, "", "Error: " + message + "\n"));
	}

	@Test
	void theSharedOptionsMayComeBeforeTheCommand() {
		String host = "http://localhost:" + server.getPort();
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(
				InfluxStub.authorization("0d099b627e605000", "", "active", "telegraf", "0d09973ac7605000", "alice",
						"9c5955fc99a60b8f", "my-org", List.of()))))));
		assertThat(run("config create -n prod -u " + host + " -t tok").exit()).isZero();
		String row = "0d099b627e605000\ttelegraf\t\talice\t0d09973ac7605000\t[]\n";
		assertThat(run("-c prod auth list --hide-headers")).isEqualTo(new Run(0, row, ""));
		assertThat(run("--json -c=prod auth ls").out()).startsWith("[\n\t{\n\t\t\"id\": \"0d099b627e605000\",");
		assertThat(run("--host " + host + " -t other --hide-headers auth list")).isEqualTo(new Run(0, row, ""));
		server.verify(getRequestedFor(urlPathEqualTo("/api/v2/authorizations")).withHeader("Authorization",
				WireMock.equalTo("Token other")));
		assertThat(run("--json config ls").out()).startsWith("{\n\t\"prod\": {\n");
	}

	@Test
	void theReplsOwnHelpSpeaksOfTheRepl() {
		assertThat(new HelpText(model, 100).replOverview()).startsWith("""
				influx-shell: InfluxDB 2.x/3 tokens and connection profiles

				USAGE:
				   COMMAND [options]   run one command; TAB completes commands, options and values
				   script FILE         run the commands of a script file
				   exit, quit, Ctrl-D  leave the REPL

				COMMANDS:
				""").doesNotContain("influx-shell @FILE").endsWith("\nRun 'COMMAND --help' for a command's options.\n");
	}

	@Test
	void helpIsAsWideAsTheTerminalUnlessColumnsSaysOtherwise() {
		int[] asked = { 0 };
		Screen terminal = new Screen(null, () -> ++asked[0] * 50);
		assertThat(terminal.columns()).isEqualTo(50);
		assertThat(terminal.columns()).isEqualTo(50);
		assertThat(asked[0]).isOne();
		assertThat(new Screen("120", () -> 50).columns()).isEqualTo(120);
		assertThat(new Screen("wide", () -> 50).columns()).isEqualTo(50);
		assertThat(new Screen(null, () -> 0).columns()).isEqualTo(80);
		terminal.columns(132);
		assertThat(terminal.columns()).isEqualTo(132);
	}
}
