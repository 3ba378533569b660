package org.influxshell.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The one answer to "whose home is this run in", for every per-user path: the configs file, the
 * journal, the REPL history, the daemon's folder. {@code $HOME} when it is set and absolute (as
 * Go's {@code os.UserHomeDir}, {@code gh} and {@code kubectl} read it), else the account's home
 * from the passwd database (the JVM's {@code user.home}). Upstream {@code influx} asks the passwd
 * database only: an operator who sets {@code HOME} gets their own files here, not the account's.
 * The daemon's client carries this class (JDK classes only).
 */
public final class UserHome {

	private UserHome() {
	}

	/**
	 * The home folder of a run.
	 * @param environment the run's environment variables
	 * @param accountHome the account's home ({@code user.home} of the process that started the run)
	 */
	public static String of(Map<String, String> environment, String accountHome) {
		String home = environment.get("HOME");
		return home != null && home.startsWith("/") ? home : accountHome;
	}

	/**
	 * Makes {@code dir} and its missing parents, each {@code 0700} and owned by the owner of the
	 * nearest folder that was already there: root writing into a user's home (under {@code sudo})
	 * leaves folders the user owns. A folder that exists is left as it is.
	 * @throws IOException when a folder cannot be made; giving away a folder that cannot be
	 *         given (not root) is not a failure: it then belongs to whoever made it
	 */
	public static void createFolders(Path dir) throws IOException {
		Path existing = dir.toAbsolutePath();
		Deque<Path> missing = new ArrayDeque<>();
		while (existing != null && !Files.exists(existing)) {
			missing.push(existing);
			existing = existing.getParent();
		}
		while (!missing.isEmpty()) {
			Path folder = missing.pop();
			try {
				Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			catch (FileAlreadyExistsException ex) {
				if (Files.isDirectory(folder)) {
					// made by another process at the same moment: theirs, as it is
					continue;
				}
				// a link to nothing, or a file that appeared in the way
				throw ex;
			}
			if (existing != null) {
				giveOwner(existing, folder);
			}
		}
	}

	private static void giveOwner(Path from, Path to) {
		try {
			for (String attribute : new String[] { "unix:uid", "unix:gid" }) {
				Object want = Files.getAttribute(from, attribute);
				if (!want.equals(Files.getAttribute(to, attribute, LinkOption.NOFOLLOW_LINKS))) {
					Files.setAttribute(to, attribute, want, LinkOption.NOFOLLOW_LINKS);
				}
			}
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			// not root: the folder stays the maker's, which is then the user whose home it is
		}
	}
}
