package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a separate process: runners, streams and exit codes. */
class ConsoleProcessIT {

	@TempDir
	Path home;

	JarProcess console;

	Path configs;

	@BeforeEach
	void setUp() {
		console = new JarProcess(home);
		configs = home.resolve(".influxdbv2/configs");
	}

	@Test
	void oneShotCommandPrintsOnlyTheResult() throws Exception {
		Result r = console.run(null, "config", "create", "-n", "a", "-u", "http://127.0.0.1:18086", "-t", "tokA", "-o",
				"orgA");
		assertThat(r).isEqualTo(new Result(0, "Active\tName\tURL\t\t\tOrg\n\ta\thttp://127.0.0.1:18086\torgA\n", ""));
		assertThat(console.run(null, "config", "ls", "--hide-headers"))
			.isEqualTo(new Result(0, "\ta\thttp://127.0.0.1:18086\torgA\n", ""));
	}

	@Test
	void equalsFormAndEnvironmentVariables() throws Exception {
		Path other = home.resolve("elsewhere/configs");
		console.env("INFLUX_CONFIGS_PATH", other.toString()).env("INFLUX_OUTPUT_JSON", "T");
		Result r = console.run(null, "config", "create", "--config-name=x", "--host-url=http://h:1");
		assertThat(r).isEqualTo(new Result(0, "{\n\t\"url\": \"http://h:1\",\n\t\"token\": \"\",\n\t\"org\": \"\"\n}\n", ""));
		assertThat(other).exists();
		assertThat(configs).doesNotExist();
	}

	@Test
	void resultsThatCannotBeWrittenAreErrorsUnlessTheReaderLeftARead() throws Exception {
		assertThat(console.run(null, "config", "create", "-n", "a", "-u", "http://a:1").exit()).isZero();
		assertThat(console.runWithStdoutTo(new java.io.File("/dev/full"), "config", "ls"))
			.isEqualTo(new Result(1, "", "Error: cannot write the output: No space left on device\n"));
		assertThat(console.runWithClosedStdout("config", "ls")).isEqualTo(new Result(141, "", ""));
		assertThat(console.runWithClosedStdout("config", "use", "a")).isEqualTo(new Result(1, "",
				"Error: cannot write the output: the reader closed the pipe; config \"a\" is now active\n"));
	}

	@Test
	void underACOrPosixLocaleNonAsciiArgumentsSurvive() throws Exception {
		console.env("LANG", "C").env("LC_ALL", "C").env("LC_CTYPE", "POSIX");
		Result r = console.run(null, "config", "create", "-n", "münchen", "-u", "http://h:1", "-o", "Müller GmbH",
				"--hide-headers");
		assertThat(r).isEqualTo(new Result(0, "\tmünchen\thttp://h:1\tMüller GmbH\n", ""));
		assertThat(Files.readString(configs)).contains("[\"münchen\"]\n", "  org = \"Müller GmbH\"\n");
		Path script = home.resolve("süd.influx");
		Files.writeString(script, "config use münchen --hide-headers\n");
		assertThat(console.run(null, "@" + script)).isEqualTo(new Result(0, "*\tmünchen\thttp://h:1\tMüller GmbH\n", ""));
	}

	@Test
	void settingsAreCheckedBeforeAnythingRuns() throws Exception {
		assertThat(console.env("INFLUX_RESPONSE_TIMEOUT", "30").run(null, "config", "create", "-n", "a", "-u", "http://a:1"))
			.isEqualTo(new Result(2, "", "Error: invalid value \"30\" for influx.response-timeout (INFLUX_RESPONSE_TIMEOUT): "
					+ "a duration needs a unit, such as 30s or 30ms\n"));
		assertThat(configs).doesNotExist();
		console.env("INFLUX_RESPONSE_TIMEOUT", "30s");
		assertThat(console.run(null, "--influx.bulk-concurrency=abc", "config", "ls")).isEqualTo(new Result(2, "",
				"Error: invalid value \"abc\" for influx.bulk-concurrency (INFLUX_BULK_CONCURRENCY): not a whole number\n"));
		assertThat(console.run(null, "--influx.connect-timeout=-5s", "config", "ls").exit()).isEqualTo(2);
	}

	@Test
	void unknownOptionIsAUsageError() throws Exception {
		assertThat(console.run(null, "config", "ls", "--nope"))
			.isEqualTo(new Result(2, "", "Error: unknown flag: --nope (see 'config list --help')\n"));
		assertThat(console.run(null, "frobnicate"))
			.isEqualTo(new Result(2, "", "Error: unknown command \"frobnicate\" (see 'help')\n"));
		assertThat(console.run(null, "config", "ls", "--json=perhaps"))
			.isEqualTo(new Result(2, "", "Error: invalid boolean value \"perhaps\" for flag --json\n"));
	}

	@Test
	void badBooleanEnvironmentValueNamesTheVariable() throws Exception {
		Result r = console.env("INFLUX_HIDE_HEADERS", "maybe").run(null, "config", "ls");
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.out()).isEmpty();
		assertThat(r.err()).startsWith("Error: invalid value \"maybe\" for influx.hide-headers (INFLUX_HIDE_HEADERS)").endsWith("\n")
			.hasLineCount(1);
	}

	@Test
	void scriptFileSkipsCommentsStopsAtTheFirstFailureAndKeepsEarlierEffects() throws Exception {
		Path script = home.resolve("setup.influx");
		Files.writeString(script, """
				# profiles for the lab
				config create -n lab -u http://lab:8086 -t "tok with space" -o 'my org'

				// switch to it
				config use lab
				config use nope
				config create -n never -u http://never:1
				""");
		Result r = console.run(null, "--spring.shell.script=" + script);
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.out()).isEqualTo("Active\tName\tURL\t\tOrg\n\tlab\thttp://lab:8086\tmy org\n"
				+ "Active\tName\tURL\t\tOrg\n*\tlab\thttp://lab:8086\tmy org\n");
		assertThat(r.err()).isEqualTo(script + ":6: Error: config \"nope\" is not found\n");
		assertThat(Files.readString(configs)).contains("[lab]", "token = \"tok with space\"", "active = true")
			.doesNotContain("never");
	}

	@Test
	void atFileFormAndUsageErrorExitCodeInScripts() throws Exception {
		Path script = home.resolve("s.txt");
		Files.writeString(script, "config ls --hide-headers\nconfig ls --bogus\nconfig ls\n");
		Result r = console.run(null, "@" + script);
		assertThat(r).isEqualTo(new Result(2, "", script + ":2: Error: unknown flag: --bogus (see 'config list --help')\n"));
	}

	@Test
	void stdinRunsLikeAScript() throws Exception {
		Result r = console.run("config create -n a -u http://a:1\n\n# c\nconfig ls --json\n");
		assertThat(r.exit()).isZero();
		assertThat(r.err()).isEmpty();
		assertThat(r.out()).endsWith("{\n\t\"a\": {\n\t\t\"url\": \"http://a:1\",\n\t\t\"token\": \"\",\n\t\t\"org\": \"\"\n\t}\n}\n");
		Result bad = console.run("config ls\nconfig use zz\n");
		assertThat(bad.exit()).isEqualTo(1);
		assertThat(bad.err()).isEqualTo("stdin:2: Error: config \"zz\" is not found\n");
	}

	@Test
	void missingScriptFileIsAnError() throws Exception {
		Result r = console.run(null, "--spring.shell.script=" + home.resolve("none.txt"));
		assertThat(r).isEqualTo(new Result(1, "", "Error: script file " + home.resolve("none.txt") + " does not exist\n"));
	}

	@Test
	void aStrayApplicationYmlInTheWorkingFolderIsNotRead() throws Exception {
		Path cwd = Files.createDirectory(home.resolve("cwd"));
		Files.writeString(cwd.resolve("application.yml"), "spring:\n  main:\n    banner-mode: console\ninflux:\n  output-json: true\n");
		Files.writeString(cwd.resolve("application.properties"), "influx.hide-headers=true\n");
		Result r = console.in(cwd).run(null, "config");
		assertThat(r).isEqualTo(new Result(0, "Active\tName\tURL\t\t\tOrg\n*\tdefault\thttp://localhost:8086\t\n", ""));
	}

	@Test
	void brokenConfigsFileFailsCleanlyAndStaysAsItWas() throws Exception {
		Files.createDirectories(configs.getParent());
		Files.writeString(configs, "garbage here\n");
		Result r = console.run(null, "config", "create", "-n", "x", "-u", "http://x:1");
		assertThat(r).isEqualTo(new Result(1, "", "Error: configs file " + configs + ", line 1: expected '=', found 'h'\n"));
		assertThat(Files.readString(configs)).isEqualTo("garbage here\n");
	}

	@Test
	void debugAddsTheStackTraceAfterTheOneLine() throws Exception {
		Result plain = console.run(null, "config", "use", "nope");
		assertThat(plain.err()).isEqualTo("Error: config \"nope\" is not found\n");
		Result debug = console.run(null, "config", "use", "nope", "--debug");
		assertThat(debug.exit()).isEqualTo(1);
		assertThat(debug.err()).startsWith("Error: config \"nope\" is not found\norg.influxshell.configs.ProfileErrors$NotFound: ")
			.contains("\tat org.influxshell.");
		assertThat(debug.out()).isEmpty();
	}

	/**
	 * Compiler options of the user's own replace the launcher's: asking for the optimising compiler
	 * (which needs two compiler threads where the launcher gives one) still runs the command.
	 */
	@Test
	void theUsersOwnCompilerOptionsReplaceTheLaunchers() throws Exception {
		for (String options : new String[] { "-XX:TieredStopAtLevel=4", "-Xss2m -XX:+TieredCompilation" }) {
			assertThat(console.env("INFLUX_SHELL_JAVA_OPTS", options).run(null, "config", "list")).as(options)
				.isEqualTo(new Result(0, "Active\tName\tURL\tOrg\n", ""));
		}
	}

	@Test
	void helpAndVersionExitZero() throws Exception {
		Result help = console.run(null, "config", "use", "--help");
		assertThat(help.exit()).isZero();
		assertThat(help.out()).startsWith("NAME:\n   config use - ");
		Result version = console.run(null, "version");
		assertThat(version.exit()).isZero();
		assertThat(version.out()).startsWith("influx-shell 0.1.0 (build ").contains("java 17");
	}
}
