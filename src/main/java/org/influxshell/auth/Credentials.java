package org.influxshell.auth;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.connection.Connection;

/**
 * What the {@link ChangePath} needs of one kind of credential: read one, set its status, delete
 * it. InfluxDB 2 API tokens are one kind; the v1-compatibility authorizations, which the server
 * describes with the same fields (the username in {@code token}), are another. Each kind keeps its
 * own words in its failures; the path verifies, journals and counts the same way for all.
 */
public interface Credentials {

	/** The kind as the journal records it: {@code null} for InfluxDB 2 API tokens, else a short name such as {@code v1}. */
	String kind();

	/** What one of them is called in a summary, plural: {@code tokens}. */
	String plural();

	/**
	 * Whether one of them may be what this console authenticates with, so that changing it could
	 * lock the caller out (API tokens); v1 authorizations never are.
	 */
	default boolean mayBeInUse() {
		return true;
	}

	/** Checks the ID and reads the credential as the server has it now. */
	Authorization get(Connection conn, String rawId);

	/**
	 * Sets the status of a credential already read ({@code before}).
	 * @return the credential as the server answered: its status may differ from the one asked for, the caller verifies it
	 */
	Authorization setStatus(Connection conn, String rawId, Authorization before, Status status);

	/**
	 * Deletes a credential already read.
	 * @return the credential as it was
	 */
	Authorization delete(Connection conn, String rawId, Authorization before);
}
