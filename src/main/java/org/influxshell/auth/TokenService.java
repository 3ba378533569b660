package org.influxshell.auth;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.connection.Connection;
import org.influxshell.http.ApiCalls;

/**
 * One token at a time, in upstream's steps and words: every step checks the ID first and names
 * the token in its failure.
 */
public class TokenService {

	private final AuthorizationsClient client;

	public TokenService(AuthorizationsClient client) {
		this.client = client;
	}

	/** Checks the ID and fetches the token: what a dry run shows. */
	public Authorization get(Connection conn, String rawId) {
		return get(conn, rawId, notFound(rawId));
	}

	/** Fetches the token, failing with {@code notFound} before the reason (auth list's own words). */
	Authorization get(Connection conn, String rawId, String notFound) {
		String id = AuthIds.check(rawId, notFound);
		return ApiCalls.describing(notFound, () -> client.get(conn, id));
	}

	/**
	 * Makes sure the token exists (for a clearer error, as upstream), then sets its status.
	 * @return the token as the server returned it after the change
	 */
	public Authorization setStatus(Connection conn, String rawId, Status status) {
		String id = AuthIds.check(rawId, notFound(rawId));
		ApiCalls.describing(notFound(rawId), () -> client.get(conn, id));
		return ApiCalls.describing("could not update status of auth with ID \"" + rawId + "\"",
				() -> client.setStatus(conn, id, status));
	}

	/**
	 * Fetches the token (kept for printing), then deletes it.
	 * @return the token as it was
	 */
	public Authorization delete(Connection conn, String rawId) {
		String id = AuthIds.check(rawId, notFound(rawId));
		Authorization auth = ApiCalls.describing(notFound(rawId), () -> client.get(conn, id));
		ApiCalls.describing("could not remove auth with ID \"" + rawId + "\"", () -> client.delete(conn, id));
		return auth;
	}

	private static String notFound(String rawId) {
		return "could not find auth with ID \"" + rawId + "\"";
	}
}
