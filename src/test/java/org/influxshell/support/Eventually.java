package org.influxshell.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for something another thread makes true, checking every few milliseconds. The deadline
 * only stops a hang: any machine, however loaded, gets there long before it.
 */
public final class Eventually {

	/** How long a wait for an event may last before the test fails. */
	public static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

	private Eventually() {
	}

	/** Returns once {@code condition} holds; fails, naming {@code what}, when it still does not after {@link #PATIENCE}. */
	public static void until(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline >= 0) {
				throw new AssertionError("waited " + PATIENCE.toSeconds() + " s in vain for: " + what);
			}
			LockSupport.parkNanos(POLL_NANOS);
		}
	}
}
