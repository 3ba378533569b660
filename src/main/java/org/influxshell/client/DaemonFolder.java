package org.influxshell.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;

import org.influxshell.cli.BuildInfo;
import org.influxshell.cli.UserHome;

/**
 * Where the user's daemon listens: {@code $XDG_RUNTIME_DIR/influx-shell/} when that variable
 * names a folder, else {@code ~/.influxdbv2/influx-shell-daemon/} in the run's home
 * ({@link UserHome}; the launcher reads {@code $HOME} the same way), holding {@code daemon.sock}, {@code daemon.lock} (held by the running
 * daemon) and {@code daemon.log}. The folder must be the user's own with mode {@code 0700}: one
 * that is not is never used, so no other user can listen there or reach the socket.
 */
public record DaemonFolder(Path path) {

	/**
	 * The folder for a run.
	 * @param environment the run's environment
	 * @param home the run's home folder ({@link UserHome#of})
	 */
	public static DaemonFolder of(Map<String, String> environment, String home) {
		String runtime = environment.get("XDG_RUNTIME_DIR");
		if (runtime != null && runtime.startsWith("/")) {
			return new DaemonFolder(Path.of(runtime, "influx-shell"));
		}
		return new DaemonFolder(Path.of(home, ".influxdbv2", "influx-shell-daemon"));
	}

	public Path socket() {
		return path.resolve("daemon.sock");
	}

	public Path lock() {
		return path.resolve("daemon.lock");
	}

	public Path log() {
		return path.resolve("daemon.log");
	}

	/** Why the folder cannot be used, or {@code null} when it is a folder of this user's with mode {@code 0700}. */
	public String unusable() {
		PosixFileAttributes attributes;
		try {
			attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			return path + " cannot be read: " + ex.getMessage();
		}
		if (!attributes.isDirectory()) {
			return path + " is not a folder";
		}
		if (!attributes.owner().getName().equals(System.getProperty("user.name"))) {
			return path + " belongs to " + attributes.owner().getName() + ", not to " + System.getProperty("user.name");
		}
		if (!attributes.permissions().equals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_EXECUTE))) {
			return path + " has mode " + PosixFilePermissions.toString(attributes.permissions()) + ", not rwx------";
		}
		return null;
	}

	/**
	 * Makes the folder ({@code 0700}) when it is missing.
	 * @throws IOException when it cannot be made, or exists and is not private
	 */
	public void create() throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			// the folders above it are the home's owner's; this one is the daemon's own
			UserHome.createFolders(path.getParent());
			try {
				Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			catch (java.nio.file.FileAlreadyExistsException ex) {
				// another daemon starting at the same moment made it
			}
			// the umask may have taken bits away, never added any: set exactly
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
		}
		String why = unusable();
		if (why != null) {
			throw new IOException(why);
		}
	}

	/**
	 * What differs between two identities: {@code build}, {@code runtime}, {@code build and
	 * runtime}, or {@code null} when they are the same.
	 */
	public static String difference(String theirs, String ours) {
		if (theirs.equals(ours)) {
			return null;
		}
		// VERSION BUILD_TIME JAVA_HOME: the runtime's path may hold blanks, the rest never
		String[] a = theirs.split(" ", 3);
		String[] b = ours.split(" ", 3);
		boolean build = a.length < 2 || b.length < 2 || !a[0].equals(b[0]) || !a[1].equals(b[1]);
		boolean runtime = !(a.length == 3 ? a[2] : "").equals(b.length == 3 ? b[2] : "");
		return build && runtime ? "build and runtime" : runtime ? "runtime" : "build";
	}

	/** Which build and runtime a client or daemon is: only the same answer may serve a request. */
	public static String identity() {
		return String.join(" ", BuildInfo.version(), BuildInfo.time(), System.getProperty("java.home"));
	}
}
