package org.influxshell.auth;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;

import org.influxshell.http.JsonBodies;

/**
 * An {@link Authorization} from the API's JSON, with Jackson's streaming parser alone and by the
 * rules of its data binding (see {@link JsonBodies#object}): what Jackson's mapper made of the
 * same body, this makes, and a body it refused is refused at the same place
 * ({@code AuthorizationJsonTest} holds the two side by side).
 */
final class AuthorizationJson {

	private static final List<String> AUTHORIZATION = List.of("id", "token", "status", "description", "orgID", "org",
			"userID", "user", "permissions");

	private static final int PERMISSIONS = AUTHORIZATION.indexOf("permissions");

	private static final List<String> PERMISSION = List.of("action", "resource");

	private static final List<String> RESOURCE = List.of("type", "id", "orgID", "name", "org");

	private static final List<String> SUMMARY = List.of("id", "description", "status");

	private AuthorizationJson() {
	}

	/**
	 * The ID, description and status of the authorization the parser stands on, as data binding
	 * reads them into {@link AuthorizationsClient.Summary}; its other fields are skipped unread.
	 * {@code null} for a JSON {@code null}.
	 */
	static AuthorizationsClient.Summary summary(JsonParser p) throws IOException {
		return JsonBodies.object(p, SUMMARY, Set.of(), (field, q) -> JsonBodies.text(q),
				v -> new AuthorizationsClient.Summary((String) v[0], (String) v[1], (String) v[2]));
	}

	/** The authorization the parser stands on, {@code null} for a JSON {@code null}. */
	@SuppressWarnings("unchecked")
	static Authorization read(JsonParser p) throws IOException {
		return JsonBodies.object(p, AUTHORIZATION, Set.of("permissions"),
				(field, q) -> field == PERMISSIONS ? JsonBodies.array(q, AuthorizationJson::permission)
						: JsonBodies.text(q),
				v -> new Authorization((String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4],
						(String) v[5], (String) v[6], (String) v[7], (List<Authorization.Permission>) v[8]));
	}

	private static Authorization.Permission permission(JsonParser p) throws IOException {
		return JsonBodies.object(p, PERMISSION, Set.of(), (field, q) -> field == 0 ? JsonBodies.text(q) : resource(q),
				v -> new Authorization.Permission((String) v[0], (Authorization.Resource) v[1]));
	}

	private static Authorization.Resource resource(JsonParser p) throws IOException {
		return JsonBodies.object(p, RESOURCE, Set.of(), (field, q) -> JsonBodies.text(q), v -> new Authorization.Resource(
				(String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4]));
	}
}
