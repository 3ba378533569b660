package org.influxshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.influxshell.command.ValueCompleter.Proposal;
import org.junit.jupiter.api.Test;

class CompletionListsTest {

	private static final List<Proposal> IDS = List.of(new Proposal("0d099b627e605000", "writer (active)"));

	private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final CompletionLists lists = new CompletionLists(now::get);

	private final AtomicInteger fetches = new AtomicInteger();

	/** A fetch that answers at once, counted. */
	private final Supplier<CompletableFuture<List<Proposal>>> fetch = () -> {
		fetches.incrementAndGet();
		return CompletableFuture.completedFuture(IDS);
	};

	private void later(Duration d) {
		now.addAndGet(d.toNanos());
	}

	@Test
	void aListIsFoundUnderAnEqualKeyUntilItsReuseTimeIsOver() {
		assertThat(lists.get(List.of("server", "token"), TEN_SECONDS, fetch).join()).isEqualTo(IDS);
		lists.get(List.of("server", "token"), TEN_SECONDS, fetch);
		assertThat(fetches).hasValue(1);
		lists.get(List.of("server", "other token"), TEN_SECONDS, fetch);
		assertThat(fetches).hasValue(2);
		later(Duration.ofMillis(9_999));
		lists.get(List.of("server", "token"), TEN_SECONDS, fetch);
		assertThat(fetches).hasValue(2);
		later(Duration.ofMillis(1));
		assertThat(lists.trim()).as("past its time, let go").isTrue();
		assertThat(lists.size()).isZero();
		assertThat(lists.trim()).as("nothing more to let go").isFalse();
		lists.get(List.of("server", "token"), TEN_SECONDS, fetch);
		assertThat(fetches).hasValue(3);
	}

	@Test
	void aFetchOnItsWayServesTheAsksThatComeMeanwhileAndItsAgeStartsWithIt() {
		CompletableFuture<List<Proposal>> slow = new CompletableFuture<>();
		Supplier<CompletableFuture<List<Proposal>>> slowFetch = () -> {
			fetches.incrementAndGet();
			return slow;
		};
		CompletableFuture<List<Proposal>> first = lists.get("key", TEN_SECONDS, slowFetch);
		later(Duration.ofSeconds(6));
		CompletableFuture<List<Proposal>> second = lists.get("key", TEN_SECONDS, slowFetch);
		assertThat(second).isSameAs(first);
		assertThat(fetches).hasValue(1);
		slow.complete(IDS);
		assertThat(second.join()).isEqualTo(IDS);
		// ten seconds after the fetch started, not after it ended
		later(Duration.ofSeconds(4));
		lists.get("key", TEN_SECONDS, slowFetch);
		assertThat(fetches).hasValue(2);
	}

	@Test
	void aFailedFetchIsNotKept() {
		CompletableFuture<List<Proposal>> failing = new CompletableFuture<>();
		lists.get("key", TEN_SECONDS, () -> failing);
		failing.completeExceptionally(new IllegalStateException("refused"));
		assertThat(lists.get("key", TEN_SECONDS, fetch).join()).isEqualTo(IDS);
		assertThat(fetches).hasValue(1);
	}

	@Test
	void theReaderAndTheStarterEachSetHowOldAListMayBe() {
		lists.get("key", TEN_SECONDS, fetch);
		later(Duration.ofSeconds(3));
		lists.get("key", Duration.ofSeconds(2), fetch);
		assertThat(fetches).as("older than the reader allows").hasValue(2);
		later(Duration.ofSeconds(1));
		lists.get("key", Duration.ofMinutes(5), fetch);
		assertThat(fetches).as("the second fetch, a second old").hasValue(2);
		later(Duration.ofSeconds(2));
		lists.get("key", Duration.ofMinutes(5), fetch);
		assertThat(fetches).as("past the two seconds its starter allowed").hasValue(3);
	}

	@Test
	void aZeroReuseFetchesAndKeepsNothing() {
		lists.get("key", Duration.ZERO, fetch);
		lists.get("key", Duration.ZERO, fetch);
		assertThat(fetches).hasValue(2);
		assertThat(lists.size()).isZero();
		lists.get("key", TEN_SECONDS, fetch);
		lists.get("key", Duration.ZERO, fetch);
		assertThat(fetches).hasValue(4);
	}

	@Test
	void aChangeForgetsEveryList() {
		lists.get("a", TEN_SECONDS, fetch);
		lists.get("b", TEN_SECONDS, fetch);
		lists.forget();
		assertThat(lists.size()).isZero();
		lists.get("a", TEN_SECONDS, fetch);
		assertThat(fetches).hasValue(3);
	}

	@Test
	void onlyTheMostRecentlyUsedFewAreKept() {
		for (int i = 0; i < CompletionLists.KEPT; i++) {
			lists.get("key " + i, TEN_SECONDS, fetch);
		}
		// used now: the least recently used is "key 1"
		lists.get("key 0", TEN_SECONDS, fetch);
		lists.get("one more", TEN_SECONDS, fetch);
		assertThat(lists.size()).isEqualTo(CompletionLists.KEPT);
		assertThat(fetches).hasValue(CompletionLists.KEPT + 1);
		lists.get("key 0", TEN_SECONDS, fetch);
		assertThat(fetches).hasValue(CompletionLists.KEPT + 1);
		lists.get("key 1", TEN_SECONDS, fetch);
		assertThat(fetches).hasValue(CompletionLists.KEPT + 2);
	}
}
