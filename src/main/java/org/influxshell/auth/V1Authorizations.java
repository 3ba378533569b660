package org.influxshell.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.influxshell.cli.CliException;
import org.influxshell.connection.Connection;
import org.influxshell.http.ApiCalls;
import org.influxshell.http.InfluxApiException;

/**
 * {@code v1 auth list}, {@code create} and {@code set-password}: the v1-compatibility
 * authorizations read and made. Every list filter is sent as upstream sends it and applied again
 * here, because the server ignores {@code user} and {@code org} (it only checks that they exist).
 */
public class V1Authorizations {

	/** The shortest password the server takes, in bytes. */
	static final int PASSWORD_MIN = 8;

	/** The longest password the server takes, in bytes (bcrypt's limit). */
	static final int PASSWORD_MAX = 72;

	private final V1AuthorizationsClient client;

	private final TokenCreator orgs;

	public V1Authorizations(V1AuthorizationsClient client, TokenCreator orgs) {
		this.client = client;
		this.orgs = orgs;
	}

	/**
	 * Filters of {@code v1 auth list}; empty lists and {@code null} mean not given.
	 *
	 * @param ids {@code --id}
	 * @param usernames {@code --username}
	 * @param user {@code --user}, a v2 user name
	 * @param userID {@code --user-id}
	 * @param org {@code --org}
	 * @param orgID {@code --org-id}
	 */
	public record ListQuery(List<String> ids, List<String> usernames, String user, String userID, String org,
			String orgID) {

		public ListQuery {
			ids = List.copyOf(ids);
			usernames = List.copyOf(usernames);
		}

		/** Every v1 authorization. */
		public static ListQuery all() {
			return new ListQuery(List.of(), List.of(), null, null, null, null);
		}

		boolean matches(Authorization a) {
			return (ids.isEmpty() || ids.stream().anyMatch(id -> id.equalsIgnoreCase(a.id())))
					&& (usernames.isEmpty() || usernames.contains(a.token()))
					&& (user == null || a.user().equals(user)) && (userID == null || a.userID().equalsIgnoreCase(userID))
					&& (org == null || a.org().equals(org)) && (orgID == null || a.orgID().equalsIgnoreCase(orgID));
		}
	}

	/** The v1 authorizations that match every filter, sorted by ID. */
	public List<Authorization> list(Connection conn, ListQuery q) {
		Orgs.checkNotAmbiguous(q.orgID(), q.org());
		q.ids().forEach(id -> AuthIds.check(id, "could not find v1 authorization with ID \"" + id + "\""));
		String id = q.ids().size() == 1 ? q.ids().get(0).toLowerCase(Locale.ROOT) : null;
		String username = q.usernames().size() == 1 ? q.usernames().get(0) : null;
		V1AuthorizationsClient.Filter filter = new V1AuthorizationsClient.Filter(id, username, q.userID(), q.user(),
				q.orgID(), q.org());
		List<Authorization> all = orNoneWhenUnknown(id != null || username != null,
				() -> ApiCalls.describing("could not find Authorizations for specified arguments",
						() -> client.list(conn, filter)));
		return all.stream().filter(q::matches).sorted(Comparator.comparing(Authorization::id)).toList();
	}

	/**
	 * The v1 authorization with this username.
	 * @throws CliException upstream's words when there is none
	 */
	public Authorization byUsername(Connection conn, String username) {
		String notFound = "could not find v1 auth with token (username) \"" + username + "\"";
		List<Authorization> found = orNoneWhenUnknown(true, () -> ApiCalls.describing(notFound,
				() -> client.list(conn, new V1AuthorizationsClient.Filter(null, username, null, null, null, null))));
		return found.stream().filter(a -> a.token().equals(username)).findFirst()
			.orElseThrow(() -> CliException.failure(notFound));
	}

	/** The v1 authorization with this ID, in upstream's words when there is none. */
	public Authorization byId(Connection conn, String rawId) {
		String notFound = "could not find v1 authorization with ID \"" + rawId + "\"";
		String id = AuthIds.check(rawId, notFound);
		return ApiCalls.describing(notFound, () -> client.get(conn, id));
	}

	/**
	 * A list asked for by ID or username: the server answers 404 when it has none, which is an empty list.
	 */
	private static List<Authorization> orNoneWhenUnknown(boolean byKey, Supplier<List<Authorization>> list) {
		try {
			return list.get();
		}
		catch (CliException ex) {
			if (byKey && ex.getCause() instanceof InfluxApiException api && api.status() == 404) {
				return List.of();
			}
			throw ex;
		}
	}

	/**
	 * What {@code v1 auth create} asks for.
	 *
	 * @param orgID {@code --org-id}, or {@code null}
	 * @param org {@code --org}, or {@code null}
	 * @param description {@code --description}, empty when not given
	 * @param username {@code --username}
	 * @param readBuckets {@code --read-bucket}
	 * @param writeBuckets {@code --write-bucket}
	 */
	public record CreateQuery(String orgID, String org, String description, String username, List<String> readBuckets,
			List<String> writeBuckets) {
	}

	/**
	 * Checks what it can before anything is made: the org, the bucket IDs, and that no v1
	 * authorization has the username yet.
	 * @return the org's ID
	 */
	public String check(Connection conn, CreateQuery q) {
		Orgs.checkNotAmbiguous(q.orgID(), q.org());
		for (String bucket : concat(q.readBuckets(), q.writeBuckets())) {
			if (AuthIds.problem(bucket) != null) {
				throw CliException.failure("invalid bucket ID '" + bucket + "': " + AuthIds.problem(bucket)
						+ " (did you pass a bucket name instead of an ID?)");
			}
		}
		if (q.orgID() != null && AuthIds.problem(q.orgID()) != null) {
			throw CliException.failure("invalid org ID '" + q.orgID() + "': " + AuthIds.problem(q.orgID()));
		}
		String orgID = orgs.orgId(conn, q.orgID(), q.org());
		List<Authorization> same = orNoneWhenUnknown(true,
				() -> ApiCalls.describing("failed to verify username \"" + q.username() + "\" has no auth",
						() -> client.list(conn, new V1AuthorizationsClient.Filter(null, q.username(), null, null, null, null))));
		if (same.stream().anyMatch(a -> a.token().equals(q.username()))) {
			throw CliException.failure("authorization with username \"" + q.username() + "\" already exists");
		}
		return orgID;
	}

	/**
	 * Creates the v1 authorization, then sets its password; when the password cannot be set, the
	 * new authorization is deleted again (as upstream does) and the failure says so.
	 * @param password the password, or {@code null} for none ({@code --no-password})
	 */
	public Authorization create(Connection conn, String orgID, CreateQuery q, String password) {
		List<Authorization.Permission> perms = new ArrayList<>();
		for (String bucket : q.readBuckets()) {
			perms.add(bucketPermission("read", bucket, orgID));
		}
		for (String bucket : q.writeBuckets()) {
			perms.add(bucketPermission("write", bucket, orgID));
		}
		Authorization created = ApiCalls.describing("failed to create new authorization", () -> client.create(conn,
				new V1AuthorizationsClient.CreateRequest(orgID, q.description(), q.username(), perms)));
		if (password != null) {
			try {
				ApiCalls.describing("failed to set password for \"" + q.username() + "\"",
						() -> client.setPassword(conn, created.id(), password));
			}
			catch (CliException ex) {
				String undone;
				try {
					client.delete(conn, created.id());
					undone = "; the new authorization " + created.id() + " was deleted again";
				}
				catch (RuntimeException again) {
					undone = "; the new authorization " + created.id() + " could not be deleted again (" + again.getMessage()
							+ "): delete it with v1 auth delete --id " + created.id();
				}
				throw new CliException(ex.getMessage() + undone, ex.exitCode(), ex.getCause());
			}
		}
		return created;
	}

	/** Sets the password of a v1 authorization already read. */
	public void setPassword(Connection conn, Authorization auth, String password) {
		ApiCalls.describing("error setting password", () -> client.setPassword(conn, auth.id(), password));
	}

	/** A password the server would refuse, refused before anything is sent. */
	static void checkPassword(String password) {
		int bytes = password.getBytes(StandardCharsets.UTF_8).length;
		if (bytes < PASSWORD_MIN || bytes > PASSWORD_MAX) {
			throw CliException.usage("a password must be " + PASSWORD_MIN + " to " + PASSWORD_MAX + " bytes long, not " + bytes);
		}
	}

	private static Authorization.Permission bucketPermission(String action, String bucket, String orgID) {
		return new Authorization.Permission(action,
				new Authorization.Resource("buckets", bucket.toLowerCase(Locale.ROOT), orgID, null, null));
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
