package org.influxshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.influxshell.shell.Words;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared options may stand before the command words: they are moved after them, and nothing else is. */
class LaunchArgumentsTest {

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
			-h                                        | -h
			@script.influx                            | @script.influx
			""")
	void sharedOptionsBeforeTheCommandWordsGoAfterThem(String args, String words) {
		assertThat(LaunchArguments.commandWords(Words.split(args))).isEqualTo(Words.split(words));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			-c prod daemon start | daemon
			-c prod script x     | script
			""")
	void theDaemonAndTheRunnerSeeTheCommandFirst(String args, String first) {
		assertThat(LaunchArguments.commandWords(List.of(args.split(" "))).get(0)).isEqualTo(first);
	}
}
