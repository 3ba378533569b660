package org.influxshell.http;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;

/**
 * No usable answer came back: refused, timed out, reset, TLS failure, or a body that is not
 * what the API promises. The message names the request and the cause. Unless the connection
 * itself failed, the server may have received the request and acted on it: a change whose
 * answer is lost must be read back to know what happened.
 */
public class TransportException extends CliException {

	private final boolean mayHaveReachedServer;

	/** A failure after the request may have reached the server. */
	public TransportException(String message, Throwable cause) {
		this(message, cause, true);
	}

	/**
	 * @param mayHaveReachedServer false only when the request cannot have been sent (no connection
	 *        was made: refused, unknown host, connect timeout, TLS handshake)
	 */
	public TransportException(String message, Throwable cause, boolean mayHaveReachedServer) {
		super(message, ExitCodes.FAILURE, cause);
		this.mayHaveReachedServer = mayHaveReachedServer;
	}

	/** Whether the server may have received the request (and made the change) although no answer came. */
	public boolean mayHaveReachedServer() {
		return mayHaveReachedServer;
	}

	/**
	 * The transport failure behind {@code failure} (itself, or its cause, as
	 * {@link ApiCalls#describing} wraps it) when the answer was lost after the request may have
	 * reached the server and the run was not interrupted: the change must be read back to know
	 * whether it was made. Else {@code null}: the failure stands as it is.
	 */
	public static TransportException lostAfterSending(Throwable failure) {
		TransportException lost = failure instanceof TransportException t ? t
				: failure != null && failure.getCause() instanceof TransportException t ? t : null;
		if (lost == null || !lost.mayHaveReachedServer() || Thread.currentThread().isInterrupted()) {
			return null;
		}
		return lost;
	}
}
