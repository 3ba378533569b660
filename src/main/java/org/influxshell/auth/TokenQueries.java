package org.influxshell.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.influxshell.auth.AuthorizationsClient.ListFilter;
import org.influxshell.cli.CliException;
import org.influxshell.connection.Connection;
import org.influxshell.http.ApiCalls;

/** Reading tokens: {@code auth list} with its filters, and finding a token by its value. */
public class TokenQueries {

	/** Said when a token value is looked for on a server whose list shows none. */
	static final String VALUES_HIDDEN = "cannot match a token value: this server does not return token values "
			+ "(hashed tokens, InfluxDB 2.8+, or InfluxDB Cloud)";

	private final AuthorizationsClient client;

	private final TokenService tokens;

	public TokenQueries(AuthorizationsClient client, TokenService tokens) {
		this.client = client;
		this.tokens = tokens;
	}

	/**
	 * Filters for {@code auth list}; {@code null} means not given. Every filter is sent to the
	 * server and applied again here, so the result matches whatever the server did with it.
	 *
	 * @param ids {@code --id}, each fetched by itself; empty for the whole list
	 * @param user {@code --user} (name)
	 * @param userID {@code --user-id}
	 * @param org {@code --org} (name)
	 * @param orgID {@code --org-id}
	 */
	public record ListQuery(List<String> ids, String user, String userID, String org, String orgID) {

		public ListQuery {
			ids = List.copyOf(ids);
		}

		public static ListQuery all() {
			return new ListQuery(List.of(), null, null, null, null);
		}

		/** Every token of one user. */
		public static ListQuery ofUser(String user) {
			return new ListQuery(List.of(), user, null, null, null);
		}

		boolean matches(Authorization a) {
			return (user == null || a.user().equals(user)) && (userID == null || a.userID().equalsIgnoreCase(userID))
					&& (org == null || a.org().equals(org)) && (orgID == null || a.orgID().equalsIgnoreCase(orgID));
		}
	}

	/** What a list found, and whether the server's own answer was empty before filtering. */
	public record Listing(List<Authorization> tokens, boolean serverListEmpty) {
	}

	/** {@code auth list}: sorted by ID, filtered on both sides. */
	public Listing list(Connection conn, ListQuery q) {
		Orgs.checkNotAmbiguous(q.orgID(), q.org());
		if (!q.ids().isEmpty()) {
			// every ID is checked before the first request
			q.ids().forEach(id -> AuthIds.check(id, notFound(id)));
			List<Authorization> found = new ArrayList<>();
			for (String id : q.ids()) {
				Authorization one = tokens.get(conn, id, notFound(id));
				if (q.matches(one) && found.stream().noneMatch(a -> a.id().equals(one.id()))) {
					found.add(one);
				}
			}
			found.sort(Comparator.comparing(Authorization::id));
			return new Listing(found, false);
		}
		List<Authorization> all = ApiCalls.describing("could not find authorization with given parameters",
				() -> client.list(conn, new ListFilter(null, q.userID(), q.user(), q.orgID(), q.org())));
		List<Authorization> matching = all.stream().filter(q::matches).sorted(Comparator.comparing(Authorization::id))
			.toList();
		return new Listing(matching, all.isEmpty());
	}

	/** Upstream's words when {@code auth list --id} finds nothing. */
	private static String notFound(String rawId) {
		return "could not find authorization with ID \"" + rawId + "\"";
	}

	/**
	 * The token whose value is {@code value}, compared here (servers ignore {@code ?token=}).
	 * @throws CliException when none matches, saying so differently when the server does not
	 *         return token values at all (hashed tokens, Cloud placeholders)
	 */
	public Authorization findByValue(Connection conn, String value) {
		List<Authorization> all = list(conn, ListQuery.all()).tokens();
		for (Authorization a : all) {
			if (!a.token().isEmpty() && a.token().equals(value)) {
				return a;
			}
		}
		boolean serverShowsValues = all.stream().anyMatch(a -> isRealToken(a.token()));
		if (!all.isEmpty() && !serverShowsValues) {
			throw CliException.failure(VALUES_HIDDEN);
		}
		throw CliException.failure("no authorization has that token value (" + all.size() + " tokens checked)");
	}

	/** Whether a list shows a real token value here, not the empty string of hashed tokens or a placeholder. */
	static boolean isRealToken(String token) {
		return token.length() >= 16 && !token.toLowerCase(Locale.ROOT).contains("redacted");
	}
}
