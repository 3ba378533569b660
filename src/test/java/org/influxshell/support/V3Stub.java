package org.influxshell.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Responses shaped the way an InfluxDB 3 Core or Enterprise server (3.10) shapes them: a
 * {@code cluster-uuid} on every answer, {@code access-control-allow-origin: *} on successes only,
 * the build headers only on a {@code 200} from {@code /ping}, {@code Content-Type: json} (no media
 * type) on a created token, and error bodies without any {@code Content-Type}: plain text, or
 * {@code {"error": "..."}} (a space after the colon) from the authentication stage.
 */
public final class V3Stub {

	public static final String CLUSTER = "0197a2c4-7f3e-7b21-9d5e-3c1f0a8e6b42";

	/** The operator token of the stub's server: 92 characters, {@code apiv3_} and 86 more. */
	public static final String OPERATOR = "apiv3_" + "A".repeat(86);

	/** A named admin token's value. */
	public static final String CI = "apiv3_" + "B".repeat(86);

	/** A token that leaked. */
	public static final String LEAKED = "apiv3_" + "C".repeat(86);

	/** The first nine hex characters of the SHA-512 of each value, as {@code system.tokens} shows them. */
	public static final String OPERATOR_HASH = "bf8b0384a";

	public static final String CI_HASH = "1a9b9ff04";

	public static final String LEAKED_HASH = "7e27dfe58";

	public static final String DASH_HASH = "d6cca1ce4";

	/** The operator token's row in {@code system.tokens}. */
	public static final String OPERATOR_ROW = "{\"token_id\":0,\"name\":\"_admin\",\"hash\":\"" + OPERATOR_HASH
			+ "\",\"created_at\":\"2026-11-02T09:00:00\",\"permissions\":\"*:*:*\"}";

	/** The leaked named admin token's row in {@code system.tokens}: no expiry. */
	public static final String LEAKED_ROW = "{\"token_id\":2,\"name\":\"leaked\",\"hash\":\"" + LEAKED_HASH
			+ "\",\"created_at\":\"2026-11-20T14:02:45.331\",\"permissions\":\"*:*:*\"}";

	/** What {@code auth create} prints of a token made with the value {@link #CI}, as {@code influxdb3 create token} does. */
	public static final String CREATED_TEXT = "\nNew token created successfully!\n\nToken: " + CI + "\n"
			+ "HTTP Requests Header: Authorization: Bearer " + CI + "\n\n"
			+ "IMPORTANT: Store this token securely, as it will not be shown again.\n";

	private V3Stub() {
	}

	/** {@code GET /ping} with a token the server takes. */
	public static ResponseDefinitionBuilder ping(String build) {
		return aResponse().withStatus(200)
			.withHeader("content-type", "application/json")
			.withHeader("x-influxdb-build", build)
			.withHeader("x-influxdb-version", "3.10.0")
			.withHeader("request-id", "0197a2c4-8a11-7c3d-b000-5e2f1d3c4b5a")
			.withHeader("x-request-id", "0197a2c4-8a11-7c3d-b000-5e2f1d3c4b5a")
			.withHeader("cluster-uuid", CLUSTER)
			.withHeader("access-control-allow-origin", "*")
			.withBody("{\"product_name\":\"InfluxDB 3 " + build + "\",\"version\":\"3.10.0\",\"revision\":\"d7834110b3\","
					+ "\"process_id\":\"0197a2c4-0000-7000-8000-000000000001\"}");
	}

	/** A query's rows in the {@code json} format: compact, no trailing newline. */
	public static ResponseDefinitionBuilder rows(String json) {
		return aResponse().withStatus(200)
			.withHeader("content-type", "application/json")
			.withHeader("cluster-uuid", CLUSTER)
			.withHeader("access-control-allow-origin", "*")
			.withBody(json);
	}

	/** A token made: 201, {@code Content-Type: json}, the six fields. */
	public static ResponseDefinitionBuilder created(long id, String name, String token, String expiry) {
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "json")
			.withHeader("cluster-uuid", CLUSTER)
			.withHeader("access-control-allow-origin", "*")
			.withBody("{\"id\":" + id + ",\"name\":\"" + name + "\",\"token\":\"" + token + "\",\"hash\":\""
					+ "ab".repeat(64) + "\",\"created_at\":\"2026-12-07T05:10:00.120Z\",\"expiry\":"
					+ (expiry == null ? "null" : "\"" + expiry + "\"") + "}");
	}

	/** A token deleted: 200, empty body. */
	public static ResponseDefinitionBuilder deleted() {
		return aResponse().withStatus(200)
			.withHeader("content-length", "0")
			.withHeader("cluster-uuid", CLUSTER)
			.withHeader("access-control-allow-origin", "*");
	}

	/** An error of a handler: plain text, no Content-Type, no trailing newline. */
	public static ResponseDefinitionBuilder text(int status, String message) {
		return aResponse().withStatus(status).withHeader("cluster-uuid", CLUSTER).withBody(message);
	}

	/** {@code GET /health} with a token the server takes: 200, {@code OK} as plain text. */
	public static ResponseDefinitionBuilder health() {
		return aResponse().withStatus(200)
			.withHeader("content-type", "text/plain; charset=utf-8")
			.withHeader("cluster-uuid", CLUSTER)
			.withHeader("access-control-allow-origin", "*")
			.withBody("OK");
	}

	/** A method and path with no handler, after the token was taken: 404 {@code Not found}. */
	public static ResponseDefinitionBuilder notFound() {
		return text(404, "Not found");
	}

	/** Any token endpoint of a server started {@code --without-auth}. */
	public static ResponseDefinitionBuilder withoutAuth() {
		return text(405, "endpoint disabled, started without auth");
	}

	/** Enterprise: a token the server takes, without the permission the request needs. */
	public static ResponseDefinitionBuilder forbidden() {
		return aResponse().withStatus(403)
			.withHeader("cluster-uuid", CLUSTER)
			.withBody("{\"error\": \"unauthorized to perform requested action with the token\"}");
	}

	/** The authentication stage's refusal: {@code {"error": "..."}}, no Content-Type. */
	public static ResponseDefinitionBuilder notAuthenticated() {
		return aResponse().withStatus(401)
			.withHeader("cluster-uuid", CLUSTER)
			.withBody("{\"error\": \"the request was not authenticated\"}");
	}
}
