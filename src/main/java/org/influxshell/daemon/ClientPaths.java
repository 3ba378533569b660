package org.influxshell.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Paths as the client's process would open them, decided in the daemon without opening them.
 * Under {@code /dev} and {@code /proc} a path means a file of the process that opens it (its
 * stdin, its descriptors, {@code /proc/self}): opened by the daemon it would be the daemon's own.
 * So a path is taken as the client would take it (relative to its working folder, {@code //} and
 * {@code ..} folded) and its symbolic links are followed one by one, but never into those two
 * folders, where the daemon would read its own answer.
 */
final class ClientPaths {

	/** As the kernel: more links than this on one path is a loop. */
	private static final int MAX_LINKS = 40;

	/** How deep scripts that run scripts are checked before a request is taken. */
	private static final int MAX_DEPTH = 8;

	private static final Path DEV = Path.of("/dev");

	private static final Path PROC = Path.of("/proc");

	/** The names of the opening process's stdin. */
	private static final Set<Path> STDIN = Set.of(Path.of("/dev/stdin"), Path.of("/dev/fd/0"),
			Path.of("/proc/self/fd/0"), Path.of("/proc/thread-self/fd/0"));

	private ClientPaths() {
	}

	/** {@code typed} as the client names it from {@code folder}, its links followed up to {@code /dev} or {@code /proc}. */
	static Path resolve(String folder, String typed) {
		return resolve(Path.of(folder).resolve(typed));
	}

	static Path resolve(Path start) {
		Path path = start.toAbsolutePath().normalize();
		int links = 0;
		follow: while (true) {
			Path prefix = path.getRoot();
			for (int i = 0; i < path.getNameCount(); i++) {
				prefix = prefix.resolve(path.getName(i));
				if (prefix.startsWith(DEV) || prefix.startsWith(PROC)) {
					return path;
				}
				if (!Files.isSymbolicLink(prefix)) {
					continue;
				}
				Path target;
				try {
					target = Files.readSymbolicLink(prefix);
				}
				catch (IOException ex) {
					return path;
				}
				if (++links > MAX_LINKS) {
					return path;
				}
				Path next = prefix.getParent().resolve(target);
				if (i + 1 < path.getNameCount()) {
					next = next.resolve(path.subpath(i + 1, path.getNameCount()));
				}
				path = next.normalize();
				continue follow;
			}
			return path;
		}
	}

	/** Whether a resolved path is a file of the process that opens it. */
	static boolean ofTheOpeningProcess(Path resolved) {
		return resolved.startsWith(DEV) || resolved.startsWith(PROC);
	}

	/** Whether a resolved path is the opening process's stdin. */
	static boolean meansStdin(Path resolved) {
		return STDIN.contains(resolved);
	}

	/**
	 * Why the script at {@code typed} cannot be run by the daemon, or {@code null}: it is a file of
	 * the opening process, or one of its lines (or of the scripts those run) runs such a file, or
	 * runs a script named in a way this check does not read (quoted, escaped).
	 */
	static String scriptUnfit(String folder, String typed) {
		return scriptUnfit(folder, typed, 0, new HashSet<>());
	}

	private static String scriptUnfit(String folder, String typed, int depth, Set<Path> seen) {
		Path path = resolve(folder, typed);
		if (ofTheOpeningProcess(path)) {
			return "a file of the process that opens it";
		}
		if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || !seen.add(path)) {
			// missing, a folder, unreadable, or checked already: the command says so, or has run it
			return null;
		}
		if (depth >= MAX_DEPTH) {
			return "scripts that run scripts too deep to check";
		}
		List<String> nested = new ArrayList<>();
		try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				List<String> words = List.of(line.strip().split("[ \t]+"));
				if (!words.get(0).equals("script")) {
					continue;
				}
				String file = scriptOf(words);
				if (file == null) {
					return "a script line this console does not check";
				}
				nested.add(file);
			}
		}
		catch (IOException | RuntimeException ex) {
			// not text (MalformedInputException), or unreadable: the command says so as a cold run would
			return null;
		}
		for (String file : nested) {
			String why = scriptUnfit(folder, file, depth + 1, seen);
			if (why != null) {
				return why;
			}
		}
		return null;
	}

	/**
	 * The file a {@code script} command's words name ({@code script FILE}, {@code script --file FILE},
	 * {@code script --file=FILE}), or {@code null} when they are not plain words of one of these forms.
	 */
	static String scriptOf(List<String> words) {
		String file = null;
		if (words.size() == 2 && !words.get(1).startsWith("-")) {
			file = words.get(1);
		}
		else if (words.size() == 3 && words.get(1).equals("--file")) {
			file = words.get(2);
		}
		else if (words.size() == 2 && words.get(1).startsWith("--file=")) {
			file = words.get(1).substring("--file=".length());
		}
		if (file == null || file.isEmpty() || file.chars().anyMatch(c -> c == '"' || c == '\'' || c == '\\' || c == '#')) {
			return null;
		}
		return file;
	}
}
