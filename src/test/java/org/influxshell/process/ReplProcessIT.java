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
		pb.environment().put("HOME", home.toString());
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

	/**
	 * Types {@code chunks} into the console on a pseudo-terminal, waiting a little between chunks
	 * (for a completion menu to show), and returns everything the terminal showed, raw.
	 * @param shellTail what follows the launcher in the shell line ({@code > out.txt}), may be empty
	 */
	String session(String noColor, String shellTail, String... chunks) throws Exception {
		ProcessBuilder pb = new ProcessBuilder("script", "-qec",
				"stty cols 120 rows 40; exec '" + JarProcess.launcher() + "' " + shellTail, "/dev/null");
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("HOME", home.toString());
		pb.environment().put("TERM", "xterm");
		pb.environment().remove("NO_COLOR");
		if (noColor != null) {
			pb.environment().put("NO_COLOR", noColor);
		}
		pb.redirectErrorStream(true);
		Process p = pb.start();
		try (var in = p.getOutputStream()) {
			for (String chunk : chunks) {
				in.write(chunk.getBytes(StandardCharsets.UTF_8));
				in.flush();
				Thread.sleep(chunk.contains("\t") ? 1500 : 0);
			}
		}
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).isZero();
		return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

	static String plain(String screen) {
		return screen.replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]|\u001b[=>]", "").replace("\r", "");
	}

	@Test
	void withStdoutPipedThePromptStaysOnTheTerminalAndResultsGoToStdout() throws Exception {
		Path out = home.resolve("out.txt");
		String screen = plain(session(null, "> '" + out + "'",
				"config create -n lab -u http://lab:1\rconfig ls --hide-headers\rexit\r"));
		assertThat(screen).contains("influx-shell:default> config create -n lab -u http://lab:1\n",
				"influx-shell:lab> config ls --hide-headers\n", "influx-shell:lab> exit");
		assertThat(screen).doesNotContain("\tlab\thttp://lab:1\t");
		assertThat(Files.readString(out)).isEqualTo("Active\tName\tURL\t\tOrg\n\tlab\thttp://lab:1\t\n"
				+ "\tlab\thttp://lab:1\t\n");
	}

	@Test
	void builtInsHistoryWithoutSecretsScriptsAndClear() throws Exception {
		Path script = home.resolve("switch.influx");
		Files.writeString(script, "# one line\nconfig use nope\n");
		Path history = home.resolve(".influxdbv2/influx-shell_history");
		Files.createDirectories(history.getParent());
		Files.writeString(history, "");
		Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));
		String raw = session(null, "", "config create -n lab -u http://lab:1 -t s3cret-token-42 --hide-headers\r",
				" config ls\r", "history\r", "script " + script + "\r", "clear\r", "exit\r");
		String screen = plain(raw);
		assertThat(screen).contains("influx-shell:lab> history\n    1  config create -n lab -u http://lab:1 -t *** "
				+ "--hide-headers\n    2  history\ninflux-shell:lab> script",
				script + ":2: Error: config \"nope\" is not found\n");
		assertThat(raw).as("clear sends the terminal's clear-screen sequence").contains("\u001b[H\u001b[2J");
		String stored = Files.readString(history);
		assertThat(stored).contains("-t ***").doesNotContain("s3cret").doesNotContain("config ls");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
	}

	@Test
	void noColorMakesTheCompletionMenuPlain() throws Exception {
		java.util.regex.Pattern colour = java.util.regex.Pattern.compile("\u001b\\[(\\d+;)*[39]\\dm");
		String coloured = session(null, "", "auth \t", "\u0015exit\r");
		assertThat(plain(coloured)).contains("inactive", "(Inactivate API tokens: they stay, but cannot be used)");
		assertThat(colour.matcher(coloured).find()).as("a colour without NO_COLOR").isTrue();
		String plain = session("1", "", "auth \t", "\u0015exit\r");
		assertThat(plain(plain)).contains("(Inactivate API tokens: they stay, but cannot be used)");
		assertThat(colour.matcher(plain).find()).as("no colour with NO_COLOR").isFalse();
	}
}
