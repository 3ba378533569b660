package org.influxshell.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.influxshell.cli.CliException;
import org.influxshell.connection.ServerOptions;
import org.influxshell.shell.Words;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgsParserTest {

	static final OptionDef<List<String>> IDS = OptionDef.list("ID", "ids", "-i", "--id").commaSeparated();

	static final OptionDef<List<String>> TAGS = OptionDef.list("TAG", "tags", "--tag");

	static final OptionDef<Boolean> DRY_RUN = OptionDef.flag("dry run", "--dry-run");

	static final OptionDef<String> NAME = OptionDef.value("NAME", "name", "--name").positional();

	static final OptionDef<String> REQUIRED = OptionDef.value("X", "needed", "-x", "--needed").required();

	static final CommandDef COMMAND = CommandDef.command("cmd").options(IDS, TAGS, DRY_RUN, NAME)
		.options(CommonOptions.SERVER).runs(a -> CommandResult.of(""));

	static String parsed(String line) {
		Args a = ArgsParser.parse(COMMAND, Words.split(line));
		ServerOptions s = a.get(CommonOptions.SERVER);
		return a.get(IDS) + " " + a.get(TAGS) + " " + a.flag(DRY_RUN) + " " + a.get(NAME) + " host=" + s.host()
				+ " token=" + s.token() + " c=" + s.activeConfig() + " json=" + s.local().json() + " skip="
				+ s.skipVerify() + " debug=" + s.httpDebug();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			--id a --id=b -i c -i=d        => [a, b, c, d] [] false null host=null token=null c=null json=null skip=null debug=false
			--id a,b -i ' c ,d' --id=e     => [a, b, c, d, e] [] false null host=null token=null c=null json=null skip=null debug=false
			--tag a,b --tag c              => [] [a,b, c] false null host=null token=null c=null json=null skip=null debug=false
			--dry-run --json               => [] [] true null host=null token=null c=null json=true skip=null debug=false
			--json=false --dry-run=f       => [] [] false null host=null token=null c=null json=false skip=null debug=false
			--token -abc --host=h --host=x => [] [] false null host=x token=-abc c=null json=null skip=null debug=false
			-t=-x=y -c prof                => [] [] false null host=null token=-x=y c=prof json=null skip=null debug=false
			-                              => [] [] false - host=null token=null c=null json=null skip=null debug=false
			--json a                       => [] [] false a host=null token=null c=null json=true skip=null debug=false
			--name=a --name b              => [] [] false b host=null token=null c=null json=null skip=null debug=false
			--http-debug --skip-verify -- --x => [] [] false --x host=null token=null c=null json=null skip=true debug=true
			""")
	void parsesLikeUpstream(String line, String expected) {
		assertThat(parsed(line)).isEqualTo(expected);
	}

	@Test
	void emptyPartsOfAListAreKeptToBeReportedNotDropped() {
		assertThat(ArgsParser.parse(COMMAND, List.of("--id", "")).get(IDS)).containsExactly("");
		assertThat(ArgsParser.parse(COMMAND, List.of("--id", ",")).get(IDS)).containsExactly("", "");
		assertThat(ArgsParser.parse(COMMAND, List.of("--id", "a, ,b,")).get(IDS)).containsExactly("a", "", "b", "");
	}

	@Test
	void anEmptyValueOfANonEmptyOptionIsAUsageError() {
		OptionDef<List<String>> pattern = OptionDef.list("REGEX", "p", "--description").nonEmpty();
		CommandDef c = CommandDef.command("sel").options(pattern).runs(a -> CommandResult.of(""));
		for (String empty : new String[] { "", " ", "\t" }) {
			assertThatThrownBy(() -> ArgsParser.parse(c, List.of("--description", empty)))
				.isInstanceOfSatisfying(CliException.class, ex -> assertThat(ex.exitCode()).isEqualTo(2))
				.hasMessage("--description needs a value that is not empty");
		}
		assertThat(ArgsParser.parse(c, List.of("--description=.")).get(pattern)).containsExactly(".");
	}

	@Test
	void atLeastOneOfSeveral() {
		CommandDef c = CommandDef.command("sel").options(IDS, TAGS).requiresOneOf(IDS, TAGS).runs(a -> CommandResult.of(""));
		assertThatThrownBy(() -> ArgsParser.parse(c, List.of())).hasMessage("at least one of --id, --tag is required");
		assertThat(ArgsParser.parse(c, List.of("--tag", "x")).get(TAGS)).containsExactly("x");
		assertThat(ArgsParser.parse(c, List.of("--help")).flag(CommandDef.HELP)).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			--bogus                | unknown flag: --bogus (see 'cmd --help')
			-x=1                   | unknown flag: -x (see 'cmd --help')
			--idd x                | unknown flag: --idd (did you mean --id?)
			--jsn                  | unknown flag: --jsn (did you mean --json?)
			--jsno=true            | unknown flag: --jsno (did you mean --json?)
			--id                   | flag needs an argument: --id
			--json=maybe           | invalid boolean value "maybe" for flag --json
			a b                    | unexpected argument "b" (see 'cmd --help')
			""")
	void usageErrors(String line, String message) {
		assertThatThrownBy(() -> ArgsParser.parse(COMMAND, Words.split(line)))
			.isInstanceOfSatisfying(CliException.class, ex -> assertThat(ex.exitCode()).isEqualTo(2))
			.hasMessage(message);
	}

	@Test
	void requiredOptionsUnlessHelpIsAsked() {
		CommandDef needs = CommandDef.command("needs").options(REQUIRED).runs(a -> CommandResult.of(""));
		assertThatThrownBy(() -> ArgsParser.parse(needs, List.of())).hasMessage("Required flag \"needed\" not set");
		assertThat(ArgsParser.parse(needs, List.of("-h")).flag(CommandDef.HELP)).isTrue();
	}

	@Test
	void aLineBeingTypedParsesAsFarAsItCan() {
		Args a = ArgsParser.partial(COMMAND, List.of("--bogus", "--host", "http://h:1", "--json=maybe", "-t"));
		assertThat(a.get(CommonOptions.HOST)).isEqualTo("http://h:1");
		assertThat(a.isSet(CommonOptions.JSON)).isFalse();
		assertThat(a.isSet(CommonOptions.TOKEN)).isFalse();
	}

	@Test
	void secretValuesNeverShowInTheText() {
		Args a = ArgsParser.parse(COMMAND, List.of("-t", "s3cret-token", "--host", "http://h:1"));
		assertThat(a.toString()).contains("--host=http://h:1", "--token=***").doesNotContain("s3cret");
	}
}
