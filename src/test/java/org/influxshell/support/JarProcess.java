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
 * Runs the packaged console as a user would: a separate {@code java} process with its own home
 * folder, optional environment and stdin, and captures stdout, stderr and the exit code.
 */
public final class JarProcess {

	private final Path home;

	private final Map<String, String> env = new java.util.HashMap<>();

	private Path workDir;

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

	/** What the process did. */
	public record Result(int exit, String out, String err) {
	}

	public static Path jar() {
		String jar = System.getProperty("influxshell.jar");
		if (jar == null) {
			throw new IllegalStateException("run through 'mvnw verify': the influxshell.jar property is not set");
		}
		return Path.of(jar);
	}

	public Result run(String stdin, String... args) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Duser.home=" + home, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-jar",
				jar().toString()));
		cmd.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
		pb.environment().keySet().removeIf(k -> k.startsWith("INFLUX_") || k.startsWith("SPRING_"));
		pb.environment().putAll(env);
		Path out = Files.createTempFile(home, "out", ".txt");
		Path err = Files.createTempFile(home, "err", ".txt");
		pb.redirectOutput(out.toFile()).redirectError(err.toFile());
		Process p = pb.start();
		try (var stdinStream = p.getOutputStream()) {
			if (stdin != null) {
				stdinStream.write(stdin.getBytes(StandardCharsets.UTF_8));
			}
		}
		if (!p.waitFor(60, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IllegalStateException("console did not exit within 60 s: " + cmd);
		}
		Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
		Files.delete(out);
		Files.delete(err);
		return r;
	}
}
