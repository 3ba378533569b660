package org.influxshell.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.influxshell.command.CompletionLists;
import org.influxshell.command.RunContext;
import org.influxshell.command.ValueCompleter.Proposal;
import org.influxshell.connection.Connection;
import org.influxshell.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeJournalTest {

	@TempDir
	Path dir;

	@Test
	void aChangeForgetsTheListsTabCompletionKeptSoTheNextTabShowsTheTokensAsTheyAreNow() {
		CompletionLists lists = new CompletionLists();
		AtomicInteger fetches = new AtomicInteger();
		Runnable tab = () -> lists.get("tokens", Duration.ofMinutes(10), () -> {
			fetches.incrementAndGet();
			return CompletableFuture.completedFuture(List.of(new Proposal("0d099b627e605000", "active")));
		});
		ChangeJournal journal = new ChangeJournal(new Journal(() -> dir.resolve("journal"), Duration.ofSeconds(30), w -> {
		}), new RunContext(), lists);
		tab.run();
		tab.run();
		assertThat(fetches).hasValue(1);
		journal.record(new Connection("http://influx:8086", "tok", "", false, false, null, "", false), "inactive",
				new Authorization("0d099b627e605000", "", "inactive", "", "", "", "", "", List.of()), "active", "inactive");
		tab.run();
		assertThat(fetches).hasValue(2);
	}
}
