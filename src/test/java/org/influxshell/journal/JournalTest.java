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
	void anExistingJournalKeepsItsModeAndALinkStaysALink() throws Exception {
		Path target = dir.resolve("dotfiles/journal.jsonl");
		Files.createDirectories(target.getParent());
		Files.writeString(target, "");
		Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
		Path link = dir.resolve("journal.jsonl");
		Files.createSymbolicLink(link, target);
		journal(link).append(entry("r1", "0d099b627e601000"));
		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(Files.readAllLines(target)).hasSize(1);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
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
		assertThat(warnings).singleElement().asString().startsWith("cannot write the journal " + notAFolder)
			.endsWith("; changes are made but not journaled");
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
}
