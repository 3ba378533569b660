package org.influxshell.auth;

import java.util.List;
import java.util.Optional;

import org.influxshell.connection.Connection;

/** Looks up organisations and users by name ({@code /api/v2/orgs}, {@code /api/v2/users}, {@code /api/v2/me}). */
public interface DirectoryClient {

	/** The ID of the organisation named {@code name}; empty when the server lists none of that name. */
	Optional<String> orgId(Connection conn, String name);

	/** The ID of the user named {@code name}; empty when the server lists none of that name. */
	Optional<String> userId(Connection conn, String name);

	/** The ID of the user the token belongs to. */
	String myUserId(Connection conn);

	/** The names of the users the caller may read, in the server's order. */
	List<String> userNames(Connection conn);
}
