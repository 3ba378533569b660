package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.influxshell.support.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a real pseudo-terminal ({@code script} from util-linux gives it one): prompt with
 * the active profile, results, one-line errors that do not end the session, history kept private.
 */
class ReplProcessIT {

	@TempDir
	Path home;

	@Test
	void aSessionOnATerminal() throws Exception {
		ProcessBuilder pb = new ProcessBuilder("script", "-qec",
				"stty cols 120 rows 40; exec '" + JarProcess.launcher() + "'", "/dev/null");
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("INFLUX_SHELL_JAVA_OPTS", "-Duser.home=" + home);
		pb.environment().put("TERM", "xterm");
		pb.redirectErrorStream(true);
		Process p = pb.start();
		try (var in = p.getOutputStream()) {
			in.write(("config create -n lab -u http://lab:1\rconfig create -n prod -u http://prod:1\r"
					+ "config ls --hide-headers\rconfig use nope\rconfig use prod\rauth inactive --id abc\r"
					+ "debug on\rconfig use nope\rdebug off\rexit\r")
				.getBytes(StandardCharsets.UTF_8));
		}
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
			.replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]|\u001b[=>]", "").replace("\r", "");
		assertThat(p.exitValue()).isZero();
		assertThat(screen).contains("influx-shell:default> config create -n lab -u http://lab:1\n",
				"influx-shell:lab> config create -n prod -u http://prod:1\n",
				"influx-shell:lab> config ls --hide-headers\n\tlab\thttp://lab:1\t\n\tprod\thttp://prod:1\t\n",
				"influx-shell:lab> config use nope\nError: config \"nope\" is not found\n",
				"influx-shell:prod> auth inactive --id abc\nError: could not find auth with ID \"abc\": id must have a length of 16 bytes\n",
				"influx-shell:prod> debug on\ndebug is on\n",
				"influx-shell:prod> config use nope\nError: config \"nope\" is not found\n"
						+ "org.influxshell.configs.ProfileErrors$NotFound: config \"nope\" is not found\n\tat ",
				"influx-shell:prod> debug off\ndebug is off\n",
				"influx-shell:prod> exit");
		Path history = home.resolve(".influxdbv2/influx-shell_history");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
		assertThat(Files.readString(history)).contains("config use prod");
	}
}
