package org.influxshell.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.regex.Pattern;

import org.influxshell.cli.UserHome;

import org.jline.reader.impl.history.DefaultHistory;

/**
 * The REPL's history: JLine's file, kept private ({@code 0600}, as it may name servers and
 * profiles), and storing each line with its secrets masked ({@link SecretMask}), so that a token
 * typed with {@code -t} is never written to disk. A line typed with a leading space is not kept
 * at all (JLine's {@code HISTORY_IGNORE_SPACE}).
 */
class HistoryFile extends DefaultHistory {

	private static final Pattern TIMESTAMP = Pattern.compile("^\\d+:");

	private final SecretMask mask;

	HistoryFile(SecretMask mask) {
		this.mask = mask;
	}

	@Override
	public void add(Instant time, String line) {
		super.add(time, mask.mask(line));
	}

	/** Creates the file (and its folder) private, or makes an existing one private. */
	static void makePrivate(Path file) {
		try {
			if (!Files.exists(file.getParent())) {
				UserHome.createFolders(file.getParent());
			}
			if (!Files.exists(file)) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			// no private history file: the REPL works without one
		}
	}

	/** The command of one line of the file as JLine writes it ({@code [millis:]line}, backslash-escaped). */
	static String command(String fileLine) {
		String escaped = TIMESTAMP.matcher(fileLine).replaceFirst("");
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < escaped.length(); i++) {
			char c = escaped.charAt(i);
			if (c == '\\' && i + 1 < escaped.length()) {
				char next = escaped.charAt(++i);
				out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
