package org.influxshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.influxshell.cli.CliException;
import org.influxshell.shell.Words;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one rule for the process arguments: settings, a script, the command words (the shared
 * options before them moved after them, and nothing else), and the mode that follows.
 */
class LaunchTest {

	private static Launch parse(String args) {
		return Launch.parse(Words.split(args == null ? "" : args));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			-c prod auth list                         | auth list -c prod
			--active-config=prod auth list --json     | auth list --json --active-config=prod
			--host http://h:1 -t tok auth list        | auth list --host http://h:1 -t tok
			--token=tok --configs-path /x config ls   | config ls --token=tok --configs-path /x
			--json --hide-headers config ls           | config ls --json --hide-headers
			--json=false config                       | config --json=false
			-c prod config rm -- -odd                 | config rm -c prod -- -odd
			--spring.main.x=1 -c prod auth list       | auth list -c prod
			auth list -c prod                         | auth list -c prod
			-c prod                                   | -c prod
			-c                                        | -c
			--id x auth list                          | --id x auth list
			-c prod @script.influx                    | @script.influx -c prod
			-h -c prod                                | -h -c prod
			""")
	void sharedOptionsBeforeTheCommandWordsGoAfterThem(String args, String words) {
		assertThat(parse(args).words()).isEqualTo(Words.split(words));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			-c prod daemon start | daemon
			-c prod script x     | script
			""")
	void theDaemonAndTheRunnerSeeTheCommandFirst(String args, String first) {
		assertThat(Launch.parse(List.of(args.split(" "))).words().get(0)).isEqualTo(first);
	}

	/** args | stdin a terminal | mode | script | from @FILE | words */
	@ParameterizedTest(name = "[{0}] terminal={1}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			~~                                                   | true  | REPL    |          | false | ~~
			~~                                                   | false | STDIN   |          | false | ~~
			--debug                                              | true  | REPL    |          | false | ~~
			--spring.main.x=1 --influx.retries=1                 | false | STDIN   |          | false | ~~
			auth list                                            | true  | COMMAND |          | false | auth list
			auth list                                            | false | COMMAND |          | false | auth list
			-h                                                   | true  | COMMAND |          | false | help
			--help                                               | false | COMMAND |          | false | help
			--version                                            | false | COMMAND |          | false | version
			--debug -h                                           | false | COMMAND |          | false | help
			-h --json                                            | false | COMMAND |          | false | -h --json
			@s.influx                                            | true  | SCRIPT  | s.influx | true  | ~~
			--debug @s.influx                                    | false | SCRIPT  | s.influx | true  | ~~
			@                                                    | false | COMMAND |          | false | @
			@a @b                                                | false | COMMAND |          | false | @a @b
			--spring.shell.script=a.influx                       | true  | SCRIPT  | a.influx | false | ~~
			--spring.shell.script=a --spring.shell.script=b      | false | SCRIPT  | b        | false | ~~
			--spring.shell.script=a --debug --logging.level.x=1  | false | SCRIPT  | a        | false | ~~
			""")
	void theArgumentsDecideTheMode(String args, boolean terminal, Launch.Mode mode, String script, boolean atFile,
			String words) {
		Launch launch = parse(args);
		assertThat(launch.mode(terminal)).isEqualTo(mode);
		assertThat(launch.mode(() -> terminal)).isEqualTo(mode);
		assertThat(launch.script()).isEqualTo(script);
		assertThat(launch.runsScript()).isEqualTo(script != null);
		assertThat(launch.atFile()).isEqualTo(atFile);
		assertThat(launch.words()).isEqualTo(Words.split(words == null ? "" : words));
		assertThat(launch.usageError()).isNull();
	}

	@Test
	void whetherStdinIsATerminalIsAskedOnlyWhenItDecides() {
		for (String args : List.of("auth list", "@s.influx", "--spring.shell.script=s")) {
			assertThat(parse(args).mode(() -> {
				throw new AssertionError("asked for " + args);
			})).isNotNull();
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			--spring.shell.script=f --json x  | x
			--spring.shell.script=f auth list | auth
			--spring.shell.script=f -h        | -h
			--spring.shell.script=f @g        | @g
			@g --spring.shell.script=f        | @g
			--spring.shell.script=f -c prod   | -c
			""")
	void aWordBesideTheScriptOptionIsAUsageError(String args, String word) {
		Launch launch = parse(args);
		assertThat(launch.mode(false)).isEqualTo(Launch.Mode.SCRIPT);
		assertThat(launch.words()).isEmpty();
		CliException error = launch.usageError();
		assertThat(error.getMessage()).isEqualTo("unexpected argument \"" + word
				+ "\" next to --spring.shell.script=f (only --spring.*, --influx.*, --logging.* and --debug may go with it)");
		assertThat(error.exitCode()).isEqualTo(2);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			daemon start                        | true
			daemon                              | true
			-c prod daemon stop                 | true
			--debug daemon stop                 | true
			--spring.main.x=1 daemon status     | true
			--spring.shell.script=f daemon stop | false
			config daemon                       | false
			auth list                           | false
			--debug                             | false
			""")
	void aDaemonCommandIsFoundWhereverTheSharedOptionsAndSettingsStand(String args, boolean daemon) {
		assertThat(parse(args).daemonCommand()).isEqualTo(daemon);
	}

	@Test
	void settingsAreNeverCommandWordsWhereverTheyStand() {
		Launch launch = parse("--spring.a=1 auth --logging.level.x=debug list --influx.retries=1 --debug -- --debug");
		assertThat(launch.settings()).containsExactly("--spring.a=1", "--logging.level.x=debug", "--influx.retries=1",
				"--debug", "--debug");
		assertThat(launch.words()).containsExactly("auth", "list", "--");
		assertThat(launch.debug()).isTrue();
		assertThat(launch.args()).hasSize(8);
		assertThat(parse("auth list --debugger").debug()).isFalse();
	}

	/** Spring binds a setting however its name is spelled: each spelling is a path the daemon must check. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			--configs-path a auth list                          | a
			auth list --configs-path=b                          | b
			auth list --configs-path                            | ~~
			--influx.configs-path=c config                      | c
			--influx.journal-path=d auth undo                   | d
			--influx.configsPath=e config                       | e
			--influx.configs_path=f config                      | f
			--influx.JOURNAL-PATH=g config                      | g
			--influx.journal-paths=h config                     | ~~
			--influx.configs-path config                        | ~~
			--configs-path /x --influx.journal-path=y config    | /x y
			""")
	void theConfigsAndJournalPathsAreFoundAsOptionsAndAsSettings(String args, String paths) {
		assertThat(parse(args).paths()).isEqualTo(Words.split(paths == null ? "" : paths));
	}
}
