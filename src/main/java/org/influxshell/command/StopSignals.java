package org.influxshell.command;

import org.influxshell.cli.ExitCodes;

/**
 * How a long run learns that the user wants it to stop: Ctrl-C (SIGINT) or SIGTERM. While a
 * {@link Watch} is open, either signal interrupts the thread that opened it and is remembered,
 * so the run can stop sending, wait for what is in flight and say what it did, instead of the
 * process ending with nothing said.
 */
public interface StopSignals {

	/** Starts watching; close the watch when the run is over, to give the signals back. */
	Watch watch();

	/** An open watch. */
	interface Watch extends AutoCloseable {

		/** The first signal received since the watch was opened, or {@code null}. */
		Stop received();

		/**
		 * Whether nobody waits for the run any longer (a daemon's client is gone): it stops at
		 * once, without waiting for the steps in flight, whose requests are cancelled.
		 */
		default boolean abandoned() {
			return false;
		}

		/** Stops watching: the signals do again what they did before. */
		@Override
		void close();
	}

	/**
	 * A watch that interrupts the thread that opened it at the first signal and remembers which
	 * it was; how the signals reach it, and what closing gives back, is the implementation's.
	 */
	abstract class ThreadWatch implements Watch {

		private final Thread watcher = Thread.currentThread();

		private volatile Stop received;

		private volatile boolean abandoned;

		/** A signal arrived: remember the first, and interrupt the watching thread. */
		public void signalled(Stop stop) {
			if (received == null) {
				received = stop;
			}
			watcher.interrupt();
		}

		/** Nobody waits for the run any longer: as a signal, and nothing in flight is waited for. */
		public void abandon(Stop stop) {
			abandoned = true;
			signalled(stop);
		}

		@Override
		public Stop received() {
			return received;
		}

		@Override
		public boolean abandoned() {
			return abandoned;
		}
	}

	/** Why a run stopped, and the exit code it ends with (see {@link org.influxshell.cli.ExitCodes}). */
	enum Stop {

		/** Ctrl-C (SIGINT): exit code 130. */
		INTERRUPT(ExitCodes.INTERRUPTED),

		/** SIGTERM: exit code 143. */
		TERMINATE(ExitCodes.TERMINATED);

		private final int exitCode;

		Stop(int exitCode) {
			this.exitCode = exitCode;
		}

		public int exitCode() {
			return exitCode;
		}
	}
}
