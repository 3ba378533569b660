package org.influxshell.configs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import org.influxshell.cli.CliException;

/**
 * The configs file shared with upstream {@code influx} (see {@link TomlCodec} for the format).
 * Writes go to a temporary file in the same folder that is synced and then renamed over the old
 * one, under an exclusive lock on a lock file beside it; a file that cannot be read or parsed is
 * reported with its path and line and never overwritten.
 */
public class TomlProfileStore implements ProfileStore {

	/** Largest configs file read; anything bigger is not a configs file. */
	static final long MAX_SIZE = 4 * 1024 * 1024;

	private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

	/** See {@link #beforeRename(Path)}. */
	static final String PAUSE_PROPERTY = "influxshell.test.pause-before-rename";

	private static final Map<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

	private final Path path;

	public TomlProfileStore(Path path) {
		this.path = path.toAbsolutePath();
	}

	public Path path() {
		return path;
	}

	@Override
	public Profiles read() {
		String text = readText();
		try {
			return TomlCodec.read(text);
		}
		catch (TomlCodec.TomlException ex) {
			throw fail(", line " + ex.line() + ": " + ex.getMessage());
		}
	}

	private String readText() {
		if (Files.isDirectory(path)) {
			throw fail(": is a directory, not a file");
		}
		try {
			if (Files.size(path) > MAX_SIZE) {
				throw fail(": is larger than " + MAX_SIZE / (1024 * 1024) + " MiB, not a configs file");
			}
			byte[] bytes = Files.readAllBytes(path);
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (NoSuchFileException ex) {
			return "";
		}
		catch (CharacterCodingException ex) {
			throw fail(": is not UTF-8 text");
		}
		catch (IOException ex) {
			throw fail(": " + describe(ex));
		}
	}

	@Override
	public Profiles update(UnaryOperator<Profiles> change) {
		createFolder();
		Path lockPath = path.resolveSibling(path.getFileName() + ".lock");
		// file locks are held per process: threads of this process take turns first
		ReentrantLock local = LOCAL_LOCKS.computeIfAbsent(lockPath, k -> new ReentrantLock());
		local.lock();
		try (FileChannel lockChannel = openLock(lockPath); FileLock lock = lockChannel.lock()) {
			Profiles before = read();
			Profiles after = change.apply(before);
			if (!after.equals(before) || !Files.exists(path)) {
				write(TomlCodec.write(after));
			}
			return after;
		}
		catch (IOException ex) {
			throw fail(": " + describe(ex));
		}
		finally {
			local.unlock();
		}
	}

	private FileChannel openLock(Path lockPath) throws IOException {
		if (!Files.exists(lockPath)) {
			try {
				Files.createFile(lockPath, PosixFilePermissions.asFileAttribute(FILE_MODE));
			}
			catch (java.nio.file.FileAlreadyExistsException ignored) {
				// another process created it first: fine, we only need it to exist
			}
		}
		return FileChannel.open(lockPath, StandardOpenOption.WRITE);
	}

	private void createFolder() {
		Path dir = path.getParent();
		if (dir == null || Files.isDirectory(dir)) {
			return;
		}
		try {
			Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
		}
		catch (IOException ex) {
			throw fail(": cannot create folder " + dir + ": " + describe(ex));
		}
	}

	private void write(String text) throws IOException {
		Set<PosixFilePermission> mode = Files.exists(path)
				? Files.getFileAttributeView(path, PosixFileAttributeView.class).readAttributes().permissions()
				: FILE_MODE;
		Path tmp = Files.createTempFile(path.getParent(), "." + path.getFileName() + ".", ".tmp",
				PosixFilePermissions.asFileAttribute(FILE_MODE));
		try {
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
				while (buf.hasRemaining()) {
					ch.write(buf);
				}
				ch.force(true);
			}
			Files.setPosixFilePermissions(tmp, mode);
			beforeRename(tmp);
			try {
				Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * Called after the new content is durable and before the rename. A seam for crash tests: the
	 * system property {@value #PAUSE_PROPERTY} (milliseconds) holds the process here, so that a
	 * test can kill it at the worst moment.
	 */
	void beforeRename(Path tmp) {
		long pause = Long.getLong(PAUSE_PROPERTY, 0);
		if (pause > 0) {
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private CliException fail(String what) {
		return CliException.failure("configs file " + path + what);
	}

	private static String describe(IOException ex) {
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof FileSystemException fse && fse.getReason() != null) {
			return fse.getReason();
		}
		return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
	}
}
