package org.influxshell.support;

import org.influxshell.command.StopSignals;

/** {@link StopSignals} a test raises itself: the signal is remembered and the watching thread interrupted. */
public class FakeSignals implements StopSignals {

	private volatile Thread watcher;

	private volatile Stop received;

	private volatile int watches;

	private volatile Stop atClose;

	@Override
	public Watch watch() {
		watcher = Thread.currentThread();
		received = null;
		watches++;
		return new Watch() {

			@Override
			public Stop received() {
				return received;
			}

			@Override
			public void close() {
				Stop last = atClose;
				atClose = null;
				if (last != null) {
					raise(last);
				}
				watcher = null;
			}
		};
	}

	/** As if the signal for {@code stop} came now; nothing when no watch is open. */
	public void raise(Stop stop) {
		Thread t = watcher;
		if (t != null) {
			if (received == null) {
				received = stop;
			}
			t.interrupt();
		}
	}

	/**
	 * As if the signal for {@code stop} came just as the next watch closes: after the run's last
	 * look at it while it was open, before the signals are given back.
	 */
	public void raiseAsTheWatchCloses(Stop stop) {
		atClose = stop;
	}

	/** Whether a watch is open. */
	public boolean watching() {
		return watcher != null;
	}

	/** How many watches were opened. */
	public int watches() {
		return watches;
	}
}
