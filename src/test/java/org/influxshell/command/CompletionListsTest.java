package org.influxshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.influxshell.command.ValueCompleter.Proposal;
import org.junit.jupiter.api.Test;

class CompletionListsTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final CompletionLists lists = new CompletionLists(now::get);

	private static final List<Proposal> IDS = List.of(new Proposal("0d099b627e605000", "writer (active)"));

	private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

	private void later(Duration d) {
		now.addAndGet(d.toNanos());
	}

	@Test
	void aListIsFoundUnderAnEqualKeyUntilItsReuseTimeIsOver() {
		lists.put(List.of("server", "token"), IDS, TEN_SECONDS);
		assertThat(lists.get(List.of("server", "token"), TEN_SECONDS)).isEqualTo(IDS);
		assertThat(lists.get(List.of("server", "other token"), TEN_SECONDS)).isNull();
		later(Duration.ofMillis(9_999));
		assertThat(lists.get(List.of("server", "token"), TEN_SECONDS)).isEqualTo(IDS);
		later(Duration.ofMillis(1));
		assertThat(lists.get(List.of("server", "token"), TEN_SECONDS)).isNull();
		assertThat(lists.size()).as("a list past its time is let go").isZero();
	}

	@Test
	void theReaderAndTheFetcherEachSetHowOldAListMayBe() {
		lists.put("key", IDS, TEN_SECONDS);
		later(Duration.ofSeconds(3));
		assertThat(lists.get("key", Duration.ofSeconds(2))).as("older than the reader allows").isNull();
		assertThat(lists.get("key", Duration.ofMinutes(5))).isEqualTo(IDS);
		later(Duration.ofSeconds(7));
		assertThat(lists.get("key", Duration.ofMinutes(5))).as("older than the fetcher allowed").isNull();
	}

	@Test
	void aZeroReuseKeepsNothingAndReadsNothing() {
		lists.put("key", IDS, Duration.ZERO);
		assertThat(lists.size()).isZero();
		lists.put("key", IDS, TEN_SECONDS);
		assertThat(lists.get("key", Duration.ZERO)).isNull();
	}

	@Test
	void onlyTheMostRecentlyUsedFewAreKept() {
		for (int i = 0; i < CompletionLists.KEPT; i++) {
			lists.put("key " + i, IDS, TEN_SECONDS);
		}
		// used now: the least recently used is "key 1"
		assertThat(lists.get("key 0", TEN_SECONDS)).isEqualTo(IDS);
		lists.put("one more", IDS, TEN_SECONDS);
		assertThat(lists.size()).isEqualTo(CompletionLists.KEPT);
		assertThat(lists.get("key 1", TEN_SECONDS)).isNull();
		assertThat(lists.get("key 0", TEN_SECONDS)).isEqualTo(IDS);
		assertThat(lists.get("one more", TEN_SECONDS)).isEqualTo(IDS);
	}

	@Test
	void theKeptListCannotBeChangedByItsFetcher() {
		List<Proposal> fetched = new java.util.ArrayList<>(IDS);
		lists.put("key", fetched, TEN_SECONDS);
		fetched.clear();
		assertThat(lists.get("key", TEN_SECONDS)).isEqualTo(IDS);
	}
}
