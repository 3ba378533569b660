package org.influxshell.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Responses shaped the way an InfluxDB 2.7 server shapes them:
 * tab-indented JSON without a trailing newline, the build headers, pretty error bodies with
 * {@code X-Platform-Error-Code}, and the compact bodies of authentication failures.
 */
public final class InfluxStub {

	/** A token of the length a 2.x server makes: 89 characters. */
	public static final String SPEC_TOKEN = "3eZ8uYq4l7ZyQfX1k2nHn0bM5Gv9tS6wR3pL8cJ4dA1eF7hK2mN0oP5qR9sT3uV6wX8yZ1aB4cD7eF0gH2iJ5kL==";

	private InfluxStub() {
	}

	public static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withHeader("X-Influxdb-Build", "OSS")
			.withHeader("X-Influxdb-Version", "v2.7.12")
			.withBody(body);
	}

	public static ResponseDefinitionBuilder ok(String body) {
		return json(200, body);
	}

	/**
	 * A server that never answers, for a test of a timeout: the request is taken (a scenario moves
	 * on) and the answer held back for ten minutes, far past any test; stopping the stub ends it.
	 */
	public static ResponseDefinitionBuilder noAnswer() {
		return aResponse().withStatus(200).withFixedDelay(600_000);
	}

	/** An error as the API handlers write it: pretty JSON plus the platform error header. */
	public static ResponseDefinitionBuilder error(int status, String code, String message) {
		return json(status, "{\n\t\"code\": \"" + code + "\",\n\t\"message\": \"" + message + "\"\n}")
			.withHeader("X-Platform-Error-Code", code);
	}

	/** Missing or unknown token: rejected before any handler, compact. */
	public static ResponseDefinitionBuilder unauthorizedAccess() {
		return json(401, "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}")
			.withHeader("X-Platform-Error-Code", "unauthorized");
	}

	/** {@code GET /health} of a 2.7 server: 200, its irregular JSON and a newline; no credentials needed. */
	public static ResponseDefinitionBuilder health() {
		return json(200, "{\"name\":\"influxdb\", \"message\":\"ready for queries and writes\", \"status\":\"pass\", "
				+ "\"checks\":[], \"version\": \"v2.7.12\", \"commit\": \"ec9dcde5d6\"}\n");
	}

	/** {@code GET /ping} of a 2.x server: 204, no body, the build and version headers; no credentials needed. */
	public static ResponseDefinitionBuilder ping() {
		return aResponse().withStatus(204).withHeader("X-Influxdb-Build", "OSS").withHeader("X-Influxdb-Version", "v2.7.12");
	}

	/** {@code GET /api/v2/me}: the caller's user object. */
	public static ResponseDefinitionBuilder me(String id, String name) {
		return ok("{\n\t\"links\": {\n\t\t\"self\": \"/api/v2/users/" + id + "\"\n\t},\n\t\"id\": \"" + id
				+ "\",\n\t\"name\": \"" + name + "\",\n\t\"status\": \"active\"\n}");
	}

	/**
	 * An inactive token: it still authenticates, then fails the permission check in the handler
	 * (pretty body, unlike the compact {@link #unauthorizedAccess()} of an unknown token).
	 */
	public static ResponseDefinitionBuilder tokenIsInactive() {
		return error(401, "unauthorized", "token is inactive");
	}

	/** A permission as the server writes it. */
	public record Perm(String action, String type, String id, String orgID, String name, String org) {

		public static Perm orgScoped(String action, String type, String orgID, String org) {
			return new Perm(action, type, null, orgID, null, org);
		}
	}

	/** An authorization object, every key present, in the server's field order. */
	public static String authorization(String id, String token, String status, String description, String userID,
			String user, String orgID, String org, List<Perm> perms) {
		List<String> permJson = new ArrayList<>();
		for (Perm p : perms) {
			StringBuilder r = new StringBuilder("\t\t\t\t\"type\": \"" + p.type() + "\"");
			if (p.id() != null) {
				r.append(",\n\t\t\t\t\"id\": \"").append(p.id()).append('"');
			}
			if (p.orgID() != null) {
				r.append(",\n\t\t\t\t\"orgID\": \"").append(p.orgID()).append('"');
			}
			if (p.name() != null) {
				r.append(",\n\t\t\t\t\"name\": \"").append(p.name()).append('"');
			}
			if (p.org() != null) {
				r.append(",\n\t\t\t\t\"org\": \"").append(p.org()).append('"');
			}
			permJson.add("\t\t{\n\t\t\t\"action\": \"" + p.action() + "\",\n\t\t\t\"resource\": {\n" + r + "\n\t\t\t}\n\t\t}");
		}
		return "{\n\t\"id\": \"" + id + "\",\n\t\"token\": \"" + token + "\",\n\t\"status\": \"" + status
				+ "\",\n\t\"description\": \"" + description + "\",\n\t\"orgID\": \"" + orgID + "\",\n\t\"org\": \""
				+ org + "\",\n\t\"userID\": \"" + userID + "\",\n\t\"user\": \"" + user + "\",\n\t\"permissions\": "
				+ (permJson.isEmpty() ? "[]" : "[\n" + String.join(",\n", permJson) + "\n\t]")
				+ ",\n\t\"links\": {\n\t\t\"self\": \"/api/v2/authorizations/" + id + "\",\n\t\t\"user\": \"/api/v2/users/"
				+ userID + "\"\n\t},\n\t\"createdAt\": \"2024-05-14T09:30:12.345871234Z\",\n\t\"updatedAt\": \"2024-05-14T09:30:12.345871234Z\"\n}";
	}

	/** A token of alice (alice's, with read and write on the org's buckets). */
	public static String alice(String status, String token) {
		return authorization("0a6f1b2c3d4e5000", token, status, "alice's Token", "0a6f1b2c3d4e4000", "alice",
				"9b7d5c3a1e0f2468", "my-org",
				List.of(Perm.orgScoped("read", "buckets", "9b7d5c3a1e0f2468", "my-org"),
						Perm.orgScoped("write", "buckets", "9b7d5c3a1e0f2468", "my-org")));
	}

	/** {@code GET /api/v2/authorizations}'s body around some authorization objects. */
	public static String list(List<String> authorizations) {
		String inner = authorizations.stream().map(a -> a.replace("\n", "\n\t\t").replaceFirst("^", "\t\t"))
			.reduce((a, b) -> a + ",\n" + b).orElse("");
		return "{\n\t\"links\": {\n\t\t\"self\": \"/api/v2/authorizations\"\n\t},\n\t\"authorizations\": "
				+ (inner.isEmpty() ? "[]" : "[\n" + inner + "\n\t]") + "\n}";
	}
}
