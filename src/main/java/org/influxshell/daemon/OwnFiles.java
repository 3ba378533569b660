package org.influxshell.daemon;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a daemon runs from: the application's jar and the Java runtime's class image
 * ({@code lib/modules}). A rebuild, an upgrade or a removal replaces or removes them while the
 * daemon keeps the old ones open; a daemon that finds them changed stops, so that it never serves
 * a build that is no longer installed. Compared by what a cheap {@code stat} tells: the file's
 * identity (device and inode), size and modification time.
 */
final class OwnFiles {

	private final Map<Path, Object> seen = new LinkedHashMap<>();

	OwnFiles(List<Path> files) {
		for (Path file : files) {
			Object now = identity(file);
			if (now != null) {
				seen.put(file, now);
			}
		}
	}

	/** This process's: its jar (when it runs from one) and its runtime's image. */
	static OwnFiles ofThisProcess() {
		List<Path> files = new ArrayList<>();
		try {
			CodeSource source = OwnFiles.class.getProtectionDomain().getCodeSource();
			if (source != null) {
				Path jar = Path.of(source.getLocation().toURI());
				if (Files.isRegularFile(jar)) {
					files.add(jar);
				}
			}
		}
		catch (URISyntaxException | RuntimeException ex) {
			// not from a file: nothing of it to watch
		}
		files.add(Path.of(System.getProperty("java.home"), "lib", "modules"));
		return new OwnFiles(files);
	}

	/** Which file was replaced or removed since, said in words, or {@code null}. */
	String changed() {
		for (Map.Entry<Path, Object> e : seen.entrySet()) {
			Object now = identity(e.getKey());
			if (now == null) {
				return e.getKey() + " was removed";
			}
			if (!now.equals(e.getValue())) {
				return e.getKey() + " was replaced";
			}
		}
		return null;
	}

	private static Object identity(Path file) {
		try {
			BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
			return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime());
		}
		catch (IOException ex) {
			return null;
		}
	}
}
