package org.influxshell.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Waits for an event a test can only observe from outside (output shown, a file appearing, a
 * request reaching the stub, a process reaching a state) by checking it again and again until a
 * deadline. The deadline only stops a hang: it is generous, and a fast machine never waits for it.
 */
public final class Poll {

	/** The pause between two checks. */
	private static final Duration PAUSE = Duration.ofMillis(20);

	private Poll() {
	}

	/** A check that may throw (reading a file, asking a stub). */
	@FunctionalInterface
	public interface Check {

		boolean holds() throws Exception;

	}

	/**
	 * Returns as soon as {@code check} holds; fails with {@code what} (for example "the daemon's
	 * socket is gone") when it still does not after {@code within}.
	 */
	public static void until(String what, Duration within, Check check) throws Exception {
		until(within, check, () -> what);
	}

	/** As {@link #until(String, Duration, Check)}, with a failure message made only when needed. */
	public static void until(Duration within, Check check, Supplier<String> what) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		while (!check.holds()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("not within " + within + ": " + what.get());
			}
			LockSupport.parkNanos(PAUSE.toNanos());
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
		}
	}
}
