package org.influxshell.support;

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

	private final StringBuffer screen = new StringBuffer();

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
		ProcessBuilder pb = new ProcessBuilder("script", "-qec", "stty cols 120 rows 40; exec perl -e "
				+ "'$SIG{INT} = $SIG{TERM} = \"DEFAULT\"; exec @ARGV or die' '" + JarProcess.launcher() + "' " + shellTail,
				"/dev/null");
		pb.environment().keySet().removeIf(k -> k.startsWith("INFLUX_") || k.startsWith("SPRING_"));
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("HOME", home.toString());
		pb.environment().put("TERM", "xterm");
		// the daemon's folder: the test's own, where none runs unless the test starts one
		pb.environment().put("XDG_RUNTIME_DIR", home.resolve("run").toString());
		pb.environment().putAll(env);
		pb.redirectErrorStream(true);
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
					screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
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
	public PtySession await(String text, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (!plain().contains(text)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the terminal did not show \"" + text + "\" within " + within + "; it shows:\n"
						+ plain());
			}
			Thread.sleep(50);
		}
		return this;
	}

	/** Types {@code keys} ({@code \r} is Enter, {@code \u0003} Ctrl-C, {@code \u0004} Ctrl-D). */
	public PtySession type(String text) throws IOException {
		keys.write(text.getBytes(StandardCharsets.UTF_8));
		keys.flush();
		return this;
	}

	/** Waits for the console to end; returns its exit code. */
	public int exitCode(Duration within) throws InterruptedException {
		if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("the console did not end within " + within + "; the terminal shows:\n" + plain());
		}
		reader.join(5000);
		return process.exitValue();
	}

	/** Everything the terminal showed, as bytes arrived. */
	public String raw() {
		return screen.toString();
	}

	/** What the terminal showed without escape sequences and carriage returns. */
	public String plain() {
		return raw().replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]|\u001b[=>]", "").replace("\r", "");
	}

	@Override
	public void close() throws IOException {
		keys.close();
		if (process.isAlive()) {
			process.destroyForcibly();
		}
	}
}
