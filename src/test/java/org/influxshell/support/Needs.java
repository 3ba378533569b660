package org.influxshell.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a process test needs from the machine beyond the JDK it runs on: root, a program on the
 * PATH, a second JDK. Each method skips the calling test with a one-line reason when the need is
 * missing, so that a contributor without it sees skips, not failures (CI installs all of them).
 */
public final class Needs {

	/** Where the build looks for a JDK when {@code INFLUX_SHELL_JDK} names none. */
	static final List<Path> JDK_FOLDERS = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"));

	private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]*)\"");

	private Needs() {
	}

	/** Skips the test unless it runs as root; {@code why} says what root is needed for. */
	public static void root(String why) {
		assumeTrue(isRoot(), () -> "needs root (" + why + "): running as uid " + uid());
	}

	public static boolean isRoot() {
		return uid() == 0;
	}

	private static int uid() {
		try {
			// /proc/self belongs to the process's effective user
			return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
		}
		catch (IOException | UnsupportedOperationException ex) {
			return -1;
		}
	}

	/** Skips the test unless {@code program} is on the PATH; {@code why} says what it is for. */
	public static void program(String program, String why) {
		assumeTrue(onPath(program), () -> "needs " + program + " (" + why + "): not on the PATH");
	}

	public static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program)) && !Files.isDirectory(Path.of(dir, program))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A JDK other than the one the tests run on, found as the build finds the JDK it makes the
	 * runtime from: the folder {@code INFLUX_SHELL_JDK} names, else the newest JDK (a folder with
	 * {@code bin/jlink} and a {@code release} file, compared by its {@code JAVA_VERSION}) in
	 * /usr/lib/jvm, /usr/java or /opt/java. Skips the test when there is none.
	 */
	public static Path otherJdk() {
		Optional<Path> jdk = findOtherJdk();
		assumeTrue(jdk.isPresent(), () -> "needs a second JDK beside " + System.getProperty("java.home")
				+ ": none in INFLUX_SHELL_JDK, /usr/lib/jvm, /usr/java or /opt/java");
		return jdk.get();
	}

	static Optional<Path> findOtherJdk() {
		Path own = realPath(Path.of(System.getProperty("java.home")));
		String named = System.getenv("INFLUX_SHELL_JDK");
		if (named != null && !named.isBlank()) {
			Path jdk = Path.of(named);
			if (isJdk(jdk) && !realPath(jdk).equals(own)) {
				return Optional.of(jdk);
			}
		}
		List<Path> found = new ArrayList<>();
		for (Path folder : JDK_FOLDERS) {
			if (!Files.isDirectory(folder)) {
				continue;
			}
			try (Stream<Path> dirs = Files.list(folder)) {
				dirs.filter(Needs::isJdk).filter(d -> !realPath(d).equals(own)).forEach(found::add);
			}
			catch (IOException ex) {
				// an unreadable folder holds no JDK for us
			}
		}
		return found.stream().max((a, b) -> compareVersions(javaVersion(a), javaVersion(b)));
	}

	private static boolean isJdk(Path dir) {
		return Files.isExecutable(dir.resolve("bin/jlink")) && Files.isExecutable(dir.resolve("bin/java"))
				&& !javaVersion(dir).isEmpty();
	}

	/** The {@code JAVA_VERSION} of a JDK's {@code release} file, empty when there is none. */
	static String javaVersion(Path jdk) {
		try {
			Matcher m = JAVA_VERSION.matcher(Files.readString(jdk.resolve("release")));
			return m.find() ? m.group(1) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** Compares versions as {@code sort -V} does for these: number by number (17.0.15 before 25.0.3). */
	static int compareVersions(String a, String b) {
		String[] x = a.split("[^0-9]+");
		String[] y = b.split("[^0-9]+");
		for (int i = 0; i < Math.max(x.length, y.length); i++) {
			long p = i < x.length && !x[i].isEmpty() ? Long.parseLong(x[i]) : 0;
			long q = i < y.length && !y[i].isEmpty() ? Long.parseLong(y[i]) : 0;
			if (p != q) {
				return Long.compare(p, q);
			}
		}
		return 0;
	}

	private static Path realPath(Path p) {
		try {
			return p.toRealPath();
		}
		catch (IOException ex) {
			return p.toAbsolutePath().normalize();
		}
	}
}
