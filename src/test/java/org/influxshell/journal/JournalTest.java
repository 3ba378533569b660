package org.influxshell.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.influxshell.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal as a file of the user's: modes, links, whole lines, and failures that never stop a change. */
class JournalTest {

	@TempDir
	Path dir;

	final List<String> warnings = new ArrayList<>();

	static JournalEntry entry(String run, String id) {
		return new JournalEntry("2026-11-29T11:51:44.538Z", run, "s1", "auth inactive --id " + id + " -t ***",
				"http://localhost:8086", "prod", JournalEntry.INACTIVATE, id, "telegraf writer", "alice", "active",
				"inactive", List.of("read:orgs/9c5955fc99a60b8f/buckets"));
	}

	Journal journal(Path file) {
		return new Journal(() -> file, Duration.ofSeconds(30), warnings::add);
	}

	@Test
	void aNewJournalAndItsFolderArePrivateAndReadBack() throws Exception {
		Path file = dir.resolve("new/influx-shell-journal.jsonl");
		Journal j = journal(file);
		j.append(entry("r1", "0d099b627e601000"));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
		assertThat(j.read()).containsExactly(entry("r1", "0d099b627e601000"));
		assertThat(warnings).isEmpty();
	}

	@Test
	void anExistingJournalKeepsItsMode() throws Exception {
		Path file = dir.resolve("journal.jsonl");
		Files.writeString(file, "");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
		journal(file).append(entry("r1", "0d099b627e601000"));
		assertThat(Files.readAllLines(file)).hasSize(1);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
	}

	/** A link (to a file of root's, say) is never written through: the entry goes to stderr instead. */
	@Test
	void aLinkOrAFolderThatIsALinkIsRefusedAndTheEntryIsNotLost() throws Exception {
		Path target = dir.resolve("elsewhere/journal.jsonl");
		Files.createDirectories(target.getParent());
		Files.writeString(target, "");
		Path link = dir.resolve("journal.jsonl");
		Files.createSymbolicLink(link, target);
		journal(link).append(entry("r1", "0d099b627e601000"));
		assertThat(target).isEmptyFile();
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(0)).isEqualTo("cannot write the journal " + link + ": it is a symbolic link; changes are "
				+ "made, and each entry that is not journaled follows here");
		assertThat(warnings.get(1)).isEqualTo("not journaled: " + Journal.line(entry("r1", "0d099b627e601000")));

		warnings.clear();
		Path linkedFolder = dir.resolve("linked");
		Files.createSymbolicLink(linkedFolder, target.getParent());
		journal(linkedFolder.resolve("journal.jsonl")).append(entry("r1", "0d099b627e601000"));
		assertThat(target).isEmptyFile();
		assertThat(warnings.get(0)).startsWith("cannot write the journal " + linkedFolder.resolve("journal.jsonl")
				+ ": its folder " + linkedFolder + " is a symbolic link;");
	}

	@Test
	void anotherUsersFileInTheFolderIsRefused() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
				"needs root: only root can give a file away");
		Path file = dir.resolve("journal.jsonl");
		Files.writeString(file, "");
		Files.setAttribute(file, "unix:uid", 65534);
		journal(file).append(entry("r1", "0d099b627e601000"));
		assertThat(file).isEmptyFile();
		assertThat(warnings.get(0)).contains(": it belongs to another user than its folder " + dir + ";");
	}

	@Test
	void aLineCutShortNeitherSwallowsTheNextNorHidesIt() throws Exception {
		Path file = dir.resolve("journal.jsonl");
		Journal j = journal(file);
		j.append(entry("r1", "0d099b627e601000"));
		Files.writeString(file, "{\"time\":\"2026-11-29T11:52", StandardOpenOption.APPEND);
		j.append(entry("r2", "0d099b627e602000"));
		assertThat(j.read()).extracting(JournalEntry::run).containsExactly("r1", "r2");
		assertThat(warnings).containsExactly("the journal " + file + " has a damaged line, skipped: line 2");
	}

	@Test
	void aFullJournalIsRotatedAndBothAreRead() throws Exception {
		Path file = dir.resolve("journal.jsonl");
		Journal j = journal(file);
		j.append(entry("r1", "0d099b627e601000"));
		try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
			// a sparse tail: the size of a full journal without writing it
			channel.write(java.nio.ByteBuffer.wrap("\n".getBytes()), Journal.ROTATE_AT);
		}
		j.append(entry("r2", "0d099b627e602000"));
		assertThat(dir.resolve("journal.jsonl.1")).exists();
		assertThat(Files.readAllLines(file)).hasSize(1);
		assertThat(j.read()).extracting(JournalEntry::run).containsExactly("r1", "r2");
	}

	@Test
	void aLockedJournalIsWaitedForOnceThenNotAgain() throws Exception {
		Path file = dir.resolve("journal.jsonl");
		Files.writeString(file, "");
		Journal j = new Journal(() -> file, Duration.ofMillis(200), warnings::add);
		try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE);
				var held = channel.lock()) {
			java.util.concurrent.ExecutorService other = Executors.newSingleThreadExecutor();
			try {
				// the lock is held by this process: the journal must be written from another thread
				other.submit(() -> {
					for (int i = 0; i < 10; i++) {
						j.append(entry("r1", String.format("0d099b627e60%04x", i)));
					}
				}).get(30, TimeUnit.SECONDS);
			}
			finally {
				other.shutdownNow();
			}
		}
		assertThat(warnings.get(0)).startsWith("cannot write the journal " + file + ": locked by another process for "
				+ "longer than 200ms;");
		assertThat(warnings.stream().filter(w -> w.startsWith("not journaled: "))).hasSize(10);
	}

	@Test
	void linesFromManyThreadsStayWholeAndABrokenLineIsSkipped() throws Exception {
		Path file = dir.resolve("journal.jsonl");
		Journal j = journal(file);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		for (int i = 0; i < 400; i++) {
			String id = String.format("0d099b627e60%04x", i);
			pool.submit(() -> j.append(entry("r" + id, id)));
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		Files.writeString(file, "{\"time\":\"cut sho", StandardOpenOption.APPEND);
		assertThat(j.read()).hasSize(400);
		assertThat(JournalRun.of(j.read())).hasSize(400);
	}

	@Test
	void anUnwritableJournalWarnsOnceAndAnUnreadableOneFails() throws Exception {
		Path notAFolder = dir.resolve("file");
		Files.writeString(notAFolder, "");
		Journal j = journal(notAFolder.resolve("journal.jsonl"));
		j.append(entry("r1", "0d099b627e601000"));
		j.append(entry("r1", "0d099b627e602000"));
		assertThat(warnings).hasSize(3);
		assertThat(warnings.get(0)).startsWith("cannot write the journal " + notAFolder)
			.endsWith("; changes are made, and each entry that is not journaled follows here");
		assertThat(warnings.get(2)).startsWith("not journaled: {").contains("0d099b627e602000");
		assertThat(journal(dir.resolve("missing.jsonl")).read()).isEmpty();
		assertThatThrownBy(() -> journal(dir).read()).isInstanceOf(CliException.class)
			.hasMessageStartingWith("cannot read the journal " + dir + ": ");
	}

	@Test
	void runsAreNewestFirstWithTheirCounts() {
		List<JournalEntry> entries = List.of(entry("r1", "a"), entry("r2", "b"), entry("r1", "c"),
				new JournalEntry("t", "r2", "s1", "c", "h", "", JournalEntry.DELETE, "d", "", "", "active", null, null));
		List<JournalRun> runs = JournalRun.of(entries);
		assertThat(runs).extracting(JournalRun::run).containsExactly("r2", "r1");
		assertThat(runs.get(0).counts()).isEqualTo("1 inactivated, 1 deleted");
		assertThat(runs.get(1).counts()).isEqualTo("2 inactivated");
	}

	@Test
	void theNewestRunsAreKeptAsTheEntriesGoByAndNoOther() {
		JournalEntry other = new JournalEntry("2026-11-29T11:53:00.000Z", "r3", "s2", "auth delete --id d -t ***",
				"http://localhost:8086", "prod", JournalEntry.DELETE, "d", "", "alice", "active", "", List.of());
		JournalEntry end = new JournalEntry("2026-11-29T11:54:00.000Z", "r1", "s1", "c", "http://localhost:8086", "prod",
				JournalEntry.END, "", "", "", "", JournalEntry.INTERRUPTED, List.of(), null, "1 of 3 inactivated");
		// r1's second entry comes after r2 began, as concurrent processes write them
		List<JournalEntry> entries = List.of(entry("r1", "a"), entry("r2", "b"), entry("r1", "c"), other, end,
				entry("r2", "e"));
		List<JournalRun> newest = JournalRun.newest(entries::forEach, first -> true, 1);
		assertThat(newest).extracting(JournalRun::run).containsExactly("r3");
		assertThat(newest.get(0).entries()).containsExactly(other);
		List<JournalRun> ofS1 = JournalRun.newest(entries::forEach, first -> first.session().equals("s1"), 1);
		assertThat(ofS1).extracting(JournalRun::run).containsExactly("r2");
		assertThat(ofS1.get(0).entries()).extracting(JournalEntry::id).containsExactly("b", "e");
		assertThat(ofS1.get(0).ended()).isNull();
		List<JournalRun> allOfS1 = JournalRun.newest(entries::forEach, first -> first.session().equals("s1"),
				Integer.MAX_VALUE);
		assertThat(allOfS1).containsExactlyElementsOf(JournalRun.of(entries).subList(1, 3));
		assertThat(allOfS1.get(1).entries()).extracting(JournalEntry::id).containsExactly("a", "c");
		assertThat(allOfS1.get(1).ended()).isEqualTo(JournalEntry.INTERRUPTED);
		assertThat(allOfS1.get(1).note()).isEqualTo("1 of 3 inactivated");
	}

	@Test
	void aJournalIsHandedOverLineByLineRotatedFileFirstWithDamagedLinesCounted() throws Exception {
		Path file = dir.resolve("journal.jsonl");
		Journal j = journal(file);
		Files.writeString(dir.resolve("journal.jsonl.1"), Journal.line(entry("r1", "a")) + "\n");
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 7; i++) {
			lines.append(Journal.line(entry("r2", "b" + i))).append("\n{\"cut\n");
		}
		Files.writeString(file, lines);
		List<String> ids = new ArrayList<>();
		j.forEach(e -> ids.add(e.id()));
		assertThat(ids).containsExactly("a", "b0", "b1", "b2", "b3", "b4", "b5", "b6");
		assertThat(warnings).containsExactly(
				"the journal " + file + " has 7 damaged lines, skipped: line 2, 4, 6, 8, 10, ...");
	}
}
