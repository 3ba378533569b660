package org.influxshell.auth;

import java.util.List;

import org.influxshell.connection.Connection;

/**
 * The server's authorizations API ({@code /api/v2/authorizations}). Failures are
 * {@link org.influxshell.http.InfluxApiException} (the server said no) or
 * {@link org.influxshell.http.TransportException} (no usable answer).
 */
public interface AuthorizationsClient {

	/**
	 * The tokens the caller may read, filtered by the server where it can.
	 * @param filter query parameters; the server may ignore some
	 */
	List<Authorization> list(Connection conn, ListFilter filter);

	/**
	 * The tokens the caller may read, each as its ID, description and status alone: what
	 * completion offers. A client may skip the rest of each token unread (a list may have
	 * 100,000); this default reads the whole list.
	 */
	default List<Summary> summaries(Connection conn) {
		return list(conn, ListFilter.none()).stream()
			.map(a -> new Summary(a.id(), a.description(), a.status()))
			.toList();
	}

	/** One token by its (valid, lower-case) ID. */
	Authorization get(Connection conn, String id);

	/** Sets {@code active} or {@code inactive}; returns the updated token. */
	Authorization setStatus(Connection conn, String id, Status status);

	/** Creates a token; the answer carries the token value in clear. */
	Authorization create(Connection conn, CreateRequest request);

	/** Deletes a token. */
	void delete(Connection conn, String id);

	/** A token's status. */
	enum Status {
		ACTIVE, INACTIVE;

		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** A token as completion offers it: {@code null} reads as empty, as in {@link Authorization}. */
	record Summary(String id, String description, String status) {

		public Summary {
			id = Authorization.orEmpty(id);
			description = Authorization.orEmpty(description);
			status = Authorization.orEmpty(status);
		}
	}

	/**
	 * Query parameters of {@code GET /api/v2/authorizations}; {@code null} leaves one out.
	 *
	 * @param id {@code id}
	 * @param userID {@code userID}
	 * @param user {@code user} (name)
	 * @param orgID {@code orgID}
	 * @param org {@code org} (name)
	 */
	record ListFilter(String id, String userID, String user, String orgID, String org) {

		public static ListFilter none() {
			return new ListFilter(null, null, null, null, null);
		}
	}

	/**
	 * The body of {@code POST /api/v2/authorizations}.
	 *
	 * @param orgID required
	 * @param userID owner, or {@code null} for the caller
	 * @param description may be {@code null}
	 * @param permissions at least one
	 */
	record CreateRequest(String orgID, String userID, String description, List<Authorization.Permission> permissions) {
	}
}
