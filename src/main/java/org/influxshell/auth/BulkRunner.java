package org.influxshell.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;
import org.influxshell.command.StopSignals;
import org.influxshell.command.StopSignals.Stop;

/**
 * Runs one step on many tokens, in ID order, with at most {@code influx.bulk-concurrency} steps
 * in flight; one failure does not stop the others. Ctrl-C or SIGTERM ({@link StopSignals}) stops
 * the run: no further step starts, the steps in flight get {@link #GRACE} to finish (a second
 * signal ends the wait), and the outcome tells which tokens were done, failed, were still in
 * flight (their fate unknown) or never started. Returns what happened and prints nothing.
 */
public class BulkRunner {

	/** How long the steps in flight may take to finish once a run is stopped. */
	static final Duration GRACE = Duration.ofSeconds(2);

	private final int concurrency;

	private final StopSignals signals;

	private final Duration grace;

	public BulkRunner(int concurrency, StopSignals signals) {
		this(concurrency, signals, GRACE);
	}

	BulkRunner(int concurrency, StopSignals signals, Duration grace) {
		this.concurrency = Math.max(1, concurrency);
		this.signals = signals;
		this.grace = grace;
	}

	/**
	 * The outcome of a run; every ID is in exactly one of done, failed, in flight and not started.
	 *
	 * @param done the tokens as the step returned them, in the order of the IDs
	 * @param failedIds the IDs whose step failed, in order
	 * @param failures why each of them failed, in the same order
	 * @param inFlight the IDs whose step was still running when the run stopped: done or not, unknown
	 * @param notStarted the IDs never started because the run stopped first
	 * @param stop why the run stopped early, or {@code null} when it ran to the end
	 */
	public record Outcome(List<Authorization> done, List<String> failedIds, List<CliException> failures,
			List<String> inFlight, List<String> notStarted, Stop stop) {
	}

	/** Runs {@code step} on each of {@code ids}. */
	public Outcome run(List<String> ids, Function<String, Authorization> step) {
		return run(ids, step, finished -> {
		});
	}

	/**
	 * Runs {@code step} on each of {@code ids}.
	 * @param progress told how many steps have finished, each time one does (from the steps' threads)
	 */
	public Outcome run(List<String> ids, Function<String, Authorization> step, IntConsumer progress) {
		return run(ids, step, progress, () -> {
		});
	}

	/**
	 * Runs {@code step} on each of {@code ids}.
	 * @param progress told how many steps have finished, each time one does (from the steps' threads)
	 * @param ending run once the run's end is decided, before any step still in flight is cancelled
	 *        (its thread interrupted): what a step must not be cut off in the middle of (a journal
	 *        line) is closed off here, after the one under way
	 */
	public Outcome run(List<String> ids, Function<String, Authorization> step, IntConsumer progress,
			Runnable ending) {
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, ids.size())), r -> {
			Thread t = new Thread(r, "influx-shell-bulk");
			t.setDaemon(true);
			return t;
		});
		// closed before the outcome is made: a step cancelled after that reports no progress
		Gate gate = new Gate(progress);
		try {
			Map<String, Future<Authorization>> started = new LinkedHashMap<>();
			Stop stop = null;
			try (StopSignals.Watch watch = signals.watch()) {
				try {
					submitAll(pool, ids, step, gate, started);
					for (Future<Authorization> f : started.values()) {
						awaitDone(f);
					}
				}
				catch (InterruptedException ex) {
					stop = watch.received() == null ? Stop.INTERRUPT : watch.received();
					if (!watch.abandoned()) {
						finishInFlight(started.values());
					}
				}
				if (stop == null) {
					// a signal that came as the last step ended still asked the run to stop
					stop = watch.received();
				}
			}
			// a signal during the wait, or between the last step and the end of the watch
			Thread.interrupted();
			gate.close();
			ending.run();
			return outcome(ids, started, stop);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void submitAll(ExecutorService pool, List<String> ids, Function<String, Authorization> step, Gate progress,
			Map<String, Future<Authorization>> started) throws InterruptedException {
		// a step starts only when a slot is free: after a stop nothing is left queued to send
		Semaphore slots = new Semaphore(concurrency);
		AtomicInteger finished = new AtomicInteger();
		for (String id : ids) {
			slots.acquire();
			started.put(id, pool.submit(() -> {
				try {
					return step.apply(id);
				}
				finally {
					slots.release();
					progress.finished(finished.incrementAndGet());
				}
			}));
		}
	}

	private static void awaitDone(Future<Authorization> f) throws InterruptedException {
		try {
			f.get();
		}
		catch (ExecutionException | CancellationException ex) {
			// collected with the outcome
		}
	}

	/** Waits at most the grace period for the steps in flight; a second signal ends the wait. */
	private void finishInFlight(Collection<Future<Authorization>> started) {
		Thread.interrupted();
		long deadline = System.nanoTime() + grace.toNanos();
		try {
			for (Future<Authorization> f : started) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return;
				}
				try {
					f.get(left, TimeUnit.NANOSECONDS);
				}
				catch (ExecutionException | CancellationException | TimeoutException ex) {
					// done with a failure, or still running: sorted out with the outcome
				}
			}
		}
		catch (InterruptedException again) {
			// asked twice: stop waiting
		}
	}

	private static Outcome outcome(List<String> ids, Map<String, Future<Authorization>> started, Stop stop) {
		List<Authorization> done = new ArrayList<>();
		List<String> failedIds = new ArrayList<>();
		List<CliException> failures = new ArrayList<>();
		List<String> inFlight = new ArrayList<>();
		List<String> notStarted = new ArrayList<>();
		for (String id : ids) {
			Future<Authorization> f = started.get(id);
			if (f == null) {
				notStarted.add(id);
				continue;
			}
			if (!f.isDone()) {
				// its request is cancelled; whether the server made the change is unknown
				f.cancel(true);
				inFlight.add(id);
				continue;
			}
			try {
				done.add(f.get());
			}
			catch (ExecutionException ex) {
				failedIds.add(id);
				failures.add(asCliException(id, ex.getCause()));
			}
			catch (CancellationException | InterruptedException ex) {
				inFlight.add(id);
			}
		}
		return new Outcome(done, failedIds, failures, inFlight, notStarted, stop);
	}

	/** Passes the count of finished steps on while the run lasts, and never after. */
	private static final class Gate {

		private final IntConsumer progress;

		private boolean open = true;

		Gate(IntConsumer progress) {
			this.progress = progress;
		}

		synchronized void finished(int count) {
			if (open) {
				progress.accept(count);
			}
		}

		synchronized void close() {
			open = false;
		}
	}

	private static CliException asCliException(String id, Throwable cause) {
		return cause instanceof CliException cli ? cli
				: new CliException("auth with ID \"" + id + "\": " + cause, ExitCodes.FAILURE, cause);
	}
}
