package org.influxshell.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.influxshell.cli.CliException;
import org.influxshell.cli.UserHome;
import org.influxshell.configs.UserFiles;

/**
 * The journal of every change the console makes to a token: a file of the user's, one JSON object
 * per line. Each line is appended with one write under an exclusive lock on the file, opened
 * with {@code O_APPEND}, so lines of concurrent processes never interleave, and starts on a line of
 * its own even after a line cut short (a full disk). A new file is {@code 0600} (its folder
 * {@code 0700}) and gets the owner of its folder; an existing one keeps its mode and owner.
 *
 * <p>It cannot be turned against its owner: it is opened without following links, and a journal
 * that is a link, lies in a folder that is a link, or has another owner than its folder is
 * refused (root appending to a file a user's link points at would write where the user chose).
 * At {@link #ROTATE_AT} the file is renamed {@code NAME.1} (the one before is dropped) and a new
 * one begun; {@link #read} and {@link #forEach} read both. A journal that cannot be written never
 * stops a change: it is said once on stderr, and each entry not written goes to stderr whole, so
 * nothing is lost; a journal locked by another process costs one lock timeout at most, then is not
 * waited for again.
 */
public class Journal {

	private static final long POLL_MILLIS = 5;

	/** The size at which the journal is rotated. */
	static final long ROTATE_AT = 10L << 20;

	private final Supplier<Path> path;

	private final Duration lockTimeout;

	private final Consumer<String> warning;

	private final Set<Path> warned = new HashSet<>();

	/** A lock timeout was met: later appends take the lock only when it is free at once. */
	private boolean gaveUpWaiting;

	/**
	 * @param path where the journal is; asked at each write, as the configs file's folder may differ by then
	 * @param lockTimeout the longest a write waits for another process's lock ({@code influx.lock-timeout})
	 * @param warning where a journal that cannot be written is said (stderr)
	 */
	public Journal(Supplier<Path> path, Duration lockTimeout, Consumer<String> warning) {
		this.path = path;
		this.lockTimeout = lockTimeout;
		this.warning = warning;
	}

	/** The journal file. */
	public Path path() {
		return path.get();
	}

	/**
	 * Appends one entry; never fails. Steps of a bulk run call it from several threads: they take
	 * turns here, as a file lock is held per process.
	 */
	public synchronized void append(JournalEntry entry) {
		Path file = path.get();
		String line;
		try {
			line = line(entry);
		}
		catch (IOException ex) {
			cannotWrite(file, UserFiles.reason(ex), null);
			return;
		}
		try {
			write(file, line);
		}
		catch (IOException ex) {
			cannotWrite(file, UserFiles.reason(ex), line);
		}
		catch (JournalRefused ex) {
			cannotWrite(file, ex.getMessage(), line);
		}
		catch (JournalLocked ex) {
			gaveUpWaiting = true;
			cannotWrite(file, "locked by another process for longer than " + lockTimeout.toMillis() + "ms", line);
		}
	}

	private void cannotWrite(Path file, String reason, String line) {
		// the incident comes first: the change stands, and the warning is said once, not per token
		if (warned.add(file)) {
			warning.accept("cannot write the journal " + file + ": " + reason
					+ "; changes are made, and each entry that is not journaled follows here");
		}
		if (line != null) {
			warning.accept("not journaled: " + line);
		}
	}

	private void write(Path file, String line) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		if (folder != null && !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
			UserHome.createFolders(folder);
		}
		if (folder != null && Files.isSymbolicLink(folder)) {
			throw new JournalRefused("its folder " + folder + " is a symbolic link");
		}
		// a full journal is rotated under its lock, then the line goes to the new one
		while (!writeOnce(file, folder, line)) {
			// rotated: once more, into the new file
		}
	}

	/** Appends the line; false when the journal was full and has been rotated instead. */
	private boolean writeOnce(Path file, Path folder, String line) throws IOException {
		boolean isNew = !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
		if (Files.isSymbolicLink(file)) {
			throw new JournalRefused("it is a symbolic link");
		}
		try (FileChannel channel = FileChannel.open(file,
				Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
						LinkOption.NOFOLLOW_LINKS),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
			if (isNew && folder != null) {
				// root writing into a user's folder leaves the user a file of their own
				UserFiles.copyOwner(folder, file);
			}
			else if (folder != null && !sameOwner(folder, file)) {
				throw new JournalRefused("it belongs to another user than its folder " + folder);
			}
			try (FileLock lock = lock(channel)) {
				long size = channel.size();
				if (size >= ROTATE_AT) {
					// another process may have rotated it while this one waited for the lock: then the
					// name is a new, smaller file, to open again; else this one rotates it
					if (Files.size(file) == size) {
						Files.move(file, previous(file), StandardCopyOption.REPLACE_EXISTING);
					}
					return false;
				}
				// a line cut short (a full disk, a killed writer) must not swallow this one
				String text = endsLine(file, size) ? line + "\n" : "\n" + line + "\n";
				ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
				while (buf.hasRemaining()) {
					channel.write(buf);
				}
				return true;
			}
		}
	}

	/** Whether the file (of {@code size} bytes, held locked) is empty or its last byte ends a line. */
	private static boolean endsLine(Path file, long size) throws IOException {
		if (size == 0) {
			return true;
		}
		// an appending channel cannot read: a second one, for the one byte
		try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			ByteBuffer last = ByteBuffer.allocate(1);
			return in.read(last, size - 1) == 1 && last.get(0) == '\n';
		}
	}

	private static Path previous(Path file) {
		return file.resolveSibling(file.getFileName() + ".1");
	}

	private static boolean sameOwner(Path a, Path b) {
		try {
			return Files.getAttribute(a, "unix:uid").equals(Files.getAttribute(b, "unix:uid", LinkOption.NOFOLLOW_LINKS));
		}
		catch (IOException | UnsupportedOperationException ex) {
			return true;
		}
	}

	private FileLock lock(FileChannel channel) throws IOException {
		long deadline = System.nanoTime() + (gaveUpWaiting ? 0 : lockTimeout.toNanos());
		while (true) {
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock != null) {
				return lock;
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new JournalLocked();
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new JournalLocked();
			}
		}
	}

	/**
	 * Every entry, in the order written: the rotated file's first, then the journal's. A line that
	 * is not an entry (cut short by a full disk, or by a reader racing a writer) is skipped, said
	 * once with its line number. A journal that does not exist is empty.
	 * @throws CliException a failure naming the file when it cannot be read
	 */
	public List<JournalEntry> read() {
		List<JournalEntry> entries = new ArrayList<>();
		forEach(entries::add);
		return entries;
	}

	/**
	 * Hands every entry to {@code each} as {@link #read} orders them, one line at a time: a large
	 * journal is never held whole, so what a reader keeps is what it chooses to keep.
	 * @throws CliException a failure naming the file when it cannot be read
	 */
	public void forEach(Consumer<JournalEntry> each) {
		Path file = path.get();
		readInto(previous(file), each);
		readInto(file, each);
	}

	private void readInto(Path file, Consumer<JournalEntry> each) {
		List<Integer> damaged = new ArrayList<>();
		int count = 0;
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			int number = 0;
			while ((line = in.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				JournalEntry entry;
				try {
					entry = Json.MAPPER.readValue(line, JournalEntry.class);
				}
				catch (JsonProcessingException ex) {
					// not a whole entry: the rest of the journal is still worth reading; the first
					// five are named, the others counted
					if (damaged.size() < 5) {
						damaged.add(number);
					}
					count++;
					continue;
				}
				each.accept(entry);
			}
		}
		catch (NoSuchFileException ex) {
			return;
		}
		catch (IOException ex) {
			throw CliException.failure("cannot read the journal " + file + ": " + UserFiles.reason(ex));
		}
		if (count > 0) {
			warning.accept("the journal " + file + " has " + (count == 1 ? "a damaged line" : count + " damaged lines")
					+ ", skipped: line " + damaged.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
					+ (count > 5 ? ", ..." : ""));
		}
	}

	/**
	 * One entry as one line of JSON, written with Jackson's generator alone: the bytes its data
	 * binding writes for the record (fields in the record's order, {@code null} written out but for
	 * the optional fields: a credential's kind, a run's end note and a profile rewrite's, which are
	 * left out when {@code null}), without
	 * setting up its mapper for the one line a one-shot command appends.
	 */
	static String line(JournalEntry entry) throws IOException {
		StringWriter out = new StringWriter(256);
		try (JsonGenerator g = Lines.FACTORY.createGenerator(out)) {
			g.writeStartObject();
			g.writeStringField("time", entry.time());
			g.writeStringField("run", entry.run());
			g.writeStringField("session", entry.session());
			g.writeStringField("command", entry.command());
			g.writeStringField("server", entry.server());
			g.writeStringField("profile", entry.profile());
			g.writeStringField("action", entry.action());
			g.writeStringField("id", entry.id());
			g.writeStringField("description", entry.description());
			g.writeStringField("user", entry.user());
			g.writeStringField("before", entry.before());
			g.writeStringField("after", entry.after());
			g.writeArrayFieldStart("permissions");
			for (String permission : entry.permissions()) {
				g.writeString(permission);
			}
			g.writeEndArray();
			// the optional fields: left out when not set
			optional(g, "kind", entry.kind());
			optional(g, "note", entry.note());
			optional(g, "rewritten", entry.rewritten());
			optional(g, "copy", entry.copy());
			optional(g, "fingerprint", entry.fingerprint());
			optional(g, "replaced", entry.replaced());
			g.writeEndObject();
		}
		return out.toString();
	}

	private static void optional(JsonGenerator g, String name, String value) throws IOException {
		if (value != null) {
			g.writeStringField(name, value);
		}
	}

	/** A journal that must not be written: a link, or another user's file. */
	private static final class JournalRefused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		JournalRefused(String why) {
			super(why, null, false, false);
		}
	}

	/** Another process held the lock too long. */
	private static final class JournalLocked extends RuntimeException {

		private static final long serialVersionUID = 1L;

		JournalLocked() {
			super(null, null, false, false);
		}
	}

	/** Jackson's generator only once the journal is written: a command that changes nothing never loads it. */
	private static final class Lines {

		static final JsonFactory FACTORY = new JsonFactory();
	}

	/** Jackson's mapper only once the journal is read back ({@code auth journal}, {@code auth undo}). */
	private static final class Json {

		static final ObjectMapper MAPPER = new ObjectMapper();
	}
}
