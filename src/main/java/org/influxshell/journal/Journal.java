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
 * with {@code O_APPEND}, so lines of concurrent processes never interleave. A new file is
 * {@code 0600} (its folder {@code 0700}) and gets the owner of its folder; an existing one keeps
 * its mode and owner; a symbolic link is followed and stays a link. A journal that cannot be
 * written never stops a change: the first failure of the process is said once on stderr.
 */
public class Journal {

	private static final long POLL_MILLIS = 5;

	private final Supplier<Path> path;

	private final Duration lockTimeout;

	private final Consumer<String> warning;

	private final Set<Path> warned = new HashSet<>();

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
		try {
			write(file, (line(entry) + "\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			cannotWrite(file, UserFiles.reason(ex));
		}
		catch (JournalLocked ex) {
			cannotWrite(file, "locked by another process for longer than " + lockTimeout.toMillis() + "ms");
		}
	}

	private void cannotWrite(Path file, String reason) {
		// the incident comes first: the change stands, and the warning is said once, not per token
		if (warned.add(file)) {
			warning.accept("cannot write the journal " + file + ": " + reason + "; changes are made but not journaled");
		}
	}

	private void write(Path file, byte[] line) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		if (folder != null && !Files.exists(folder)) {
			UserHome.createFolders(folder);
		}
		boolean isNew = !Files.exists(file);
		try (FileChannel channel = FileChannel.open(file,
				Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
			if (isNew && folder != null) {
				// root writing into a user's folder leaves the user a file of their own
				UserFiles.copyOwner(folder, file);
			}
			try (FileLock lock = lock(channel)) {
				ByteBuffer buf = ByteBuffer.wrap(line);
				while (buf.hasRemaining()) {
					channel.write(buf);
				}
			}
		}
	}

	private FileLock lock(FileChannel channel) throws IOException {
		long deadline = System.nanoTime() + lockTimeout.toNanos();
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
	 * Every entry, in the order written. A line that is not an entry (cut short by a full disk, or
	 * by a reader racing a writer) is skipped. A journal that does not exist is empty.
	 * @throws CliException a failure naming the file when it cannot be read
	 */
	public List<JournalEntry> read() {
		Path file = path.get();
		List<JournalEntry> entries = new ArrayList<>();
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = in.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				try {
					entries.add(Json.MAPPER.readValue(line, JournalEntry.class));
				}
				catch (JsonProcessingException ex) {
					// not a whole entry: the rest of the journal is still worth reading
				}
			}
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		catch (IOException ex) {
			throw CliException.failure("cannot read the journal " + file + ": " + UserFiles.reason(ex));
		}
		return entries;
	}

	/**
	 * One entry as one line of JSON, written with Jackson's generator alone: the bytes its data
	 * binding writes for the record (fields in the record's order, {@code null} written out), without
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
			g.writeEndObject();
		}
		return out.toString();
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
