package org.influxshell.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.influxshell.connection.Connection;
import org.influxshell.http.HttpResponse;
import org.influxshell.http.InfluxHttp;
import org.influxshell.http.JsonBodies;
import org.influxshell.http.QueryPath;

import org.springframework.http.HttpMethod;

/** {@link V1AuthorizationsClient} over {@link InfluxHttp} (WebClient). */
public class WebClientV1AuthorizationsClient implements V1AuthorizationsClient {

	static final String PATH = "/private/legacy/authorizations";

	private final InfluxHttp http;

	public WebClientV1AuthorizationsClient(InfluxHttp http) {
		this.http = http;
	}

	@Override
	public List<Authorization> list(Connection conn, Filter filter) {
		Map<String, String> query = new LinkedHashMap<>();
		// the server reads the ID as id (upstream sends authID, which it ignores)
		query.put("id", filter.id());
		query.put("token", filter.username());
		query.put("userID", filter.userID());
		query.put("user", filter.user());
		query.put("orgID", filter.orgID());
		query.put("org", filter.org());
		String path = QueryPath.of(PATH, query);
		HttpResponse r = http.send(conn, HttpMethod.GET, path, null);
		return JsonBodies.list(r, "authorizations", AuthorizationJson::read, HttpMethod.GET, path);
	}

	@Override
	public Authorization get(Connection conn, String id) {
		String path = PATH + "/" + id;
		return JsonBodies.read(http.send(conn, HttpMethod.GET, path, null), AuthorizationJson::read, HttpMethod.GET, path);
	}

	@Override
	public Authorization setStatus(Connection conn, String id, AuthorizationsClient.Status status) {
		String path = PATH + "/" + id;
		String body = "{\"status\":\"" + status.value() + "\"}";
		// setting a status twice leaves it as setting it once: safe to send again after a 429 or 503
		return JsonBodies.read(http.sendIdempotent(conn, HttpMethod.PATCH, path, body), AuthorizationJson::read,
				HttpMethod.PATCH, path);
	}

	@Override
	public Authorization create(Connection conn, CreateRequest request) {
		List<Map<String, Object>> perms = new ArrayList<>();
		for (Authorization.Permission p : request.permissions()) {
			Map<String, Object> resource = new LinkedHashMap<>();
			resource.put("type", p.resource().type());
			resource.put("id", p.resource().id());
			resource.put("orgID", p.resource().orgID());
			Map<String, Object> perm = new LinkedHashMap<>();
			perm.put("action", p.action());
			perm.put("resource", resource);
			perms.add(perm);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("orgID", request.orgID());
		body.put("description", request.description());
		body.put("token", request.username());
		body.put("permissions", perms);
		return JsonBodies.read(http.send(conn, HttpMethod.POST, PATH, JsonBodies.write(body)), AuthorizationJson::read,
				HttpMethod.POST, PATH);
	}

	@Override
	public void setPassword(Connection conn, String id, String password) {
		http.send(conn, HttpMethod.POST, PATH + "/" + id + "/password", JsonBodies.write(Map.of("password", password)));
	}

	@Override
	public void delete(Connection conn, String id) {
		http.send(conn, HttpMethod.DELETE, PATH + "/" + id, null);
	}
}
