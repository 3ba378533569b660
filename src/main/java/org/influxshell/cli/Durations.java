package org.influxshell.cli;

import java.time.Duration;

/** Durations in messages, the way they are written in settings: {@code 10s}, {@code 1500ms}. */
public final class Durations {

	private Durations() {
	}

	public static String text(Duration d) {
		return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
	}
}
