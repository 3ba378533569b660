package org.influxshell.http;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;

/**
 * No usable answer came back: refused, timed out, reset, TLS failure, or a body that is not
 * what the API promises. The message names the request and the cause.
 */
public class TransportException extends CliException {

	public TransportException(String message, Throwable cause) {
		super(message, ExitCodes.FAILURE, cause);
	}
}
