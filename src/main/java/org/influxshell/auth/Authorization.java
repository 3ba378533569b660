package org.influxshell.auth;

import java.util.List;

/**
 * An API token as the server describes it (the objects of {@code /api/v2/authorizations}; read by
 * {@link AuthorizationJson}, fields it does not know skipped). Missing text fields read as empty;
 * the token may be empty (hashed tokens, 2.8+) or a placeholder (Cloud).
 */
public record Authorization(String id, String token, String status, String description, String orgID, String org,
		String userID, String user, List<Permission> permissions) {

	public Authorization {
		id = orEmpty(id);
		token = orEmpty(token);
		status = orEmpty(status);
		description = orEmpty(description);
		orgID = orEmpty(orgID);
		org = orEmpty(org);
		userID = orEmpty(userID);
		user = orEmpty(user);
		permissions = permissions == null ? List.of() : List.copyOf(permissions);
	}

	static String orEmpty(String s) {
		return s == null ? "" : s;
	}

	/** One permission: an action on a resource. */
	public record Permission(String action, Resource resource) {

		/** {@code action:[orgs/ORG]/type[/id]}, as upstream prints it. */
		public String describe() {
			Resource r = resource == null ? new Resource("", null, null, null, null) : resource;
			StringBuilder s = new StringBuilder(orEmpty(action)).append(':');
			if (r.orgID() != null && !r.orgID().isEmpty()) {
				s.append("orgs/").append(r.orgID());
			}
			s.append('/').append(orEmpty(r.type()));
			if (r.id() != null && !r.id().isEmpty()) {
				s.append('/').append(r.id());
			}
			return s.toString();
		}
	}

	/** What a permission applies to; only {@code type} is always set. */
	public record Resource(String type, String id, String orgID, String name, String org) {
	}

	/** Never shows the token. */
	@Override
	public String toString() {
		return "Authorization[" + id + ", " + status + ", " + description + ", user " + user + "]";
	}
}
