package org.influxshell.auth;

import java.util.List;

import org.influxshell.connection.Connection;

/**
 * The server's v1-compatibility authorizations API ({@code /private/legacy/authorizations},
 * InfluxDB 2.x): a username ({@code token} in the API's objects) and a password mapped to bucket
 * permissions, for clients of the 1.x APIs. Failures are {@link org.influxshell.http.InfluxApiException}
 * (the server said no) or {@link org.influxshell.http.TransportException} (no usable answer).
 */
public interface V1AuthorizationsClient {

	/**
	 * The v1 authorizations the caller may read. The server applies only the {@code id},
	 * {@code token}, {@code orgID} and {@code userID} filters; a name given as {@code user} or
	 * {@code org} is looked up (404 when unknown) and then ignored, so callers filter again.
	 */
	List<Authorization> list(Connection conn, Filter filter);

	/** One v1 authorization by its (valid, lower-case) ID. */
	Authorization get(Connection conn, String id);

	/** Sets {@code active} or {@code inactive}; returns the authorization as the server answered. */
	Authorization setStatus(Connection conn, String id, AuthorizationsClient.Status status);

	/** Creates a v1 authorization, without a password. */
	Authorization create(Connection conn, CreateRequest request);

	/** Sets the password (the server answers 204). */
	void setPassword(Connection conn, String id, String password);

	/** Deletes a v1 authorization. */
	void delete(Connection conn, String id);

	/**
	 * Query parameters of the list; {@code null} leaves one out.
	 *
	 * @param id {@code id}
	 * @param username {@code token}: the username
	 * @param userID {@code userID}
	 * @param user {@code user}, a v2 user name
	 * @param orgID {@code orgID}
	 * @param org {@code org}, an org name
	 */
	record Filter(String id, String username, String userID, String user, String orgID, String org) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null);
		}
	}

	/**
	 * The body of the create request.
	 *
	 * @param orgID required
	 * @param description may be empty
	 * @param username the username, sent as {@code token}
	 * @param permissions the bucket permissions
	 */
	record CreateRequest(String orgID, String description, String username, List<Authorization.Permission> permissions) {
	}
}
