package org.influxshell.auth;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.cli.CliException;
import org.influxshell.connection.Connection;
import org.influxshell.http.InfluxApiException;
import org.influxshell.http.TransportException;

/**
 * What the {@code auth} commands do, in upstream's steps and words, on top of an
 * {@link AuthorizationsClient}. Returns models, never text.
 */
public class TokenService {

	private final AuthorizationsClient client;

	public TokenService(AuthorizationsClient client) {
		this.client = client;
	}

	/**
	 * Checks the ID, makes sure the token exists (for a clearer error), then sets its status.
	 * @return the token as the server returned it after the change
	 */
	public Authorization setStatus(Connection conn, String rawId, Status status) {
		String id = AuthIds.check(rawId);
		try {
			client.get(conn, id);
		}
		catch (InfluxApiException | TransportException ex) {
			throw failed("could not find auth with ID \"" + rawId + "\"", ex);
		}
		try {
			return client.setStatus(conn, id, status);
		}
		catch (InfluxApiException | TransportException ex) {
			throw failed("could not update status of auth with ID \"" + rawId + "\"", ex);
		}
	}

	static CliException failed(String what, RuntimeException cause) {
		return new CliException(what + ": " + cause.getMessage(), CliException.FAILURE, cause);
	}
}
