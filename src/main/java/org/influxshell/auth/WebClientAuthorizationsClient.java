package org.influxshell.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.influxshell.connection.Connection;
import org.influxshell.http.HttpResponse;
import org.influxshell.http.InfluxHttp;
import org.influxshell.http.JsonBodies;
import org.influxshell.http.QueryPath;

import org.springframework.http.HttpMethod;

/** {@link AuthorizationsClient} over {@link InfluxHttp} (WebClient). */
public class WebClientAuthorizationsClient implements AuthorizationsClient {

	static final String PATH = "/api/v2/authorizations";

	private final InfluxHttp http;

	public WebClientAuthorizationsClient(InfluxHttp http) {
		this.http = http;
	}

	@Override
	public List<Authorization> list(Connection conn, ListFilter filter) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("id", filter.id());
		query.put("userID", filter.userID());
		query.put("user", filter.user());
		query.put("orgID", filter.orgID());
		query.put("org", filter.org());
		String path = QueryPath.of(PATH, query);
		HttpResponse r = send(conn, HttpMethod.GET, path, null);
		return JsonBodies.list(r, "authorizations", AuthorizationJson::read, HttpMethod.GET, path);
	}

	@Override
	public List<Summary> summaries(Connection conn) {
		HttpResponse r = send(conn, HttpMethod.GET, PATH, null);
		return JsonBodies.list(r, "authorizations", AuthorizationJson::summary, HttpMethod.GET, PATH);
	}

	@Override
	public Authorization get(Connection conn, String id) {
		String path = PATH + "/" + id;
		return parse(send(conn, HttpMethod.GET, path, null), HttpMethod.GET, path);
	}

	@Override
	public Authorization setStatus(Connection conn, String id, Status status) {
		String path = PATH + "/" + id;
		// always a body: the server answers an empty PATCH body with a 500
		String body = "{\"status\":\"" + status.value() + "\"}";
		// setting a status twice leaves it as setting it once: safe to send again after a 429 or 503
		return parse(http.sendIdempotent(conn, HttpMethod.PATCH, path, body), HttpMethod.PATCH, path);
	}

	@Override
	public Authorization create(Connection conn, CreateRequest request) {
		String body = JsonBodies.write(CreateBody.of(request));
		return parse(send(conn, HttpMethod.POST, PATH, body), HttpMethod.POST, PATH);
	}

	@Override
	public void delete(Connection conn, String id) {
		send(conn, HttpMethod.DELETE, PATH + "/" + id, null);
	}

	private HttpResponse send(Connection conn, HttpMethod method, String path, String body) {
		return http.send(conn, method, path, body);
	}

	private static Authorization parse(HttpResponse r, HttpMethod method, String path) {
		return JsonBodies.read(r, AuthorizationJson::read, method, path);
	}

	/** The JSON body of a create request, in the field order the API documents. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateBody(String orgID, String userID, String description, List<Map<String, Object>> permissions) {

		static CreateBody of(CreateRequest r) {
			List<Map<String, Object>> perms = new ArrayList<>();
			for (Authorization.Permission p : r.permissions()) {
				Map<String, Object> resource = new LinkedHashMap<>();
				resource.put("type", p.resource().type());
				if (p.resource().id() != null) {
					resource.put("id", p.resource().id());
				}
				if (p.resource().orgID() != null) {
					resource.put("orgID", p.resource().orgID());
				}
				Map<String, Object> perm = new LinkedHashMap<>();
				perm.put("action", p.action());
				perm.put("resource", resource);
				perms.add(perm);
			}
			return new CreateBody(r.orgID(), r.userID(), r.description(), perms);
		}
	}
}
