package org.influxshell.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;

/**
 * Runs one step on many tokens with at most {@code influx.bulk-concurrency} steps in flight; one
 * failure does not stop the others. Returns what happened and prints nothing.
 */
public class BulkRunner {

	private final int concurrency;

	public BulkRunner(int concurrency) {
		this.concurrency = Math.max(1, concurrency);
	}

	/**
	 * The outcome: what was done, in ID order, and one message per token that failed.
	 *
	 * @param done the tokens as the step returned them, in the order of the IDs
	 * @param failures why each failed token failed, in the order of the IDs
	 */
	public record Outcome(List<Authorization> done, List<CliException> failures) {
	}

	/** Runs {@code step} on each of {@code ids}. */
	public Outcome run(List<String> ids, Function<String, Authorization> step) {
		if (ids.size() == 1) {
			return new Outcome(List.of(step.apply(ids.get(0))), List.of());
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, ids.size()), r -> {
			Thread t = new Thread(r, "influx-shell-bulk");
			t.setDaemon(true);
			return t;
		});
		try {
			Map<String, Future<Authorization>> futures = new LinkedHashMap<>();
			for (String id : ids) {
				futures.put(id, pool.submit(() -> step.apply(id)));
			}
			List<Authorization> done = new ArrayList<>();
			List<CliException> failures = new ArrayList<>();
			for (Map.Entry<String, Future<Authorization>> e : futures.entrySet()) {
				try {
					done.add(e.getValue().get());
				}
				catch (ExecutionException ex) {
					Throwable cause = ex.getCause();
					failures.add(cause instanceof CliException cli ? cli
							: new CliException("auth with ID \"" + e.getKey() + "\": " + cause, ExitCodes.FAILURE, cause));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw CliException.failure("interrupted");
				}
			}
			return new Outcome(done, failures);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
