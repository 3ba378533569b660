package org.influxshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.influxshell.cli.CliException;
import org.influxshell.connection.ServerOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.shell.standard.ShellOption;

class CommandSpecTest {

	static class Target {
		public String run(@ShellOption(value = { "-i", "--id" }, defaultValue = ShellOption.NULL) List<String> ids,
				@ShellOption(value = "--dry-run", defaultValue = "false") boolean dryRun,
				@ShellOption(value = "--name", defaultValue = ShellOption.NULL) @Positional String name,
				ServerOptions server) {
			return ids + " " + dryRun + " " + name + " host=" + server.host() + " token=" + server.token() + " c="
					+ server.activeConfig() + " json=" + server.local().json() + " skip=" + server.skipVerify()
					+ " debug=" + server.httpDebug();
		}

		public String required(@ShellOption(value = { "-i", "--id" }) String id) {
			return id;
		}
	}

	static CommandSpec spec(String method) {
		Method m = Arrays.stream(Target.class.getMethods()).filter(x -> x.getName().equals(method)).findFirst().orElseThrow();
		return new CommandSpec("cmd", List.of(), "test", new Target(), m);
	}

	static Object invoke(String line) throws Exception {
		CommandSpec spec = spec("run");
		return spec.method().invoke(spec.bean(), spec.arguments(spec.parse(Words.split(line))));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			--id a --id=b -i c -i=d        => [a, b, c, d] false null host=null token=null c=null json=null skip=null debug=false
			--dry-run --json               => [] true null host=null token=null c=null json=true skip=null debug=false
			--json=false --dry-run=f       => [] false null host=null token=null c=null json=false skip=null debug=false
			--token -abc --host=h --host=x => [] false null host=x token=-abc c=null json=null skip=null debug=false
			-t=-x=y -c prof                => [] false null host=null token=-x=y c=prof json=null skip=null debug=false
			-                              => [] false - host=null token=null c=null json=null skip=null debug=false
			--json a                       => [] false a host=null token=null c=null json=true skip=null debug=false
			--http-debug --skip-verify -- --x => [] false --x host=null token=null c=null json=null skip=true debug=true
			""")
	void parsesLikeUpstream(String line, String expected) throws Exception {
		assertThat(invoke(line)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			--bogus                | unknown flag: --bogus (see 'cmd --help')
			-x=1                   | unknown flag: -x (see 'cmd --help')
			--id                   | flag needs an argument: --id
			--json=maybe           | invalid boolean value "maybe" for flag --json
			a b                    | unexpected argument "b" (see 'cmd --help')
			""")
	void usageErrors(String line, String message) {
		assertThatThrownBy(() -> spec("run").parse(Words.split(line)))
			.isInstanceOfSatisfying(CliException.class, ex -> assertThat(ex.exitCode()).isEqualTo(2))
			.hasMessage(message);
	}

	@org.junit.jupiter.api.Test
	void requiredOptionsAndHelp() {
		assertThatThrownBy(() -> spec("required").parse(List.of())).hasMessage("Required flag \"id\" not set");
		Map<String, Object> help = spec("required").parse(List.of("-h"));
		assertThat(help).containsEntry("help", true);
		assertThat(spec("required").help()).contains("-i, --id value  ", "(required)", "-h, --help");
	}
}
