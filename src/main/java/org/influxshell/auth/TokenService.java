package org.influxshell.auth;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.cli.CliException;
import org.influxshell.connection.Connection;
import org.influxshell.http.ApiCalls;
import org.influxshell.http.InfluxApiException;
import org.influxshell.http.TransportException;

/**
 * One token at a time, in upstream's steps and words: every step checks the ID first and names
 * the token in its failure. When the answer to a change is lost after the request may have
 * reached the server (a reset, a timeout), the token is read again and what the server has is
 * reported: the change done, or not done, or unknown when it cannot be read either.
 */
public class TokenService implements Credentials {

	private final AuthorizationsClient client;

	public TokenService(AuthorizationsClient client) {
		this.client = client;
	}

	/** API tokens are journaled without a kind. */
	@Override
	public String kind() {
		return null;
	}

	@Override
	public String plural() {
		return "tokens";
	}

	/** Checks the ID and fetches the token: what a dry run shows. */
	@Override
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
		return changeStatus(conn, rawId, status).after();
	}

	/**
	 * A status change: the status the token had before it, and the token after.
	 *
	 * @param before the status read before the change
	 * @param after the token as the server returned it after the change
	 */
	public record StatusChange(String before, Authorization after) {
	}

	/** {@link #setStatus}, keeping the status read first: the journal records both. */
	public StatusChange changeStatus(Connection conn, String rawId, Status status) {
		return changeStatus(conn, rawId, get(conn, rawId), status);
	}

	@Override
	public Authorization setStatus(Connection conn, String rawId, Authorization before, Status status) {
		return changeStatus(conn, rawId, before, status).after();
	}

	/**
	 * Sets the status of a token already read ({@code before}); the answer is the server's and may
	 * hold another status than the one asked for: the caller verifies it.
	 * @param rawId the ID as the user gave it, for messages
	 */
	public StatusChange changeStatus(Connection conn, String rawId, Authorization before, Status status) {
		String id = AuthIds.check(rawId, notFound(rawId));
		String what = "could not update status of auth with ID \"" + rawId + "\"";
		try {
			return new StatusChange(before.status(), ApiCalls.describing(what, () -> client.setStatus(conn, id, status)));
		}
		catch (CliException ex) {
			if (TransportException.lostAfterSending(ex) == null) {
				throw ex;
			}
			Authorization now = ReadAgain.reading(ex, () -> client.get(conn, id));
			if (now.status().equals(status.value())) {
				return new StatusChange(before.status(), now);
			}
			throw ReadAgain.notDone(ex, "the server has it " + now.status());
		}
	}

	/**
	 * Fetches the token (kept for printing), then deletes it.
	 * @return the token as it was
	 */
	public Authorization delete(Connection conn, String rawId) {
		return delete(conn, rawId, get(conn, rawId));
	}

	/**
	 * Deletes a token already read.
	 * @param rawId the ID as the user gave it, for messages
	 * @return the token as it was
	 */
	@Override
	public Authorization delete(Connection conn, String rawId, Authorization auth) {
		String id = AuthIds.check(rawId, notFound(rawId));
		try {
			ApiCalls.describing("could not remove auth with ID \"" + rawId + "\"", () -> client.delete(conn, id));
		}
		catch (CliException ex) {
			if (TransportException.lostAfterSending(ex) == null) {
				throw ex;
			}
			boolean gone = ReadAgain.reading(ex, () -> {
				try {
					client.get(conn, id);
					return false;
				}
				catch (InfluxApiException answer) {
					if (answer.status() == 404) {
						return true;
					}
					throw answer;
				}
			});
			if (!gone) {
				throw ReadAgain.notDone(ex, "the server still has it");
			}
		}
		return auth;
	}

	private static String notFound(String rawId) {
		return "could not find auth with ID \"" + rawId + "\"";
	}
}
