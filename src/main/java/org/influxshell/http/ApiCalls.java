package org.influxshell.http;

import java.util.function.Supplier;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;

/** Puts upstream's words for what failed in front of the server's or the transport's answer. */
public final class ApiCalls {

	private ApiCalls() {
	}

	/**
	 * Runs {@code call}; when the server says no or no answer comes, fails with
	 * {@code <what>: <why>}, e.g. {@code could not find auth with ID "X": 404 Not Found: ...}.
	 */
	public static <T> T describing(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (InfluxApiException | TransportException ex) {
			throw new CliException(what + ": " + ex.getMessage(), ExitCodes.FAILURE, ex);
		}
	}

	/** {@link #describing(String, Supplier)} for a call that returns nothing. */
	public static void describing(String what, Runnable call) {
		describing(what, () -> {
			call.run();
			return null;
		});
	}
}
