package org.influxshell.configs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.influxshell.cli.CliException;
import org.influxshell.cli.Durations;
import org.influxshell.cli.ExitCodes;
import org.influxshell.cli.UserHome;

/**
 * The configs file shared with upstream {@code influx} (see {@link TomlCodec} for the format and
 * {@link TomlDocument} for how a change keeps what the user wrote).
 * <p>
 * A change is made under an exclusive lock on a lock file beside the file, waited for at most
 * the lock timeout; a change that changes nothing takes no lock and writes nothing. The new
 * content goes to a temporary file in the file's folder, with the file's owner, group and mode,
 * is synced, and renamed over the old file. Where that cannot be done but the file itself can be
 * written (a read-only folder, a file bind-mounted on its own, a file of another owner, a file
 * with several hard links), it is written in place, in an order that leaves a whole file behind
 * a full disk. A symbolic link is followed and its target written. A file that cannot be read or
 * parsed is reported with its path and line and never overwritten.
 */
public class TomlProfileStore implements ProfileStore {

	/** Largest configs file read or written; anything bigger is not a configs file. */
	static final int MAX_SIZE = 4 * 1024 * 1024;

	/** The lock timeout when none is given. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration NOTICE_AFTER = Duration.ofSeconds(1);

	private static final long POLL_MILLIS = 10;

	private static final int MAX_LINKS = 40;

	private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

	/** See {@link #beforeRename(Path)}. */
	static final String PAUSE_PROPERTY = "influxshell.test.pause-before-rename";

	private static final Map<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

	private final Path path;

	private final Duration lockTimeout;

	private final Consumer<String> notice;

	/** The monotonic clock the waits for the lock are measured on, in nanoseconds. */
	private final LongSupplier nanoTime;

	/** A store with the default lock timeout that says nothing while it waits. */
	public TomlProfileStore(Path path) {
		this(path, DEFAULT_LOCK_TIMEOUT, line -> {
		});
	}

	/**
	 * @param path the configs file as the user named it
	 * @param lockTimeout how long a change waits for another process's lock
	 * @param notice where to say, once, that a change is waiting for the lock
	 */
	public TomlProfileStore(Path path, Duration lockTimeout, Consumer<String> notice) {
		this(path, lockTimeout, notice, System::nanoTime);
	}

	/** @param nanoTime the clock the waits for the lock are measured on ({@link System#nanoTime()}) */
	TomlProfileStore(Path path, Duration lockTimeout, Consumer<String> notice, LongSupplier nanoTime) {
		this.path = path.toAbsolutePath();
		this.lockTimeout = lockTimeout.isNegative() ? Duration.ZERO : lockTimeout;
		this.notice = notice;
		this.nanoTime = nanoTime;
	}

	public Path path() {
		return path;
	}

	/** The lock file: beside the file as named, so that a linked file's folder gets no lock file. */
	Path lockPath() {
		return path.resolveSibling(path.getFileName() + ".lock");
	}

	@Override
	public Profiles read() {
		return load(null).document().profiles();
	}

	@Override
	public Profiles update(UnaryOperator<Profiles> change) {
		Profiles first = read();
		if (change.apply(first).equals(first)) {
			return first;
		}
		Path target = target();
		createFolder(target.getParent());
		try (Held held = lock(target)) {
			Snapshot now = load(held);
			Profiles after = change.apply(now.document().profiles());
			if (!after.equals(now.document().profiles())) {
				write(now, after, held);
			}
			return after;
		}
	}

	/** What a read found: the file (the link's target) and what it holds; {@code exists} is false for no file. */
	private record Snapshot(Path target, boolean exists, TomlDocument document) {
	}

	private Snapshot load(Held held) {
		Path target = target();
		BasicFileAttributes attrs;
		try {
			attrs = Files.readAttributes(target, BasicFileAttributes.class);
		}
		catch (NoSuchFileException ex) {
			return new Snapshot(target, false, TomlDocument.parse(""));
		}
		catch (IOException ex) {
			throw fail(": " + notAFolder(target).map(p -> p + " is not a folder").orElseGet(() -> reason(ex)));
		}
		if (attrs.isDirectory()) {
			throw fail(": is a directory, not a file");
		}
		if (!attrs.isRegularFile()) {
			throw fail(": not a regular file (" + kind(target) + ")");
		}
		byte[] bytes;
		try {
			bytes = held != null && held.onFile() ? readAll(Channels.newInputStream(held.channel().position(0)))
					: readAll(target);
		}
		catch (NoSuchFileException ex) {
			return new Snapshot(target, false, TomlDocument.parse(""));
		}
		catch (IOException ex) {
			throw fail(": " + reason(ex));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw fail(": is not UTF-8 text");
		}
		try {
			return new Snapshot(target, true, TomlDocument.parse(text));
		}
		catch (TomlCodec.TomlException ex) {
			throw fail(", line " + ex.line() + ": " + ex.getMessage());
		}
	}

	private byte[] readAll(Path target) throws IOException {
		try (InputStream in = Files.newInputStream(target)) {
			return readAll(in);
		}
	}

	/** Reads at most one byte over the limit, so that the limit counts what is read, not what a file claims. */
	private byte[] readAll(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(MAX_SIZE + 1);
		if (bytes.length > MAX_SIZE) {
			throw fail(": is larger than " + MAX_SIZE / (1024 * 1024) + " MiB, not a configs file");
		}
		return bytes;
	}

	/** The file a write goes to: the path as named, or the end of its chain of symbolic links. */
	private Path target() {
		Path p = path;
		try {
			for (int i = 0; Files.isSymbolicLink(p); i++) {
				if (i == MAX_LINKS) {
					throw fail(": too many levels of symbolic links");
				}
				p = p.resolveSibling(Files.readSymbolicLink(p));
			}
		}
		catch (IOException ex) {
			throw fail(": " + reason(ex));
		}
		return p;
	}

	private void createFolder(Path dir) {
		if (dir == null || Files.isDirectory(dir)) {
			return;
		}
		try {
			UserHome.createFolders(dir);
		}
		catch (FileAlreadyExistsException ex) {
			String inTheWay = ex.getFile();
			String what = inTheWay != null && Files.isSymbolicLink(Path.of(inTheWay)) ? " is a link to nothing"
					: " is not a folder";
			throw fail(": cannot create folder " + dir + ": " + inTheWay + what);
		}
		catch (IOException ex) {
			throw fail(": cannot create folder " + dir + ": " + reason(ex) + other(ex, dir));
		}
	}

	/**
	 * The exclusive lock on the file, held from read to write: a lock file beside it, or, when its
	 * folder cannot hold one, the file itself (and then the write is made in place, so that the lock
	 * stays on the file that is written).
	 */
	private record Held(FileChannel channel, FileLock lock, boolean onFile, ReentrantLock local) implements AutoCloseable {

		@Override
		public void close() {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// closing releases the lock; the file itself was written and synced already
			}
			finally {
				local.unlock();
			}
		}
	}

	private Held lock(Path target) {
		Path lockPath = lockPath();
		long start = nanoTime.getAsLong();
		long deadline = start + lockTimeout.toNanos();
		// file locks are held per process: threads of this process take turns first
		ReentrantLock local = LOCAL_LOCKS.computeIfAbsent(lockPath, k -> new ReentrantLock());
		boolean told = false;
		try {
			while (!local.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
				told = waiting(start, deadline, told, lockPath);
			}
		}
		catch (InterruptedException ex) {
			throw interrupted();
		}
		FileChannel channel = null;
		try {
			channel = openLock(lockPath, target);
			boolean onFile = channel == null;
			if (onFile) {
				channel = openTarget(target);
			}
			Path held = onFile ? target : lockPath;
			while (true) {
				FileLock lock = tryLock(channel);
				if (lock != null) {
					return new Held(channel, lock, onFile, local);
				}
				told = waiting(start, deadline, told, held);
				Thread.sleep(POLL_MILLIS);
			}
		}
		catch (InterruptedException ex) {
			release(channel, local);
			throw interrupted();
		}
		catch (IOException ex) {
			release(channel, local);
			throw fail(": cannot use the lock file " + lockPath + ": " + reason(ex) + other(ex, lockPath));
		}
		catch (RuntimeException ex) {
			release(channel, local);
			throw ex;
		}
	}

	/** The file itself, opened to be locked, read and written in place. */
	private FileChannel openTarget(Path target) {
		try {
			return FileChannel.open(target, StandardOpenOption.READ, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw fail(": " + reason(ex) + other(ex, target));
		}
	}

	private static void release(FileChannel channel, ReentrantLock local) {
		try {
			if (channel != null) {
				channel.close();
			}
		}
		catch (IOException ignored) {
			// nothing was locked or written through it
		}
		finally {
			local.unlock();
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// this process holds it through another name of the same file: wait as for another process
			return null;
		}
	}

	/** Says once that the wait is long; fails when it is over. */
	private boolean waiting(long start, long deadline, boolean told, Path lock) {
		long now = nanoTime.getAsLong();
		if (now - deadline >= 0) {
			throw fail(" is locked by another process (lock " + lock + ")");
		}
		if (!told && now - start >= NOTICE_AFTER.toNanos()) {
			notice.accept("configs file " + path + " is locked by another process; waiting up to "
					+ Durations.text(lockTimeout) + " (lock " + lock + ")");
			return true;
		}
		return told;
	}

	/** The lock file's channel, or {@code null} when the folder cannot hold a lock file. */
	private FileChannel openLock(Path lockPath, Path target) throws IOException {
		try {
			FileChannel channel = FileChannel.open(lockPath, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
					PosixFilePermissions.asFileAttribute(FILE_MODE));
			copyOwner(target, lockPath);
			return channel;
		}
		catch (FileAlreadyExistsException ex) {
			return FileChannel.open(lockPath, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			if (folderNotWritable(ex) && Files.exists(target)) {
				return null;
			}
			throw ex;
		}
	}

	private void write(Snapshot before, Profiles after, Held held) {
		byte[] data = content(before, after).getBytes(StandardCharsets.UTF_8);
		if (data.length > MAX_SIZE) {
			throw fail(": too large: the change would put it " + (data.length - MAX_SIZE) + " bytes over the limit of "
					+ MAX_SIZE / (1024 * 1024) + " MiB; nothing was written");
		}
		Path target = before.target();
		try {
			if (held.onFile()) {
				writeInPlace(held.channel(), data);
			}
			else if (!before.exists()) {
				replace(target, data, null);
			}
			else {
				PosixFileAttributes attrs = Files.readAttributes(target, PosixFileAttributes.class);
				if (linkCount(target) > 1 || !replace(target, data, attrs)) {
					try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
						writeInPlace(channel, data);
					}
				}
			}
		}
		catch (IOException ex) {
			throw fail(": " + reason(ex) + other(ex, target));
		}
		removeOrphans(target);
	}

	/** The new content: the old file changed line by line, or, for a new or blank file, upstream's layout. */
	private static String content(Snapshot before, Profiles after) {
		TomlDocument doc = before.document();
		if (!before.exists() || doc.isBlank()) {
			return TomlCodec.write(after);
		}
		String text = doc.edit(after);
		// the edit is checked like any other input; a layout it cannot follow gets upstream's
		return TomlCodec.read(text).equals(after) ? text : TomlCodec.write(after);
	}

	/**
	 * Writes {@code data} to a temporary file with the old file's owner, group and mode, syncs it
	 * and renames it over {@code target}.
	 * @param attrs the old file's attributes, or {@code null} for a new file
	 * @return false when this cannot be done but a write in place may work: the folder takes no new
	 *         file, the owner cannot be given to it, or the file cannot be replaced
	 */
	private boolean replace(Path target, byte[] data, PosixFileAttributes attrs) throws IOException {
		Path dir = target.getParent();
		Path tmp;
		try {
			tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
					PosixFilePermissions.asFileAttribute(FILE_MODE));
		}
		catch (IOException ex) {
			if (attrs != null && folderNotWritable(ex)) {
				return false;
			}
			throw ex;
		}
		try {
			if (attrs == null) {
				// a new file is its folder's owner's: root writing into a user's folder leaves the user a file of their own
				copyOwner(dir, tmp);
			}
			else if (!copyOwner(target, tmp)) {
				return false;
			}
			try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
				writeFully(channel, ByteBuffer.wrap(data), 0);
				channel.force(true);
			}
			if (attrs != null) {
				Files.setPosixFilePermissions(tmp, attrs.permissions());
			}
			beforeRename(tmp);
			try {
				rename(tmp, target);
			}
			catch (IOException ex) {
				if (attrs == null) {
					throw ex;
				}
				return false;
			}
			syncFolder(dir);
			return true;
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * Writes over the file's own bytes. A longer content first grows the file by line ends at its
	 * end (undone when the disk is full, before any old byte changed); a shorter one is padded with
	 * line ends before the file is cut to size. Old content followed by blank lines reads as the old
	 * content, so the file parses whole at every step but the one overwrite.
	 */
	private static void writeInPlace(FileChannel channel, byte[] data) throws IOException {
		long old = channel.size();
		int length = data.length;
		if (length > old) {
			ByteBuffer growth = ByteBuffer.allocate((int) (length - old));
			while (growth.hasRemaining()) {
				growth.put((byte) '\n');
			}
			growth.flip();
			try {
				writeFully(channel, growth, old);
				channel.force(true);
			}
			catch (IOException ex) {
				try {
					channel.truncate(old);
				}
				catch (IOException ignored) {
					// the old content is untouched before this point; only the growth may remain
				}
				throw ex;
			}
		}
		ByteBuffer padded = ByteBuffer.allocate((int) Math.max(length, old));
		padded.put(data);
		while (padded.hasRemaining()) {
			padded.put((byte) '\n');
		}
		padded.flip();
		writeFully(channel, padded, 0);
		channel.force(true);
		if (length < old) {
			channel.truncate(length);
			channel.force(true);
		}
	}

	private static void writeFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
		long at = position;
		while (buf.hasRemaining()) {
			at += channel.write(buf, at);
		}
	}

	/** Gives {@code to} the owner and group of {@code from}; false when that is not allowed. */
	private static boolean copyOwner(Path from, Path to) {
		return UserFiles.copyOwner(from, to);
	}

	private static void syncFolder(Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ignored) {
			// the rename is done; syncing the folder only makes it durable sooner
		}
	}

	/** Removes temporary files a killed writer left; no writer is at work while the lock is held. */
	private static void removeOrphans(Path target) {
		Pattern orphan = Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\.\\d+\\.tmp");
		try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(),
				p -> orphan.matcher(p.getFileName().toString()).matches())) {
			for (Path file : files) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ignored) {
			// a folder that cannot be listed or changed keeps them; they are never read
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

	/** Renames the synced temporary file over the old one; a seam for tests of the fallback. */
	void rename(Path tmp, Path target) throws IOException {
		Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
	}

	private CliException fail(String what) {
		return CliException.failure("configs file " + path + what);
	}

	private CliException interrupted() {
		Thread.currentThread().interrupt();
		return new CliException("interrupted while waiting for the lock on configs file " + path,
				ExitCodes.INTERRUPTED);
	}

	/** Whether creating a file failed because the folder takes no new files (a write in place may still work). */
	private static boolean folderNotWritable(IOException ex) {
		if (ex instanceof AccessDeniedException) {
			return true;
		}
		String reason = ex instanceof FileSystemException fse ? fse.getReason() : null;
		return "Read-only file system".equals(reason) || "Operation not permitted".equals(reason);
	}

	/** The file that stands where a folder of the path should be, if one does. */
	private static Optional<Path> notAFolder(Path file) {
		for (Path p = file.getParent(); p != null; p = p.getParent()) {
			if (Files.exists(p)) {
				return Files.isDirectory(p) ? Optional.empty() : Optional.of(p);
			}
		}
		return Optional.empty();
	}

	/** How many names the file has: a write in place keeps them all pointing at it. */
	private static int linkCount(Path file) {
		try {
			return ((Number) Files.getAttribute(file, "unix:nlink")).intValue();
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return 1;
		}
	}

	/** What kind of file a path that is neither a regular file nor a folder is. */
	private static String kind(Path file) {
		try {
			int type = ((Number) Files.getAttribute(file, "unix:mode")).intValue() & 0170000;
			return switch (type) {
				case 0020000 -> "a character device";
				case 0060000 -> "a block device";
				case 0010000 -> "a FIFO";
				case 0140000 -> "a socket";
				default -> "a special file";
			};
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return "a device, FIFO or socket";
		}
	}

	/** The reason of a file system failure in plain words. */
	static String reason(IOException ex) {
		return UserFiles.reason(ex);
	}

	/** The file a failure was about, when it is another than the one the message names already. */
	private String other(IOException ex, Path named) {
		if (ex instanceof FileSystemException fse && fse.getFile() != null) {
			String file = fse.getFile();
			if (!file.equals(named.toString()) && !file.equals(path.toString())) {
				return " (" + file + ")";
			}
		}
		return "";
	}
}
