package org.influxshell.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.influxshell.cli.CliException;
import org.influxshell.command.StopSignals.Stop;
import org.influxshell.http.InfluxApiException;
import org.influxshell.support.FakeSignals;
import org.junit.jupiter.api.Test;

/** The bulk engine with a step that records how many calls overlap, and signals a test raises. */
class BulkRunnerTest {

	final AtomicInteger inFlight = new AtomicInteger();

	final AtomicInteger maxInFlight = new AtomicInteger();

	final ConcurrentHashMap<String, Integer> calls = new ConcurrentHashMap<>();

	final FakeSignals signals = new FakeSignals();

	Authorization step(String id) {
		int now = inFlight.incrementAndGet();
		maxInFlight.accumulateAndGet(now, Math::max);
		calls.merge(id, 1, Integer::sum);
		try {
			Thread.sleep(id.endsWith("slow") ? 30_000 : 5);
			if (id.endsWith("dead")) {
				throw new InfluxApiException(404, "404 Not Found", "not found", "authorization not found");
			}
			if (id.endsWith("oops")) {
				throw new IllegalStateException("boom");
			}
			return new Authorization(id, "", "inactive", "", "", "", "", "", List.of());
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			inFlight.decrementAndGet();
		}
	}

	static List<String> ids(int n) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			ids.add(String.format("%016x", 0x0d00000000000000L + i));
		}
		return ids;
	}

	@Test
	void neverMoreThanTheBoundInFlightEveryIdOnceAndFailuresKeptApart() {
		List<String> ids = ids(60);
		ids.add(30, "0d0000000000dead");
		ids.add("0d0000000000oops");
		BulkRunner.Outcome outcome = new BulkRunner(4, signals).run(ids, this::step);
		assertThat(maxInFlight.get()).isBetween(2, 4);
		assertThat(calls).hasSize(62).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
		assertThat(outcome.done()).extracting(Authorization::id)
			.containsExactlyElementsOf(ids.stream().filter(id -> !id.endsWith("dead") && !id.endsWith("oops")).toList());
		assertThat(outcome.failures()).extracting(CliException::getMessage).containsExactly(
				"404 Not Found: authorization not found",
				"auth with ID \"0d0000000000oops\": java.lang.IllegalStateException: boom");
		assertThat(outcome.failedIds()).containsExactly("0d0000000000dead", "0d0000000000oops");
		assertThat(outcome.failures().get(1).getCause()).isInstanceOf(IllegalStateException.class);
		assertThat(outcome.stop()).isNull();
		assertThat(outcome.inFlight()).isEmpty();
		assertThat(outcome.notStarted()).isEmpty();
		assertThat(signals.watches()).isEqualTo(1);
		assertThat(signals.watching()).isFalse();
	}

	@Test
	void aStopStartsNothingMoreWaitsForWhatIsInFlightAndSaysWhereEachTokenIs() throws Exception {
		List<String> ids = ids(200);
		ids.set(3, "0d0000000000slow");
		List<Integer> progress = new CopyOnWriteArrayList<>();
		Thread stopper = new Thread(() -> {
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				return;
			}
			signals.raise(Stop.TERMINATE);
		});
		stopper.start();
		long start = System.nanoTime();
		BulkRunner.Outcome outcome = new BulkRunner(4, signals, Duration.ofMillis(500)).run(ids, this::step,
				progress::add);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		stopper.join();

		assertThat(outcome.stop()).isEqualTo(Stop.TERMINATE);
		assertThat(took).isLessThan(Duration.ofSeconds(5));
		assertThat(outcome.inFlight()).containsExactly("0d0000000000slow");
		assertThat(outcome.notStarted()).isNotEmpty();
		assertThat(calls.keySet()).doesNotContainAnyElementsOf(outcome.notStarted());
		Set<String> started = calls.keySet();
		assertThat(outcome.done()).extracting(Authorization::id)
			.containsExactlyElementsOf(ids.stream().filter(id -> started.contains(id) && !id.endsWith("slow")).toList());
		assertThat(outcome.done().size() + outcome.inFlight().size() + outcome.notStarted().size()).isEqualTo(200);
		assertThat(progress).hasSize(outcome.done().size());
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	@Test
	void aSecondSignalEndsTheWaitForTheStepsInFlight() throws Exception {
		List<String> ids = List.of("0d000000000aslow", "0d000000000bslow", "0d000000000c0000");
		Thread stopper = new Thread(() -> {
			try {
				Thread.sleep(200);
				signals.raise(Stop.INTERRUPT);
				Thread.sleep(200);
				signals.raise(Stop.INTERRUPT);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		stopper.start();
		long start = System.nanoTime();
		BulkRunner.Outcome outcome = new BulkRunner(2, signals, Duration.ofSeconds(20)).run(ids, this::step);
		stopper.join();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(outcome.stop()).isEqualTo(Stop.INTERRUPT);
		assertThat(outcome.inFlight()).containsExactly("0d000000000aslow", "0d000000000bslow");
		assertThat(outcome.notStarted()).containsExactly("0d000000000c0000");
	}

	@Test
	void oneTokenIsWatchedToo() {
		BulkRunner.Outcome outcome = new BulkRunner(8, signals).run(List.of("0d099b627e605000"), this::step);
		assertThat(outcome.done()).hasSize(1);
		assertThat(signals.watches()).isEqualTo(1);
	}
}
