package org.influxshell.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.influxshell.connection.Connection;
import org.influxshell.http.HttpResponse;
import org.influxshell.http.InfluxApiException;
import org.influxshell.http.InfluxHttp;
import org.influxshell.http.JsonBodies;
import org.influxshell.http.V3Api;

import org.springframework.http.HttpMethod;

/**
 * The token API of InfluxDB 3 Core and Enterprise: tokens are listed from the {@code system.tokens}
 * table of the {@code _internal} database through {@code /api/v3/query_sql}, made through
 * {@code /api/v3/configure/token/named_admin} (Enterprise: resource tokens through
 * {@code /api/v3/enterprise/configure/token}) and deleted by name. An error is an
 * {@link InfluxApiException} in the server's own words: the {@code error} of a JSON body
 * ({@code {"error": "the request was not authenticated"}}), else the plain text it answered.
 */
public class V3Client {

	private static final String QUERY = V3Api.QUERY_SQL;

	private static final String NAMED_ADMIN = V3Api.NAMED_ADMIN_TOKEN;

	private static final String RESOURCE = V3Api.RESOURCE_TOKEN;

	private static final String TOKEN = V3Api.TOKEN;

	private static final String REGENERATE = V3Api.REGENERATE_OPERATOR;

	/** The body of the one query: every column, so that a server without one (no hash without auth) still answers. */
	private static final String LIST_BODY = V3Api.tokensQuery("*");

	private final InfluxHttp http;

	public V3Client(InfluxHttp http) {
		this.http = http;
	}

	/** Every token of the server, in ID order. */
	public List<V3Token> list(Connection conn) {
		HttpResponse r = send(conn, HttpMethod.POST, QUERY, LIST_BODY);
		JsonNode rows = JsonBodies.tree(r, HttpMethod.POST, QUERY);
		List<V3Token> out = new ArrayList<>();
		for (JsonNode row : rows) {
			out.add(new V3Token(row.path("token_id").asLong(), text(row, "name"), text(row, "hash"),
					text(row, "created_at"), text(row, "description"), text(row, "updated_at"), text(row, "expiry"),
					text(row, "permissions")));
		}
		out.sort((a, b) -> Long.compareUnsigned(a.id(), b.id()));
		return out;
	}

	/**
	 * Makes a named admin token.
	 * @param expirySecs seconds until it expires, or {@code null} for never
	 */
	public V3Created createAdmin(Connection conn, String name, Long expirySecs) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("token_name", name);
		body.put("expiry_secs", expirySecs);
		return created(send(conn, HttpMethod.POST, NAMED_ADMIN, JsonBodies.write(body)), NAMED_ADMIN);
	}

	/**
	 * Makes a resource token (Enterprise). The field of the resource names is {@code resource_names}
	 * in the current documents and {@code resource_identifier} in earlier ones: the first is sent,
	 * and the second only when the server's refusal names it.
	 */
	public V3Created createResource(Connection conn, String name, List<V3Permission> permissions, Long expirySecs) {
		try {
			return created(send(conn, HttpMethod.POST, RESOURCE, resourceBody(name, permissions, expirySecs,
					"resource_names")), RESOURCE);
		}
		catch (InfluxApiException ex) {
			if (ex.status() != 400 || !ex.serverMessage().contains("resource_identifier")) {
				throw ex;
			}
			return created(send(conn, HttpMethod.POST, RESOURCE, resourceBody(name, permissions, expirySecs,
					"resource_identifier")), RESOURCE);
		}
	}

	private static String resourceBody(String name, List<V3Permission> permissions, Long expirySecs, String namesKey) {
		List<Map<String, Object>> perms = new ArrayList<>();
		for (V3Permission p : permissions) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("resource_type", p.type());
			one.put(namesKey, p.names());
			one.put("actions", p.actions());
			perms.add(one);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("token_name", name);
		body.put("permissions", perms);
		body.put("expiry_secs", expirySecs);
		return JsonBodies.write(body);
	}

	/** Deletes a token by its name. */
	public void delete(Connection conn, String name) {
		send(conn, HttpMethod.DELETE, TOKEN + "?token_name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), null);
	}

	/**
	 * Gives the operator token {@code _admin} a new value: the old one is refused from this moment.
	 * The answer is the only time the new value is shown.
	 */
	public V3Created regenerateOperator(Connection conn) {
		return created(send(conn, HttpMethod.POST, REGENERATE, null), REGENERATE);
	}

	/** {@code GET /ping} as it came back, error or not: its status and build headers tell servers apart. */
	public HttpResponse ping(Connection conn) {
		return http.exchange(conn, HttpMethod.GET, "/ping", null);
	}

	/**
	 * One request; a list (a read-only query) or a delete is sent again after {@code 429} or
	 * {@code 503}, as InfluxDB 2's reads and deletes are, a creation never: a second one would make a
	 * second token, or fail on the name the first took.
	 */
	private HttpResponse send(Connection conn, HttpMethod method, String path, String body) {
		boolean repeatable = method != HttpMethod.POST || path.equals(QUERY);
		HttpResponse r = http.exchangeWithRetries(conn, method, path, body, repeatable);
		if (!r.isSuccess()) {
			throw http.v3Error(conn, path, r);
		}
		return r;
	}

	/**
	 * The server's refusal of a request made on {@code conn}, in its own words: one line, never the
	 * token nor the proxy's credentials.
	 */
	InfluxApiException refusal(Connection conn, String path, HttpResponse r) {
		return http.v3Error(conn, path, r);
	}

	private static V3Created created(HttpResponse r, String path) {
		JsonNode node = JsonBodies.tree(r, HttpMethod.POST, path);
		return new V3Created(node.path("id").asLong(), text(node, "name"), text(node, "token"), text(node, "hash"),
				text(node, "created_at"), node.hasNonNull("expiry") ? node.get("expiry").asText() : null);
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v == null || v.isNull() ? "" : v.asText();
	}
}
