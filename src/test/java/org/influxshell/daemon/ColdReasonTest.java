package org.influxshell.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.influxshell.client.Frames;
import org.influxshell.shell.Words;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the daemon sends back to run cold, decided on the request's arguments as the cold run reads them. */
class ColdReasonTest {

	@TempDir
	Path folder;

	private String coldReason(String args, String terminals) {
		// the daemon's own JVM options, so that only the arguments decide
		Map<String, String> environment = new HashMap<>(System.getenv());
		environment.remove("INFLUX_CONFIGS_PATH");
		environment.remove("INFLUX_JOURNAL_PATH");
		Frames.Request request = new Frames.Request("test", Words.split(args == null ? "" : args), folder.toString(),
				folder.toString(), terminals == null ? "" : terminals, environment, Map.of());
		return new RequestRun(request, new DataOutputStream(new ByteArrayOutputStream())).coldReason();
	}

	/** args | terminals | why it runs cold (none: it runs warm) */
	@ParameterizedTest(name = "[{0}] terminals={1}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			~~                                           | 012 | the REPL
			--debug                                      | 0   | the REPL
			--spring.main.x=1                            | 012 | the REPL
			~~                                           | 12  |
			auth list                                    | 012 |
			-h                                           | 012 |
			daemon stop                                  | ~~  | a daemon command
			-c prod daemon stop                          | ~~  | a daemon command
			--debug daemon status                        | ~~  | a daemon command
			@/dev/stdin                                  | ~~  | a file of the process that opens it
			--spring.shell.script=//dev/fd/0             | ~~  | a file of the process that opens it
			script /proc/self/fd/0                       | ~~  | a file of the process that opens it
			script                                       | ~~  | a script command this console does not check
			--configs-path rel/configs auth list         | ~~  | a relative path
			auth list --configs-path=/dev/fd/3           | ~~  | a file of the process that opens it
			--influx.configs-path=rel config             | ~~  | a relative path
			--influx.configsPath=rel config              | ~~  | a relative path
			--influx.journal_path=rel auth undo          | ~~  | a relative path
			--configs-path /abs/configs auth list        | ~~  |
			""")
	void theArgumentsDecideWhatRunsCold(String args, String terminals, String reason) {
		assertThat(coldReason(args, terminals)).isEqualTo(reason);
	}
}
