package org.influxshell.http;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;

/**
 * The server answered with an error status. The message reads like upstream's:
 * {@code <status> <reason>: <server message>}, e.g. {@code 404 Not Found: authorization not found}.
 */
public class InfluxApiException extends CliException {

	private final int status;

	private final String code;

	private final String serverMessage;

	public InfluxApiException(int status, String statusLine, String code, String serverMessage) {
		super(statusLine + ": " + serverMessage, ExitCodes.FAILURE);
		this.status = status;
		this.code = code;
		this.serverMessage = serverMessage;
	}

	public int status() {
		return status;
	}

	/** The server's error code ({@code not found}, {@code unauthorized}, ...), or empty. */
	public String code() {
		return code;
	}

	/** The server's own message, or a summary of a body that was not the error JSON. */
	public String serverMessage() {
		return serverMessage;
	}
}
