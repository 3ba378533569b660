package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.influxshell.support.JarProcess;
import org.influxshell.support.PtySession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a real pseudo-terminal ({@code script} from util-linux gives it one): prompt with
 * the active profile, results, one-line errors that do not end the session, history kept private.
 * Skipped where {@code script} is missing.
 */
class ReplProcessIT {

	/** Only stops a hang: the console starts and ends within it even on a small, busy machine. */
	static final Duration LIMIT = Duration.ofSeconds(120);

	@TempDir
	Path home;

	@Test
	void aSessionOnATerminal() throws Exception {
		ProcessBuilder pb = PtySession.terminal("stty cols 120 rows 40; exec '" + JarProcess.launcher() + "'");
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("HOME", home.toString());
		pb.environment().put("TERM", "xterm");
		String screen;
		try (PtySession tty = PtySession.attach(pb)) {
			tty.typeAndClose("config create -n lab -u http://lab:1\rconfig create -n prod -u http://prod:1\r"
					+ "config ls --hide-headers\rconfig use nope\rconfig use prod\rauth inactive --id abc\r"
					+ "debug on\rconfig use nope\rdebug off\rexit\r");
			assertThat(tty.exitCode(LIMIT)).isZero();
			screen = tty.plain();
		}
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
	 * Types {@code chunks} into the console on a pseudo-terminal and returns everything the
	 * terminal showed, raw. After a chunk with a TAB it waits for the completion menu, until the
	 * terminal shows {@code menuShows}.
	 * @param shellTail what follows the launcher in the shell line ({@code > out.txt}), may be empty
	 * @param menuShows text of the completion menu, or {@code null} when no chunk has a TAB
	 */
	String session(String noColor, String shellTail, String menuShows, String... chunks) throws Exception {
		ProcessBuilder pb = PtySession.terminal("stty cols 120 rows 40; exec '" + JarProcess.launcher() + "' " + shellTail);
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("HOME", home.toString());
		pb.environment().put("TERM", "xterm");
		pb.environment().remove("NO_COLOR");
		if (noColor != null) {
			pb.environment().put("NO_COLOR", noColor);
		}
		try (PtySession tty = PtySession.attach(pb)) {
			for (String chunk : chunks) {
				tty.type(chunk);
				if (chunk.contains("\t")) {
					tty.await(menuShows, LIMIT);
				}
			}
			tty.typeAndClose("");
			assertThat(tty.exitCode(LIMIT)).isZero();
			return tty.raw();
		}
	}

	static String plain(String screen) {
		return PtySession.plain(screen);
	}

	@Test
	void withStdoutPipedThePromptStaysOnTheTerminalAndResultsGoToStdout() throws Exception {
		Path out = home.resolve("out.txt");
		String screen = plain(session(null, "> '" + out + "'", null,
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
		String raw = session(null, "", null, "config create -n lab -u http://lab:1 -t s3cret-token-42 --hide-headers\r",
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

	/** In the menu that TAB after {@code auth } shows. */
	static final String MENU = "(Inactivate API tokens: they stay, but cannot be used)";

	@Test
	void noColorMakesTheCompletionMenuPlain() throws Exception {
		java.util.regex.Pattern colour = java.util.regex.Pattern.compile("\u001b\\[(\\d+;)*[39]\\dm");
		String coloured = session(null, "", MENU, "auth \t", "\u0015exit\r");
		assertThat(plain(coloured)).contains("inactive", MENU);
		assertThat(colour.matcher(coloured).find()).as("a colour without NO_COLOR").isTrue();
		String plain = session("1", "", MENU, "auth \t", "\u0015exit\r");
		assertThat(plain(plain)).contains(MENU);
		assertThat(colour.matcher(plain).find()).as("no colour with NO_COLOR").isFalse();
	}
}
