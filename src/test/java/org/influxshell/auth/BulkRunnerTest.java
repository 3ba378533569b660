package org.influxshell.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.influxshell.cli.CliException;
import org.influxshell.command.StopSignals;
import org.influxshell.command.StopSignals.Stop;
import org.influxshell.http.InfluxApiException;
import org.influxshell.support.Eventually;
import org.influxshell.support.FakeSignals;
import org.junit.jupiter.api.Test;

/**
 * The bulk engine with steps that record how many calls overlap and that the test holds until an
 * event, and signals the test raises at a known point of the run. Nothing waits for time to pass
 * but the grace period of one test, against a step that never ends.
 */
class BulkRunnerTest {

	final AtomicInteger inFlight = new AtomicInteger();

	final AtomicInteger maxInFlight = new AtomicInteger();

	final ConcurrentHashMap<String, Integer> calls = new ConcurrentHashMap<>();

	final FakeSignals signals = new FakeSignals();

	/** What a step does while it is in flight, given its ID; nothing unless a test says so. */
	volatile Consumer<String> whileInFlight = id -> {
	};

	Authorization step(String id) {
		int now = inFlight.incrementAndGet();
		maxInFlight.accumulateAndGet(now, Math::max);
		calls.merge(id, 1, Integer::sum);
		try {
			whileInFlight.accept(id);
			if (id.endsWith("dead")) {
				throw new InfluxApiException(404, "404 Not Found", "not found", "authorization not found");
			}
			if (id.endsWith("oops")) {
				throw new IllegalStateException("boom");
			}
			return new Authorization(id, "", "inactive", "", "", "", "", "", List.of());
		}
		finally {
			inFlight.decrementAndGet();
		}
	}

	/** Waits for {@code latch}; a step the run cancels is interrupted here, and ends with a failure. */
	static void await(CountDownLatch latch) {
		try {
			if (!latch.await(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
				throw new AssertionError("the event never came");
			}
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
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
		// the first four steps wait for each other: the run reaches its bound before any step ends
		CountDownLatch four = new CountDownLatch(4);
		whileInFlight = id -> {
			four.countDown();
			await(four);
		};
		BulkRunner.Outcome outcome = new BulkRunner(4, signals).run(ids, this::step);
		assertThat(maxInFlight.get()).isEqualTo(4);
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
		List<Integer> progress = new CopyOnWriteArrayList<>();
		// the first four steps fill the bound, are in flight when the stop comes, and end after it
		CountDownLatch fourInFlight = new CountDownLatch(4);
		CountDownLatch stopped = new CountDownLatch(1);
		whileInFlight = id -> {
			fourInFlight.countDown();
			await(stopped);
		};
		Thread stopper = new Thread(() -> {
			await(fourInFlight);
			signals.raise(Stop.TERMINATE);
			stopped.countDown();
		});
		stopper.start();
		BulkRunner.Outcome outcome = new BulkRunner(4, signals, Eventually.PATIENCE).run(ids, this::step, progress::add);
		stopper.join();

		assertThat(outcome.stop()).isEqualTo(Stop.TERMINATE);
		assertThat(outcome.done()).extracting(Authorization::id).containsExactlyElementsOf(ids.subList(0, 4));
		assertThat(outcome.inFlight()).isEmpty();
		assertThat(outcome.notStarted()).containsExactlyElementsOf(ids.subList(4, 200));
		assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(ids.subList(0, 4));
		assertThat(progress).containsExactlyInAnyOrder(1, 2, 3, 4);
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	@Test
	void aStepStillRunningWhenTheGracePeriodEndsIsInFlightAndTheRunEnds() {
		// one step at a time: when the slow step starts, every step before it has ended
		List<String> ids = ids(10);
		ids.set(3, "0d0000000000slow");
		List<Integer> progress = new CopyOnWriteArrayList<>();
		CountDownLatch never = new CountDownLatch(1);
		whileInFlight = id -> {
			if (id.endsWith("slow")) {
				signals.raise(Stop.TERMINATE);
				// until the run cancels it: only the grace period can end the run
				await(never);
			}
		};
		BulkRunner.Outcome outcome = new BulkRunner(1, signals, Duration.ofMillis(200)).run(ids, this::step,
				progress::add);

		assertThat(outcome.stop()).isEqualTo(Stop.TERMINATE);
		assertThat(outcome.done()).extracting(Authorization::id).containsExactlyElementsOf(ids.subList(0, 3));
		assertThat(outcome.inFlight()).containsExactly("0d0000000000slow");
		assertThat(outcome.notStarted()).containsExactlyElementsOf(ids.subList(4, 10));
		assertThat(calls.keySet()).doesNotContainAnyElementsOf(outcome.notStarted());
		assertThat(progress).containsExactly(1, 2, 3);
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	@Test
	void aSecondSignalEndsTheWaitForTheStepsInFlight() throws Exception {
		List<String> ids = List.of("0d000000000aslow", "0d000000000bslow", "0d000000000c0000");
		CountDownLatch bothInFlight = new CountDownLatch(2);
		CountDownLatch never = new CountDownLatch(1);
		whileInFlight = id -> {
			if (id.endsWith("slow")) {
				bothInFlight.countDown();
				await(never);
			}
		};
		Thread run = Thread.currentThread();
		Thread stopper = new Thread(() -> {
			await(bothInFlight);
			signals.raise(Stop.INTERRUPT);
			// the only timed wait of a run is the one for the steps in flight after a stop
			Eventually.until("the run waits for the steps in flight", () -> run.getState() == Thread.State.TIMED_WAITING);
			signals.raise(Stop.INTERRUPT);
		});
		stopper.start();
		// a grace period no test waits out: only the second signal can end this run
		BulkRunner.Outcome outcome = new BulkRunner(2, signals, Duration.ofHours(1)).run(ids, this::step);
		stopper.join();

		assertThat(outcome.stop()).isEqualTo(Stop.INTERRUPT);
		assertThat(outcome.inFlight()).containsExactly("0d000000000aslow", "0d000000000bslow");
		assertThat(outcome.notStarted()).containsExactly("0d000000000c0000");
	}

	/** A daemon's client went away: nobody waits for the outcome, so the steps in flight are cancelled at once. */
	@Test
	void anAbandonedRunCancelsTheStepsInFlightWithoutWaitingForThem() throws Exception {
		List<String> ids = List.of("0d000000000aslow", "0d000000000bslow", "0d000000000c0000");
		CountDownLatch bothInFlight = new CountDownLatch(2);
		CountDownLatch never = new CountDownLatch(1);
		whileInFlight = id -> {
			if (id.endsWith("slow")) {
				bothInFlight.countDown();
				await(never);
			}
		};
		java.util.concurrent.atomic.AtomicReference<StopSignals.ThreadWatch> open = new java.util.concurrent.atomic.AtomicReference<>();
		StopSignals abandoning = () -> {
			StopSignals.ThreadWatch watch = new StopSignals.ThreadWatch() {

				@Override
				public void close() {
					open.set(null);
				}
			};
			open.set(watch);
			return watch;
		};
		Thread stopper = new Thread(() -> {
			await(bothInFlight);
			open.get().abandon(Stop.TERMINATE);
		});
		stopper.start();
		// a grace period no test waits out: the run must not wait for the steps in flight at all
		BulkRunner.Outcome outcome = new BulkRunner(2, abandoning, Duration.ofHours(1)).run(ids, this::step);
		stopper.join();

		assertThat(outcome.stop()).isEqualTo(Stop.TERMINATE);
		assertThat(outcome.inFlight()).containsExactly("0d000000000aslow", "0d000000000bslow");
		assertThat(outcome.notStarted()).containsExactly("0d000000000c0000");
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	/**
	 * The run's ending is told before a step in flight is cancelled: a step in the middle of
	 * something that must not be cut off (a journal line) finishes it first, and none starts one after.
	 */
	@Test
	void theEndingComesBeforeAnyStepInFlightIsInterrupted() throws Exception {
		List<String> ids = List.of("0d000000000aslow", "0d000000000bslow");
		CountDownLatch bothInFlight = new CountDownLatch(2);
		CountDownLatch never = new CountDownLatch(1);
		java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
		List<Boolean> endedWhenInterrupted = new CopyOnWriteArrayList<>();
		whileInFlight = id -> {
			bothInFlight.countDown();
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				endedWhenInterrupted.add(ended.get());
				throw new IllegalStateException(ex);
			}
		};
		Thread stopper = new Thread(() -> {
			await(bothInFlight);
			signals.raise(Stop.TERMINATE);
		});
		stopper.start();
		BulkRunner.Outcome outcome = new BulkRunner(2, signals, Duration.ofMillis(1)).run(ids, this::step, finished -> {
		}, () -> ended.set(true));
		stopper.join();

		assertThat(outcome.inFlight()).containsExactlyElementsOf(ids);
		Eventually.until("both steps are interrupted", () -> endedWhenInterrupted.size() == 2);
		assertThat(endedWhenInterrupted).containsExactly(true, true);
	}

	@Test
	void oneTokenIsWatchedToo() {
		BulkRunner.Outcome outcome = new BulkRunner(8, signals).run(List.of("0d099b627e605000"), this::step);
		assertThat(outcome.done()).hasSize(1);
		assertThat(signals.watches()).isEqualTo(1);
	}
}
