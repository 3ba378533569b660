package org.influxshell.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged console as a user would, through the launcher: a separate process with its
 * own home folder, optional environment and stdin, and captures stdout, stderr and the exit code.
 */
public final class JarProcess {

	/** How long a run may take before it counts as hung. */
	static final java.time.Duration RUN_LIMIT = java.time.Duration.ofSeconds(180);

	private final Path home;

	private final Map<String, String> env = new java.util.HashMap<>();

	private Path workDir;

	private final List<String> through = new ArrayList<>();

	private Path launcher;

	public JarProcess(Path home) {
		this.home = home;
		this.workDir = home;
	}

	public JarProcess env(String name, String value) {
		env.put(name, value);
		return this;
	}

	public JarProcess in(Path dir) {
		this.workDir = dir;
		return this;
	}

	/**
	 * Starts the launcher through this command ({@code setpriv --reuid=...} to run as another user,
	 * {@code unshare -m sh -c ...} to run with a mount of its own); the launcher and the arguments
	 * follow its words.
	 */
	public JarProcess through(String... command) {
		through.addAll(List.of(command));
		return this;
	}

	/** Runs this launcher instead of the packaged one (a copy another user can read, say). */
	public JarProcess launcher(Path other) {
		this.launcher = other;
		return this;
	}

	/** What the process did. */
	public record Result(int exit, String out, String err) {
	}

	/** The launcher the README starts the console with ({@code target/influx-shell/influx-shell}). */
	public static Path launcher() {
		String launcher = System.getProperty("influxshell.launcher");
		if (launcher == null) {
			throw new IllegalStateException("run through 'mvnw verify': the influxshell.launcher property is not set");
		}
		return Path.of(launcher);
	}

	public Result run(String stdin, String... args) throws IOException, InterruptedException {
		Path out = Files.createTempFile(home, "out", ".txt");
		try {
			Result r = run(stdin, ProcessBuilder.Redirect.to(out.toFile()), args);
			return new Result(r.exit(), Files.readString(out), r.err());
		}
		finally {
			Files.delete(out);
		}
	}

	/** Runs with stdout going to {@code file} ({@code /dev/full}, say); the result's output is empty. */
	public Result runWithStdoutTo(java.io.File file, String... args) throws IOException, InterruptedException {
		return run(null, ProcessBuilder.Redirect.appendTo(file), args);
	}

	/** Runs with stdout a pipe whose reader is gone before the console writes ({@code | head -0}). */
	public Result runWithClosedStdout(String... args) throws IOException, InterruptedException {
		return run(null, ProcessBuilder.Redirect.PIPE, args);
	}

	private ProcessBuilder builder(List<String> cmd) {
		ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
		pb.environment().keySet().removeIf(k -> k.startsWith("INFLUX_") || k.startsWith("SPRING_")
				|| k.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("HOME", home.toString());
		// the daemon's folder: the test's own, where none runs unless the test starts one
		pb.environment().put("XDG_RUNTIME_DIR", home.resolve("run").toString());
		pb.environment().putAll(env);
		return pb;
	}

	/**
	 * Starts the console and returns at once, stdin empty and not a terminal, so that a test can
	 * signal it. SIGINT and SIGTERM are set back to their defaults first: a build started as a
	 * background job would otherwise hand SIGINT down ignored, and the console would never see it.
	 * Skips the test when perl, which does that, is missing.
	 */
	public Running start(String... args) throws IOException {
		Needs.program("perl", "sets SIGINT and SIGTERM back to their defaults for a console the test signals");
		List<String> cmd = new ArrayList<>(List.of("perl", "-e",
				"$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec @ARGV or die \"cannot run $ARGV[0]: $!\\n\"",
				launcher().toString()));
		cmd.addAll(List.of(args));
		return launch(cmd);
	}

	/**
	 * Starts the console and returns at once, stdin empty and not a terminal, with the signal
	 * dispositions this JVM hands down: for a test that waits for it or kills it, never signals it.
	 */
	public Running spawn(String... args) throws IOException {
		List<String> cmd = new ArrayList<>(List.of(launcher().toString()));
		cmd.addAll(List.of(args));
		return launch(cmd);
	}

	private Running launch(List<String> cmd) throws IOException {
		Path out = Files.createTempFile(home, "out", ".txt");
		Path err = Files.createTempFile(home, "err", ".txt");
		Process p = builder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		p.getOutputStream().close();
		return new Running(p, out, err);
	}

	/**
	 * A console started by {@link #start} or {@link #spawn}: perl (for start) execs the launcher,
	 * which execs Java, so the process is the console.
	 */
	public static final class Running {

		private final Process process;

		private final Path out;

		private final Path err;

		Running(Process process, Path out, Path err) {
			this.process = process;
			this.out = out;
			this.err = err;
		}

		/** Sends {@code signal} ({@code INT}, {@code TERM}) as {@code kill} does. */
		public void signal(String signal) throws IOException, InterruptedException {
			Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(process.pid())).inheritIO().start();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -s " + signal + " failed");
			}
		}

		/** The console's process id (the launcher's, which became the client or the console's JVM). */
		public long pid() {
			return process.pid();
		}

		public boolean isAlive() {
			return process.isAlive();
		}

		/** Waits until the console has written {@code text} to stderr, while it runs. */
		public void awaitErr(String text, java.time.Duration within) throws Exception {
			Poll.until(within, () -> read(err).contains(text),
					() -> "stderr did not show \"" + text + "\"; it holds:\n" + read(err));
		}

		private static String read(Path file) {
			try {
				// leniently: the console may be half-way through a character
				return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return ex.toString();
			}
		}

		/** Waits for the console to end and returns what it did. */
		public Result await(java.time.Duration within) throws IOException, InterruptedException {
			if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("console did not exit within " + within);
			}
			return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
		}
	}

	private Result run(String stdin, ProcessBuilder.Redirect stdout, String... args)
			throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>(through);
		cmd.add((launcher != null ? launcher : launcher()).toString());
		cmd.addAll(List.of(args));
		ProcessBuilder pb = builder(cmd);
		Path err = Files.createTempFile(home, "err", ".txt");
		pb.redirectOutput(stdout).redirectError(err.toFile());
		Process p = pb.start();
		if (stdout == ProcessBuilder.Redirect.PIPE) {
			// the JVM takes far longer to start than this takes: the console's first write finds no reader
			p.getInputStream().close();
		}
		try (var stdinStream = p.getOutputStream()) {
			if (stdin != null) {
				stdinStream.write(stdin.getBytes(StandardCharsets.UTF_8));
			}
		}
		// only stops a hang: a JVM starting on a small, busy machine takes seconds, not minutes
		if (!p.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IllegalStateException("console did not exit within " + RUN_LIMIT + ": " + cmd);
		}
		Result r = new Result(p.exitValue(), "", Files.readString(err));
		Files.delete(err);
		return r;
	}
}
