package org.influxshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandModel;
import org.influxshell.command.CommandResult;
import org.influxshell.command.CommonOptions;
import org.influxshell.command.OptionDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretMaskTest {

	static final OptionDef<String> PASSWORD = OptionDef.value("U:P", "password", "-p", "--username-password").secret();

	static final SecretMask MASK = new SecretMask(new CommandModel(List.of(() -> List.of(
			CommandDef.command("auth list").options(CommonOptions.SERVER).runs(a -> CommandResult.of("")),
			CommandDef.command("config create").options(PASSWORD).options(CommonOptions.LOCAL)
				.runs(a -> CommandResult.of(""))))));

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			auth list -t s3cret --json                 => auth list -t *** --json
			auth list --token=s3cret                   => auth list --token=***
			auth list -t=-s3cret -t 'a b c' --host h   => auth list -t=*** -t *** --host h
			auth list --host -t                        => auth list --host -t
			auth list -- -t s3cret                     => auth list -- -t s3cret
			config create -p bob:pw -p=bob:pw          => config create -p *** -p=***
			config create --username-password bob:pw   => config create --username-password ***
			config create --username-password=bob:pw   => config create --username-password=***
			~  auth list   -t   s3cret~                => ~  auth list   -t   ***~
			nosuch -t s3cret                           => nosuch -t s3cret
			auth list -t "unterminated                 => auth list -t ***
			auth list --host http://u:pw@h:8086/x      => auth list --host http://u:***@h:8086/x
			auth list --host=https://u:p%40ss@h        => auth list --host=https://u:***@h
			auth list --host http://u@h                => auth list --host http://u@h
			nosuch http://op:secret@proxy:3128         => nosuch http://op:***@proxy:3128
			""")
	void masksTheValueOfEverySecretOption(String line, String masked) {
		assertThat(MASK.mask(line)).isEqualTo(masked);
	}

	@Test
	void wordsAreJoinedIntoALineThatReadsBackAsTheSameWordsSecretsMasked() {
		List<String> words = List.of("auth", "list", "--host", "h k", "-t", "a \"b\" c", "--json", "", "x#y");
		String line = MASK.maskWords(words);
		assertThat(line).isEqualTo("auth list --host \"h k\" -t *** --json \"\" \"x#y\"");
		assertThat(Words.split(line)).containsExactly("auth", "list", "--host", "h k", "-t", "***", "--json", "", "x#y");
	}
}
