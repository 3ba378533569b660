package org.influxshell.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.influxshell.auth.AuthorizationsClient.ListFilter;
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

	private final DirectoryClient directory;

	private final int concurrency;

	public TokenService(AuthorizationsClient client, DirectoryClient directory, int concurrency) {
		this.client = client;
		this.directory = directory;
		this.concurrency = Math.max(1, concurrency);
	}

	/**
	 * Checks the ID, makes sure the token exists (for a clearer error), then sets its status.
	 * @return the token as the server returned it after the change
	 */
	public Authorization setStatus(Connection conn, String rawId, Status status) {
		String id = AuthIds.check(rawId);
		find(conn, id, rawId);
		try {
			return client.setStatus(conn, id, status);
		}
		catch (InfluxApiException | TransportException ex) {
			throw failed("could not update status of auth with ID \"" + rawId + "\"", ex);
		}
	}

	/** Checks the ID and fetches the token: what a dry run shows and what a delete prints. */
	public Authorization get(Connection conn, String rawId) {
		return find(conn, AuthIds.check(rawId), rawId);
	}

	/**
	 * Fetches the token (kept for printing), then deletes it.
	 * @return the token as it was
	 */
	public Authorization delete(Connection conn, String rawId) {
		String id = AuthIds.check(rawId);
		Authorization auth = find(conn, id, rawId);
		try {
			client.delete(conn, id);
			return auth;
		}
		catch (InfluxApiException | TransportException ex) {
			throw failed("could not delete auth with ID \"" + rawId + "\"", ex);
		}
	}

	private Authorization find(Connection conn, String id, String rawId) {
		try {
			return client.get(conn, id);
		}
		catch (InfluxApiException | TransportException ex) {
			throw failed("could not find auth with ID \"" + rawId + "\"", ex);
		}
	}

	/**
	 * Filters for {@code auth list}; {@code null} means not given. Every filter is sent to the
	 * server and applied again here, so the result matches whatever the server did with it.
	 *
	 * @param id {@code --id}
	 * @param user {@code --user} (name)
	 * @param userID {@code --user-id}
	 * @param org {@code --org} (name)
	 * @param orgID {@code --org-id}
	 */
	public record ListQuery(String id, String user, String userID, String org, String orgID) {

		public static ListQuery all() {
			return new ListQuery(null, null, null, null, null);
		}

		boolean matches(Authorization a) {
			return (id == null || a.id().equalsIgnoreCase(id)) && (user == null || a.user().equals(user))
					&& (userID == null || a.userID().equalsIgnoreCase(userID)) && (org == null || a.org().equals(org))
					&& (orgID == null || a.orgID().equalsIgnoreCase(orgID));
		}
	}

	/** What a list found, and whether the server's own answer was empty before filtering. */
	public record Listing(List<Authorization> tokens, boolean serverListEmpty) {
	}

	/** {@code auth list}: sorted by ID, filtered on both sides. */
	public Listing list(Connection conn, ListQuery q) {
		checkOrgNotAmbiguous(q.orgID(), q.org());
		if (q.id() != null) {
			Authorization one = get(conn, q.id());
			return new Listing(q.matches(one) ? List.of(one) : List.of(), false);
		}
		List<Authorization> all;
		try {
			all = client.list(conn, new ListFilter(null, q.userID(), q.user(), q.orgID(), q.org()));
		}
		catch (InfluxApiException | TransportException ex) {
			throw failed("could not list authorizations", ex);
		}
		List<Authorization> matching = all.stream().filter(q::matches)
			.sorted(Comparator.comparing(Authorization::id)).toList();
		return new Listing(matching, all.isEmpty());
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
			throw CliException.failure("cannot match a token value: this server does not return token values "
					+ "(hashed tokens, InfluxDB 2.8+, or InfluxDB Cloud)");
		}
		throw CliException.failure("no authorization has that token value (" + all.size() + " tokens checked)");
	}

	private static boolean isRealToken(String token) {
		return token.length() >= 16 && !token.toLowerCase(Locale.ROOT).contains("redacted");
	}

	/**
	 * Which tokens a bulk command acts on: the IDs given (repeated or comma-separated), plus the
	 * tokens the selectors pick from the server's list. Selectors narrow each other.
	 * @return raw IDs, each once, in ID order
	 */
	public List<String> select(Connection conn, List<String> ids, String user, String descriptionRegex) {
		Map<String, String> byKey = new TreeMap<>();
		for (String arg : ids) {
			// an empty --id is a mistake to report, not nothing to do
			for (String id : arg.isEmpty() ? new String[] { "" } : arg.split(",")) {
				String trimmed = id.strip();
				if (!trimmed.isEmpty() || arg.isEmpty()) {
					byKey.putIfAbsent(AuthIds.problem(trimmed) == null ? trimmed.toLowerCase(Locale.ROOT) : trimmed, trimmed);
				}
			}
		}
		if (user != null || descriptionRegex != null) {
			Pattern description = compile(descriptionRegex);
			for (Authorization a : list(conn, new ListQuery(null, user, null, null, null)).tokens()) {
				if (description == null || description.matcher(a.description()).find()) {
					byKey.putIfAbsent(a.id(), a.id());
				}
			}
		}
		return new ArrayList<>(byKey.values());
	}

	private static Pattern compile(String regex) {
		if (regex == null) {
			return null;
		}
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw CliException.usage("invalid --description pattern: " + ex.getDescription());
		}
	}

	/** The outcome of a bulk command: what was done, in ID order, and what failed. */
	public record BulkResult(List<Authorization> done, List<String> failures) {
	}

	/**
	 * Runs {@code action} on each ID with at most {@code influx.bulk-concurrency} in flight;
	 * one failure does not stop the others.
	 */
	public BulkResult forEach(List<String> ids, Function<String, Authorization> action) {
		if (ids.size() == 1) {
			return new BulkResult(List.of(action.apply(ids.get(0))), List.of());
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, ids.size()), r -> {
			Thread t = new Thread(r, "influx-shell-bulk");
			t.setDaemon(true);
			return t;
		});
		try {
			Map<String, Future<Authorization>> futures = new LinkedHashMap<>();
			for (String id : ids) {
				futures.put(id, pool.submit(() -> action.apply(id)));
			}
			List<Authorization> done = new ArrayList<>();
			List<String> failures = new ArrayList<>();
			for (Map.Entry<String, Future<Authorization>> e : futures.entrySet()) {
				try {
					done.add(e.getValue().get());
				}
				catch (ExecutionException ex) {
					Throwable cause = ex.getCause();
					failures.add(cause instanceof CliException ? cause.getMessage()
							: "auth with ID \"" + e.getKey() + "\": " + cause.getMessage());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw CliException.failure("interrupted");
				}
			}
			done.sort(Comparator.comparing(Authorization::id));
			return new BulkResult(done, failures);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * What {@code auth create} asks for; {@code null} means not given.
	 *
	 * @param orgID {@code --org-id}
	 * @param org {@code --org}
	 * @param profileOrg the org of the chosen profile
	 * @param user {@code --user}
	 * @param description {@code --description}
	 * @param flags the permission flags
	 */
	public record CreateQuery(String orgID, String org, String profileOrg, String user, String description,
			PermissionSet.Flags flags) {
	}

	/** {@code auth create}: resolves org and user, builds the permissions, creates the token. */
	public Authorization create(Connection conn, CreateQuery q) {
		PermissionSet.check(q.flags());
		checkOrgNotAmbiguous(q.orgID(), q.org());
		if (q.orgID() != null && AuthIds.problem(q.orgID()) != null) {
			throw CliException.failure("invalid org ID '" + q.orgID() + "': " + AuthIds.problem(q.orgID()));
		}
		String orgID = resolveOrg(conn, q);
		String userID = null;
		try {
			if (q.user() != null) {
				userID = directory.userId(conn, q.user());
			}
			else if (q.flags().needsUser()) {
				userID = directory.myUserId(conn);
			}
		}
		catch (InfluxApiException | TransportException ex) {
			throw failed("could not find user \"" + (q.user() == null ? "me" : q.user()) + "\"", ex);
		}
		var request = new AuthorizationsClient.CreateRequest(orgID, q.user() != null ? userID : null, q.description(),
				PermissionSet.build(q.flags(), orgID, userID));
		try {
			return client.create(conn, request);
		}
		catch (InfluxApiException | TransportException ex) {
			throw failed("could not write auth with provided arguments", ex);
		}
	}

	private String resolveOrg(Connection conn, CreateQuery q) {
		if (q.orgID() != null) {
			return q.orgID().toLowerCase(Locale.ROOT);
		}
		String name = q.org() != null ? q.org() : q.profileOrg();
		if (name == null || name.isEmpty()) {
			throw CliException.failure("must specify org ID or org name (--org-id, --org, or a profile with an org)");
		}
		try {
			return directory.orgId(conn, name);
		}
		catch (InfluxApiException | TransportException ex) {
			throw failed("could not find org \"" + name + "\"", ex);
		}
	}

	/** Upstream's rule for every command that takes both: an org by ID or by name, not both. */
	private static void checkOrgNotAmbiguous(String orgID, String org) {
		if (orgID != null && org != null) {
			throw CliException.failure("ambiguous org: use OrgId or OrgName, but not both. OrgID: " + orgID
					+ ", OrgName: " + org);
		}
	}

	static CliException failed(String what, RuntimeException cause) {
		return new CliException(what + ": " + cause.getMessage(), CliException.FAILURE, cause);
	}
}
