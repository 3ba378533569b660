package org.influxshell.auth;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.influxshell.http.JsonBodies;

/**
 * An {@link Authorization} from the API's JSON, with Jackson's streaming parser alone and by the
 * rules of its data binding (see {@link JsonBodies#object}): what Jackson's mapper made of the
 * same body, this makes, and a body it refused is refused at the same place
 * ({@code AuthorizationJsonTest} holds the two side by side). What completion reads of a list,
 * {@link #summary}, is lenient: it offers the tokens of every list {@link #read} reads.
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
	 * The ID, description and status of the authorization the parser stands on, its other fields
	 * skipped unread; {@code null} for a JSON {@code null}. Where {@link #read} reads an
	 * authorization, this reads its ID, description and status (a field given twice: the last);
	 * it refuses only what is not an object or not JSON, and those three fields when not text.
	 */
	static AuthorizationsClient.Summary summary(JsonParser p) throws IOException {
		JsonToken t = p.currentToken();
		if (t == JsonToken.VALUE_NULL) {
			return null;
		}
		if (t != JsonToken.START_OBJECT) {
			throw JsonBodies.unexpected(p);
		}
		String[] read = new String[SUMMARY.size()];
		while (p.nextToken() == JsonToken.FIELD_NAME) {
			int field = SUMMARY.indexOf(p.currentName());
			p.nextToken();
			if (field < 0) {
				p.skipChildren();
			}
			else {
				read[field] = JsonBodies.text(p);
			}
		}
		return new AuthorizationsClient.Summary(read[0], read[1], read[2]);
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
