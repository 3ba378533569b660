package org.influxshell.configs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The care every file of the user's gets, in one place: the configs file ({@link TomlProfileStore})
 * and the journal. An existing file keeps its owner; failures read in plain words.
 */
public final class UserFiles {

	private UserFiles() {
	}

	/** Gives {@code to} the owner and group of {@code from}; false when that is not allowed. */
	public static boolean copyOwner(Path from, Path to) {
		try {
			for (String attribute : new String[] { "unix:uid", "unix:gid" }) {
				Object want = Files.getAttribute(from, attribute);
				if (!want.equals(Files.getAttribute(to, attribute))) {
					Files.setAttribute(to, attribute, want);
				}
			}
			return true;
		}
		catch (NoSuchFileException ex) {
			// a new file: it belongs to whoever creates it
			return true;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** The reason of a file system failure in plain words. */
	public static String reason(IOException ex) {
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof NoSuchFileException) {
			return "no such file or directory";
		}
		if (ex instanceof NotDirectoryException) {
			return "not a directory";
		}
		if (ex instanceof FileAlreadyExistsException) {
			return "already exists";
		}
		if (ex instanceof FileSystemLoopException) {
			return "too many levels of symbolic links";
		}
		if (ex instanceof FileSystemException fse) {
			String r = fse.getReason();
			// without a reason its message is only the file's name, which says nothing of what went wrong
			return r == null || r.isEmpty() ? "failed (" + ex.getClass().getSimpleName() + ")"
					: Character.toLowerCase(r.charAt(0)) + r.substring(1);
		}
		String message = ex.getMessage();
		if (message == null) {
			return ex.getClass().getSimpleName();
		}
		boolean word = message.length() > 1 && Character.isUpperCase(message.charAt(0))
				&& Character.isLowerCase(message.charAt(1));
		return word ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
	}
}
