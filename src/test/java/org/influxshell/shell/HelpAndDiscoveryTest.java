package org.influxshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.influxshell.support.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Help, groups, suggestions, usage lines and the console's own commands, as a new user meets them. */
class HelpAndDiscoveryTest extends ConsoleTest {

	static final String AUTH_GROUP = """
			NAME:
			   auth - API tokens: list, create, inactivate, activate and delete them

			USAGE:
			   auth COMMAND [options]

			COMMANDS:
			   active    Activate API tokens
			   create    Create an API token
			   delete    Delete API tokens
			   inactive  Inactivate API tokens: they stay, but cannot be used
			   journal   List the runs that changed tokens, newest first
			   list      List API tokens (also: find, ls)
			   rotate    Replace API tokens by twins, also in the profiles that hold them
			   undo      Put back what the last run on this server changed

			Run 'auth COMMAND --help' for a command's options.
			""";

	@Test
	void topLevelHelpAndVersionInEverySpelling() {
		Run help = run("help");
		assertThat(help.exit()).isZero();
		assertThat(help.out()).startsWith("influx-shell: InfluxDB 2.x/3 tokens and connection profiles\n\nUSAGE:\n")
			.contains("\n   auth inactive         Inactivate API tokens",
					"\n   exit                  Leave the REPL, or end a script here (also: quit)\n",
					"\n   v1 auth set-inactive  Inactivate v1 authorizations",
					"\n   clear ", "\n   history ", "\n   script ", "\n   debug ", "(also: auth find, auth ls)");
		assertThat(run("--help")).isEqualTo(help);
		assertThat(run("-h")).isEqualTo(help);
		Run version = run("version");
		assertThat(version.out()).startsWith("influx-shell ");
		assertThat(run("--version")).isEqualTo(version);
	}

	@Test
	void aGroupListsItsCommandsOneLineEach() {
		assertThat(run("auth")).isEqualTo(new Run(0, AUTH_GROUP, ""));
		assertThat(run("auth --help")).isEqualTo(new Run(0, AUTH_GROUP, ""));
		assertThat(run("auth -h")).isEqualTo(new Run(0, AUTH_GROUP, ""));
		assertThat(run("help auth")).isEqualTo(new Run(0, AUTH_GROUP, ""));
	}

	@Test
	void configIsACommandAndAGroup() {
		Run help = run("config --help");
		assertThat(help.exit()).isZero();
		assertThat(help.out()).startsWith("NAME:\n   config - Print the active config, or switch to NAME")
			.contains("USAGE:\n   config [NAME] [options]\n")
			.endsWith("""
					COMMANDS:
					   create  Create a config
					   list    List all configs (also: ls)
					   rm      Remove configs (also: delete, remove)
					   set     Change a config: only the values given change (also: update)
					   status  Check each config's server, version, credentials and latency
					   use     Make a config active (- for the previous one)
					""");
		assertThat(run("help config")).isEqualTo(help);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", textBlock = """
			auth lst         => unknown command "auth lst" (did you mean 'auth list'?)
			auth inactiv --id x => unknown command "auth inactiv" (did you mean 'auth inactive'?)
			conifg ls        => unknown command "conifg ls" (did you mean 'config ls'?)
			config lsit      => unknown command "config lsit" (did you mean 'config list'?)
			config craete    => unknown command "config craete" (did you mean 'config create'?)
			help auth lst    => unknown command "auth lst" (did you mean 'auth list'?)
			verison          => unknown command "verison" (did you mean 'version'?)
			frobnicate       => unknown command "frobnicate" (see 'help')
			""")
	void aMistypedCommandGetsTheNearestOne(String line, String message) {
		assertThat(run(line)).isEqualTo(new Run(2, "", "Error: " + message + "\n"));
	}

	@Test
	void aProfileNamedLikeAMistypeIsStillAProfile() {
		assertThat(run("config create -n lsit -u http://l:1").exit()).isZero();
		assertThat(run("config lsit --hide-headers")).isEqualTo(new Run(0, "*\tlsit\thttp://l:1\t\n", ""));
		assertThat(run("config nowhere")).isEqualTo(new Run(1, "", "Error: config \"nowhere\" is not found\n"));
	}

	@Test
	void usageLinesSayWhatTheCommandTakes() {
		assertThat(run("config use --help").out()).contains("USAGE:\n   config use NAME [options]\n",
				"ARGUMENTS:\n   NAME  config to make active (- for the previous one) (also --name NAME)\n");
		assertThat(run("config use --help").out()).doesNotContain("(required)");
		assertThat(run("config rm --help").out()).contains("USAGE:\n   config rm [NAME...] [options]\n");
		assertThat(run("config create --help").out())
			.contains("USAGE:\n   config create --config-name NAME --host-url URL [options]\n");
		environment("COLUMNS", String.valueOf(200));
		assertThat(run("auth inactive --help").out()).contains("USAGE:\n   auth inactive [--id ID]... [--user NAME]... "
				+ "[--description REGEX]... [--token-value TOKEN] (at least one) [options]\n");
	}

	@Test
	void helpIsWrappedToTheScreen() {
		for (String command : new String[] { "help", "auth inactive --help", "auth create --help", "config set --help", "auth" }) {
			for (int columns : new int[] { 80, 60 }) {
				environment("COLUMNS", String.valueOf(columns));
				Run r = run(command);
				assertThat(r.out().lines()).as(command + " at " + columns).allSatisfy(
						l -> assertThat(l.length()).isLessThanOrEqualTo(columns));
			}
		}
		environment("COLUMNS", String.valueOf(80));
		assertThat(run("auth inactive --help").out()).contains("""
				USAGE:
				   auth inactive [--id ID]... [--user NAME]... [--description REGEX]...
				      [--token-value TOKEN] (at least one) [options]
				""");
	}

	@Test
	void config_rmWithoutNamesRemovesNothing() {
		assertThat(run("config rm")).isEqualTo(new Run(0, "Active\tName\tURL\tOrg\tDeleted\n", ""));
	}

	@Test
	void exitAndQuitEndAScriptOrStdinWithSuccess() throws IOException {
		for (String word : new String[] { "exit", "quit" }) {
			Run r = runArgs(new String[0], "config ls --hide-headers\n" + word + "\nconfig bogus\n");
			assertThat(r).as(word).isEqualTo(new Run(0, "", ""));
		}
		Path script = home.resolve("s.influx");
		Files.writeString(script, "version\nexit\nnosuch command\n");
		assertThat(runArgs(new String[] { "@" + script }, "").exit()).isZero();
		assertThat(run("exit")).isEqualTo(new Run(0, "", ""));
	}

	@Test
	void scriptRunsAFileWithItsOwnLineNumbers() throws IOException {
		Path inner = home.resolve("inner.influx");
		Files.writeString(inner, "# inner\nconfig create -n a -u http://a:1 --hide-headers\nconfig use nope\n");
		Run r = runArgs(new String[0], "script " + inner + "\nconfig ls\n");
		assertThat(r).isEqualTo(new Run(1, "\ta\thttp://a:1\t\n", inner + ":3: Error: config \"nope\" is not found\n"));
		assertThat(run("script " + home.resolve("missing.influx")))
			.isEqualTo(new Run(1, "", "Error: script file " + home.resolve("missing.influx") + " does not exist\n"));
	}

	@Test
	void historyShowsTheStoredLinesWithSecretsMasked() throws IOException {
		Path history = home.resolve(".influxdbv2/influx-shell_history");
		Files.createDirectories(history.getParent());
		Files.writeString(history, "1764400000000:config create -n a -u http://a:1 -t s3cret\n"
				+ "auth list --token-value=leaked\\\\value --host http://h:1\n");
		assertThat(run("history")).isEqualTo(new Run(0, "    1  config create -n a -u http://a:1 -t ***\n"
				+ "    2  auth list --token-value=*** --host http://h:1\n", ""));
	}
}
