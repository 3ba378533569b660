package org.influxshell.configs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Pattern;

import org.influxshell.cli.CliException;

/**
 * Copies of the configs file's bytes taken before a change replaces tokens in it, so that the
 * replaced values can be put back later although the server no longer returns token values. A
 * copy is as secret as the configs file: it lies beside it ({@code configs.before-RUN}), is
 * created new (never through a link), readable by its owner only, and given the configs file's
 * owner and group. Only the last run's copy is kept beside a configs file.
 */
public final class ConfigsCopies {

	private static final String INFIX = ".before-";

	private ConfigsCopies() {
	}

	/** Where the copy taken before run {@code run} lies: beside the configs file. */
	public static Path pathFor(Path configs, String run) {
		Path abs = configs.toAbsolutePath();
		return abs.resolveSibling(abs.getFileName() + INFIX + run);
	}

	/** The configs file a copy was taken of: its name without {@code .before-RUN}. */
	public static Path configsOf(Path copy) {
		String name = copy.getFileName().toString();
		int at = name.lastIndexOf(INFIX);
		if (at <= 0) {
			throw CliException.failure("\"" + copy + "\" is not a copy of a configs file");
		}
		return copy.resolveSibling(name.substring(0, at));
	}

	/**
	 * Copies the configs file's bytes to {@link #pathFor}, then removes the copies older runs left
	 * beside it: one copy at most, the last run's, so that tokens do not pile up in old copies.
	 * @return the copy
	 * @throws CliException when the file cannot be read or the copy cannot be written (nothing is left behind)
	 */
	public static Path save(Path configs, String run) {
		Path copy = pathFor(configs, run);
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(configs);
		}
		catch (IOException ex) {
			throw CliException.failure("cannot read configs file " + configs + " to keep a copy: " + UserFiles.reason(ex));
		}
		try (FileChannel out = FileChannel.open(copy,
				Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
			UserFiles.copyOwner(configs, copy);
			ByteBuffer buf = ByteBuffer.wrap(bytes);
			while (buf.hasRemaining()) {
				out.write(buf);
			}
			out.force(true);
		}
		catch (IOException ex) {
			if (!(ex instanceof FileAlreadyExistsException)) {
				remove(copy);
			}
			throw CliException.failure("cannot keep a copy of configs file " + configs + " as " + copy + ": "
					+ UserFiles.reason(ex));
		}
		removeOthers(configs.toAbsolutePath(), copy);
		return copy;
	}

	private static void removeOthers(Path configs, Path kept) {
		Pattern older = Pattern.compile(Pattern.quote(configs.getFileName() + INFIX) + "[0-9a-f]+");
		try (DirectoryStream<Path> files = Files.newDirectoryStream(configs.getParent(),
				p -> older.matcher(p.getFileName().toString()).matches())) {
			for (Path file : files) {
				if (!file.getFileName().equals(kept.getFileName())) {
					remove(file);
				}
			}
		}
		catch (IOException ex) {
			// a folder that cannot be listed keeps them; they are as private as the configs file
		}
	}

	/**
	 * The profiles a copy holds.
	 * @throws CliException when the copy is gone or is not a configs file
	 */
	public static Profiles read(Path copy) {
		try {
			if (Files.isSymbolicLink(copy)) {
				throw CliException.failure("the copy " + copy + " is a link; it is not read");
			}
			return TomlCodec.read(new String(Files.readAllBytes(copy), StandardCharsets.UTF_8));
		}
		catch (NoSuchFileException ex) {
			throw CliException.failure("the copy " + copy + " is gone");
		}
		catch (IOException ex) {
			throw CliException.failure("cannot read the copy " + copy + ": " + UserFiles.reason(ex));
		}
		catch (TomlCodec.TomlException ex) {
			throw CliException.failure("the copy " + copy + ", line " + ex.line() + ": " + ex.getMessage());
		}
	}

	/** Removes a copy; one that is gone already, or cannot be removed, is left as it is. */
	public static boolean remove(Path copy) {
		try {
			return Files.deleteIfExists(copy);
		}
		catch (IOException ex) {
			return false;
		}
	}
}
