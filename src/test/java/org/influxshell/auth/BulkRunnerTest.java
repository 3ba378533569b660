package org.influxshell.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.influxshell.cli.CliException;
import org.influxshell.http.InfluxApiException;
import org.junit.jupiter.api.Test;

/** The bulk engine with a step that records how many calls overlap. */
class BulkRunnerTest {

	final AtomicInteger inFlight = new AtomicInteger();

	final AtomicInteger maxInFlight = new AtomicInteger();

	final ConcurrentHashMap<String, Integer> calls = new ConcurrentHashMap<>();

	Authorization step(String id) {
		int now = inFlight.incrementAndGet();
		maxInFlight.accumulateAndGet(now, Math::max);
		calls.merge(id, 1, Integer::sum);
		try {
			Thread.sleep(5);
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

	@Test
	void neverMoreThanTheBoundInFlightEveryIdOnceAndFailuresKeptApart() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			ids.add(String.format("%016x", 0x0d00000000000000L + i));
		}
		ids.add(30, "0d0000000000dead");
		ids.add("0d0000000000oops");
		BulkRunner.Outcome outcome = new BulkRunner(4).run(ids, this::step);
		assertThat(maxInFlight.get()).isBetween(2, 4);
		assertThat(calls).hasSize(62).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
		assertThat(outcome.done()).extracting(Authorization::id)
			.containsExactlyElementsOf(ids.stream().filter(id -> !id.endsWith("dead") && !id.endsWith("oops")).toList());
		assertThat(outcome.failures()).extracting(CliException::getMessage).containsExactly(
				"404 Not Found: authorization not found",
				"auth with ID \"0d0000000000oops\": java.lang.IllegalStateException: boom");
		assertThat(outcome.failures().get(1).getCause()).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void oneTokenRunsOnTheCallersThread() {
		Thread caller = Thread.currentThread();
		BulkRunner.Outcome outcome = new BulkRunner(8).run(List.of("0d099b627e605000"), id -> {
			assertThat(Thread.currentThread()).isSameAs(caller);
			return step(id);
		});
		assertThat(outcome.done()).hasSize(1);
	}
}
