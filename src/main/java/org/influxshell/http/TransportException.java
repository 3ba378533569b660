package org.influxshell.http;

/**
 * No usable answer came back: refused, timed out, reset, TLS failure, or a body that is not
 * what the API promises. The message names the request and the cause.
 */
public class TransportException extends RuntimeException {

	public TransportException(String message, Throwable cause) {
		super(message, cause);
	}
}
