package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.influxshell.support.JarProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees on a real terminal: zsh's and fish's completion of the console's words (each
 * once, with its own description, no stray escapes; {@code completion TAB} offers the shells),
 * one-shot help wrapped to the terminal's width, and the REPL's own help. Each shell runs on a
 * pseudo-terminal of its own ({@code script} from util-linux), and the test reads what it draws.
 */
class CompletionShellsIT {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	@TempDir
	Path home;

	@Test
	void zshShowsEachWordOnceWithItsOwnDescription() throws Exception {
		requireCommand("zsh");
		Path functions = Files.createDirectories(home.resolve("zsh-functions"));
		Files.writeString(functions.resolve("_influx-shell"), completionScript("zsh"));
		String top = zshShows(functions, "influx-shell \t", "Show the version of influx-shell, and of Java with its home");
		List<String> words = top.lines().map(String::stripTrailing).toList();
		assertThat(words).anyMatch(l -> l.matches("auth +-- API tokens: list, create, inactivate, activate and delete them"))
			.anyMatch(l -> l.matches("completion +-- Print a completion script for bash, zsh or fish"))
			.anyMatch(l -> l.matches("config +-- Connection profiles in the configs file shared with upstream influx"));
		assertThat(words.stream().filter(l -> l.startsWith("auth "))).hasSize(1);
		assertThat(top).doesNotContain("\\:").doesNotContainPattern("auth +auth");

		String auth = zshShows(functions, "influx-shell auth \t", "Put back what the last run on this server changed");
		assertThat(auth.lines().map(String::stripTrailing))
			.anyMatch(l -> l.matches("inactive +-- Inactivate API tokens: they stay, but cannot be used"))
			.anyMatch(l -> l.matches("active +-- Activate API tokens"));
		assertThat(auth).doesNotContain("\\:");
		assertThat(words).anyMatch(l -> l.matches("v1 +-- InfluxDB 1.x compatibility: v1 auth"));

		// a group of two words: v1 auth
		String v1 = zshShows(functions, "influx-shell v1 auth \t", "Set the password of a v1 authorization");
		assertThat(v1.lines().map(String::stripTrailing))
			.anyMatch(l -> l.matches("set-inactive +-- Inactivate v1 authorizations.*"))
			.anyMatch(l -> l.matches("set-active +-- Activate v1 authorizations"));

		// values from the console itself (__complete): a colon in a description stays a colon
		String config = zshShows(functions, "influx-shell config \t", "Make a config active (- for the previous one)");
		assertThat(config.lines().map(String::stripTrailing))
			.anyMatch(l -> l.matches(".*set +-- Change a config: only the values given change"));
		assertThat(config).doesNotContain("\\:");

		// the list, then the line redrawn after it
		assertThat(zshShows(functions, "influx-shell completion \t", "zsh").lines())
			.anyMatch(l -> l.startsWith("bash  fish  zsh"));
	}

	/** What one TAB shows in a fresh zsh with the completion script: one shell a check, as for fish. */
	private String zshShows(Path functions, String typed, String text) throws Exception {
		try (Pty zsh = Pty.start(home, 120, "zsh -f -i")) {
			zsh.type("fpath=(" + functions + " $fpath); autoload -U compinit; compinit -u; PS1='%% '\r");
			zsh.run("print ready-$((%d+1))");
			int from = zsh.mark();
			zsh.type(typed).await(text, from);
			return zsh.since(from);
		}
	}

	@Test
	void fishDescribesEachWordWithItsOwnText() throws Exception {
		requireCommand("fish");
		Path script = home.resolve("influx-shell.fish");
		Files.writeString(script, completionScript("fish"));
		assertThat(fishShows(script, "influx-shell \t", "(Show the version of influx-shell, and of Java with its home)"))
			.anyMatch(l -> l.matches("auth +\\(API tokens: list, create, inactivate, activate and delete them\\)"))
			.anyMatch(l -> l.matches("config +\\(Connection profiles in the configs file shared with upstream influx\\)"))
			.noneMatch(l -> l.startsWith("auth") && l.contains("(Activate API tokens)"));
		assertThat(fishShows(script, "influx-shell auth \t", "(Put back what the last run on this server changed)"))
			.anyMatch(l -> l.matches("inactive +\\(Inactivate API tokens: they stay, but cannot be used\\)"));
		assertThat(fishShows(script, "influx-shell completion \t", "zsh"))
			.anyMatch(l -> l.matches("bash +fish +zsh.*"));
	}

	/** The lines a new fish shows once {@code typed} has made it show {@code text}: one session each, nothing to clear. */
	private List<String> fishShows(Path script, String typed, String text) throws Exception {
		try (Pty fish = Pty.start(home, 120, "fish --no-config -C 'source " + script + "; echo fish-is-ready'")) {
			fish.await("fish-is-ready", 0);
			int from = fish.mark();
			fish.type(typed).await(text, from);
			return fish.lines(from);
		}
	}

	@Test
	void oneShotHelpWrapsToTheTerminalsWidth() throws Exception {
		try (Pty narrow = Pty.start(home, 50, "'" + JarProcess.launcher() + "' auth inactive --help")) {
			narrow.exitCode();
			List<String> lines = narrow.lines(0);
			assertThat(lines).allMatch(l -> l.length() <= 50, "at most 50 columns")
				.anyMatch(l -> l.length() > 40);
			assertThat(narrow.since(0)).contains("USAGE:\n   auth inactive [--id ID]... [--user NAME]...\n");
		}
		try (Pty wide = Pty.start(home, 200, "'" + JarProcess.launcher() + "' auth inactive --help")) {
			wide.exitCode();
			assertThat(wide.since(0)).contains("USAGE:\n   auth inactive [--id ID]... [--user NAME]... [--description REGEX]... "
					+ "[--token-value TOKEN] (at least one) [options]\n");
		}
	}

	@Test
	void theReplsHelpSpeaksOfTheRepl() throws Exception {
		try (Pty repl = Pty.start(home, 120, "'" + JarProcess.launcher() + "'")) {
			repl.await("> ", 0);
			int help = repl.mark();
			repl.type("help\r").await("Run 'COMMAND --help' for a command's options.", help);
			assertThat(repl.since(help)).contains("   COMMAND [options]   run one command; TAB completes commands, options and values\n",
					"   exit, quit, Ctrl-D  leave the REPL\n").doesNotContain("influx-shell @FILE");
			repl.type("exit\r");
			assertThat(repl.exitCode()).isZero();
		}
	}

	private static void requireCommand(String name) {
		boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
		Assumptions.assumeTrue(found, name + " is not installed: its completion cannot be tried");
	}

	private String completionScript(String shell) throws Exception {
		var run = new JarProcess(home).run("", "completion", shell);
		assertThat(run.exit()).isZero();
		return run.out();
	}

	/**
	 * A program on a pseudo-terminal of its own size, the console's folder on its PATH: the test
	 * types, and waits until the terminal has shown what it waits for. Every chunk the terminal
	 * shows wakes the waiting test; nothing sleeps.
	 */
	static final class Pty implements AutoCloseable {

		private final Process process;

		private final StringBuilder screen = new StringBuilder();

		private final OutputStream keys;

		private int readies;

		/** The terminal closed: everything it showed is in {@link #screen}. */
		private boolean closed;

		static Pty start(Path home, int columns, String command) throws IOException {
			requireCommand("script");
			ProcessBuilder pb = new ProcessBuilder("script", "-qec", "stty cols " + columns + " rows 40; exec " + command,
					"/dev/null");
			Map<String, String> env = pb.environment();
			env.keySet().removeIf(k -> k.startsWith("INFLUX_") || k.startsWith("SPRING_") || k.equals("COLUMNS")
					|| k.equals("LINES"));
			env.put("HOME", home.toString());
			env.put("JAVA_HOME", System.getProperty("java.home"));
			env.put("TERM", "xterm");
			env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
			env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
			env.put("PATH", JarProcess.launcher().getParent() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
			pb.redirectErrorStream(true);
			return new Pty(pb.start());
		}

		private Pty(Process process) {
			this.process = process;
			this.keys = process.getOutputStream();
			Thread reader = new Thread(() -> {
				byte[] buffer = new byte[4096];
				try (InputStream in = process.getInputStream()) {
					for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
						synchronized (screen) {
							screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
							screen.notifyAll();
						}
					}
				}
				catch (IOException ex) {
					// the terminal closed
				}
				synchronized (screen) {
					closed = true;
					screen.notifyAll();
				}
			}, "pty-reader");
			reader.setDaemon(true);
			reader.start();
		}

		Pty type(String text) throws IOException {
			keys.write(text.getBytes(StandardCharsets.UTF_8));
			keys.flush();
			return this;
		}

		/** Where the terminal's output is now: what comes later is read from here. */
		int mark() {
			synchronized (screen) {
				return screen.length();
			}
		}

		/**
		 * Runs {@code command} (with a number for {@code %d}) and waits for what it prints,
		 * {@code ready-N}: the shell is then at a fresh prompt, idle. Returns where the output is then.
		 */
		int run(String command) throws Exception {
			int before = mark();
			int n = ++readies;
			type(command.formatted(n - 1) + "\r").await("ready-" + n + "\n", before);
			return mark();
		}

		/** Waits until the terminal has shown {@code text} after {@code from}. */
		Pty await(String text, int from) throws InterruptedException {
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			synchronized (screen) {
				while (!plain(screen.substring(Math.min(from, screen.length()))).contains(text)) {
					long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
					if (left <= 0) {
						throw new AssertionError("the terminal did not show \"" + text + "\" within " + PATIENCE
								+ "; it shows:\n" + plain(screen.toString()));
					}
					screen.wait(left);
				}
			}
			return this;
		}

		/** What the terminal showed after {@code from}, escape sequences and carriage returns left out. */
		String since(int from) {
			synchronized (screen) {
				return plain(screen.substring(Math.min(from, screen.length())));
			}
		}

		/** The lines shown after {@code from}, trailing blanks left out. */
		List<String> lines(int from) {
			return since(from).lines().map(String::stripTrailing).toList();
		}

		int exitCode() throws InterruptedException {
			assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the program ended").isTrue();
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			synchronized (screen) {
				while (!closed) {
					long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
					assertThat(left).as("the terminal closed").isPositive();
					screen.wait(left);
				}
			}
			return process.exitValue();
		}

		private static String plain(String raw) {
			return raw.replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]|\u001b[=>]|\u001b\\][^\u0007]*\u0007|\u001b\\(B", "")
				.replace("\r", "").replace("\u0007", "");
		}

		@Override
		public void close() throws IOException {
			keys.close();
			if (process.isAlive()) {
				process.destroyForcibly();
			}
		}
	}
}
