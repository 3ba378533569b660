package org.influxshell.auth;

import java.util.List;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.connection.Connection;

/**
 * The v1-compatibility authorizations as a kind of {@link Credentials}: read, set active or
 * inactive, delete, on {@code /private/legacy/authorizations}, with the same checks of the ID
 * and the same re-reading after a lost answer as API tokens. The journal records them as
 * {@code v1}, so {@code auth journal} marks them and {@code auth undo} sends them back here.
 */
public class V1Credentials implements Credentials {

	/** The kind the journal records. */
	public static final String KIND = "v1";

	// the steps, checks and lost-answer handling of API tokens, over the v1 routes
	private final TokenService steps;

	public V1Credentials(V1AuthorizationsClient client) {
		this.steps = new TokenService(new StatusCalls(client));
	}

	/** The console authenticates with a token or a password, never with a v1 authorization. */
	@Override
	public boolean mayBeInUse() {
		return false;
	}

	@Override
	public Authorization get(Connection conn, String rawId) {
		return steps.get(conn, rawId);
	}

	@Override
	public Authorization setStatus(Connection conn, String rawId, Authorization before, Status status) {
		return steps.setStatus(conn, rawId, before, status);
	}

	@Override
	public Authorization delete(Connection conn, String rawId, Authorization before) {
		return steps.delete(conn, rawId, before);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String plural() {
		return "v1 authorizations";
	}

	/** The calls a status change and a delete make, on the v1 routes. */
	private record StatusCalls(V1AuthorizationsClient v1) implements AuthorizationsClient {

		@Override
		public List<Authorization> list(Connection conn, ListFilter filter) {
			return v1.list(conn, new V1AuthorizationsClient.Filter(filter.id(), null, filter.userID(), filter.user(),
					filter.orgID(), filter.org()));
		}

		@Override
		public Authorization get(Connection conn, String id) {
			return v1.get(conn, id);
		}

		@Override
		public Authorization setStatus(Connection conn, String id, Status status) {
			return v1.setStatus(conn, id, status);
		}

		@Override
		public Authorization create(Connection conn, CreateRequest request) {
			// a v1 authorization is made of a username, not of a token request: V1Authorizations creates it
			throw new UnsupportedOperationException("v1 authorizations are created with a username");
		}

		@Override
		public void delete(Connection conn, String id) {
			v1.delete(conn, id);
		}
	}
}
