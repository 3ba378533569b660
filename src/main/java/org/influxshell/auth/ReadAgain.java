package org.influxshell.auth;

import java.util.function.Supplier;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;

/**
 * The words for a change whose answer was lost after it was sent
 * ({@link org.influxshell.http.TransportException#lostAfterSending}): the credential is read again,
 * and what the server has now is said after the change's own failure. One place for every kind of
 * credential, so that they all say it alike.
 */
final class ReadAgain {

	private ReadAgain() {
	}

	/**
	 * Reads the credential again; any failure of that (an error answer, no answer, an answer that
	 * is not what the API promises, a CA file gone) leaves the change's outcome unknown.
	 * @param failure the change's failure, its words in front of every message
	 */
	static <T> T reading(CliException failure, Supplier<T> read) {
		try {
			return read.get();
		}
		catch (CliException again) {
			throw unknown(failure, again);
		}
	}

	/** The words of {@link #unknown}: a failure that says them left the change's outcome unknown. */
	static final String UNKNOWN = "whether it was done is unknown";

	/** {@code <failure>; whether it was done is unknown: reading it again failed: <again>}. */
	static CliException unknown(CliException failure, CliException again) {
		return new CliException(failure.getMessage() + "; " + UNKNOWN + ": reading it again failed: "
				+ again.getMessage(), ExitCodes.FAILURE, failure.getCause());
	}

	/** {@code <failure>; read again, <what the server has>}: the change was not made. */
	static CliException notDone(CliException failure, String serverHas) {
		return new CliException(failure.getMessage() + "; read again, " + serverHas, ExitCodes.FAILURE,
				failure.getCause());
	}
}
