package org.influxshell.daemon;

import org.influxshell.command.StopSignals;

/**
 * {@link StopSignals} for one request: the signals the client received and forwarded. A run
 * that watches is interrupted and says what it did, as in a cold run; {@link #deliver} tells
 * the caller when nothing watches, for then a cold process would simply have ended.
 */
final class ForwardedSignals implements StopSignals {

	private OpenWatch open;

	/** The client is gone: every watch, open or still to come, is abandoned. */
	private boolean gone;

	@Override
	public synchronized Watch watch() {
		OpenWatch watch = new OpenWatch();
		open = watch;
		if (gone) {
			watch.abandon(Stop.TERMINATE);
		}
		return watch;
	}

	/**
	 * The client is gone: nobody waits for the run. A run that watches stops at once, its steps in
	 * flight cancelled (not waited for), and a watch opened later stops its run as it opens.
	 * @return whether a watch took it; {@code false} when the command has none open
	 */
	synchronized boolean abandon() {
		gone = true;
		if (open == null) {
			return false;
		}
		open.abandon(Stop.TERMINATE);
		return true;
	}

	/** @return whether a watch took the signal; {@code false} when the command has none open */
	synchronized boolean deliver(Stop stop) {
		if (open == null) {
			return false;
		}
		open.signalled(stop);
		return true;
	}

	private synchronized void closed(OpenWatch watch) {
		if (open == watch) {
			open = null;
		}
	}

	private final class OpenWatch extends ThreadWatch {

		@Override
		public void close() {
			closed(this);
		}
	}
}
