package org.influxshell.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The packaged console on a real pseudo-terminal ({@code script} from util-linux makes one): a
 * test waits for text to appear and types what a person would, when a person would. Ctrl-C typed
 * here ({@code \u0003}) is turned into SIGINT by the terminal itself, as on a desktop.
 */
public final class PtySession implements AutoCloseable {

	private final Process process;

	private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

	private final OutputStream keys;

	private final Thread reader;

	/**
	 * Starts {@code launcher shellTail} on a pseudo-terminal of 120 columns, with SIGINT and
	 * SIGTERM at their defaults (a build run as a background job hands SIGINT down ignored).
	 * @param home the console's home folder
	 * @param shellTail what follows the launcher in the shell line: arguments, {@code > out.txt}
	 */
	public static PtySession start(Path home, String shellTail) throws IOException {
		return start(home, shellTail, java.util.Map.of());
	}

	/** As {@link #start(Path, String)}, with these environment variables set too. */
	public static PtySession start(Path home, String shellTail, java.util.Map<String, String> env) throws IOException {
		Needs.program("perl", "sets SIGINT and SIGTERM back to their defaults for the console");
		ProcessBuilder pb = terminal("stty cols 120 rows 40; exec perl -e "
				+ "'$SIG{INT} = $SIG{TERM} = \"DEFAULT\"; exec @ARGV or die' '" + JarProcess.launcher() + "' " + shellTail);
		pb.environment().keySet().removeIf(k -> k.startsWith("INFLUX_") || k.startsWith("SPRING_"));
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("HOME", home.toString());
		pb.environment().put("TERM", "xterm");
		// the daemon's folder: the test's own, where none runs unless the test starts one
		pb.environment().put("XDG_RUNTIME_DIR", home.resolve("run").toString());
		pb.environment().putAll(env);
		return attach(pb);
	}

	/**
	 * A process that runs the shell line {@code command} on a pseudo-terminal, not started yet:
	 * the test sets its environment, then {@link #attach}es to it. Skips the test when
	 * {@code script} is missing.
	 */
	public static ProcessBuilder terminal(String command) {
		Needs.program("script", "util-linux's script gives the console a pseudo-terminal");
		return new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true);
	}

	/** Starts {@code pb} (made by {@link #terminal}) and reads what its terminal shows. */
	public static PtySession attach(ProcessBuilder pb) throws IOException {
		return new PtySession(pb.start());
	}

	private PtySession(Process process) {
		this.process = process;
		this.keys = process.getOutputStream();
		this.reader = new Thread(() -> {
			byte[] buffer = new byte[4096];
			try (InputStream in = process.getInputStream()) {
				int n;
				while ((n = in.read(buffer)) > 0) {
					synchronized (screen) {
						screen.write(buffer, 0, n);
					}
				}
			}
			catch (IOException ex) {
				// the session ended
			}
		}, "pty-reader");
		reader.setDaemon(true);
		reader.start();
	}

	/** Waits until the terminal has shown {@code text} (escape sequences and carriage returns left out). */
	public PtySession await(String text, Duration within) throws Exception {
		Poll.until(within, () -> plain().contains(text) || !process.isAlive(),
				() -> "the terminal did not show \"" + text + "\"; it shows:\n" + plain());
		if (!plain().contains(text)) {
			reader.join(TimeUnit.SECONDS.toMillis(30));
			if (!plain().contains(text)) {
				throw new AssertionError("the console ended (exit " + process.exitValue() + ") without showing \"" + text
						+ "\"; the terminal shows:\n" + plain());
			}
		}
		return this;
	}

	/** Types {@code keys} ({@code \r} is Enter, {@code \u0003} Ctrl-C, {@code \u0004} Ctrl-D). */
	public PtySession type(String text) throws IOException {
		keys.write(text.getBytes(StandardCharsets.UTF_8));
		keys.flush();
		return this;
	}

	/** Types {@code text} and closes the keyboard: the terminal reads what is typed, then its end. */
	public PtySession typeAndClose(String text) throws IOException {
		type(text);
		keys.close();
		return this;
	}

	/** Waits for the console to end and for all it showed to be read; returns its exit code. */
	public int exitCode(Duration within) throws InterruptedException {
		if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("the console did not end within " + within + "; the terminal shows:\n" + plain());
		}
		reader.join(TimeUnit.SECONDS.toMillis(30));
		return process.exitValue();
	}

	/** Everything the terminal showed, as bytes arrived. */
	public String raw() {
		synchronized (screen) {
			return screen.toString(StandardCharsets.UTF_8);
		}
	}

	/** What the terminal showed without escape sequences and carriage returns. */
	public String plain() {
		return plain(raw());
	}

	/** {@code screen} without escape sequences and carriage returns. */
	public static String plain(String screen) {
		return screen.replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]|\u001b[=>]", "").replace("\r", "");
	}

	@Override
	public void close() throws IOException {
		keys.close();
		if (process.isAlive()) {
			process.destroyForcibly();
		}
	}
}
