package org.influxshell.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.influxshell.connection.Connection;
import org.influxshell.http.InfluxHttp;
import org.influxshell.http.JsonBodies;
import org.influxshell.http.TransportException;

import org.springframework.http.HttpMethod;

/** {@link DirectoryClient} over {@link InfluxHttp}. */
public class WebClientDirectoryClient implements DirectoryClient {

	private final InfluxHttp http;

	public WebClientDirectoryClient(InfluxHttp http) {
		this.http = http;
	}

	@Override
	public Optional<String> orgId(Connection conn, String name) {
		// a known org the caller may not read comes back as an empty list
		return idOf(get(conn, "/api/v2/orgs?org=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).path("orgs"), name);
	}

	@Override
	public Optional<String> userId(Connection conn, String name) {
		return idOf(get(conn, "/api/v2/users?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).path("users"), name);
	}

	private static Optional<String> idOf(JsonNode list, String name) {
		for (JsonNode item : list) {
			if (name.equals(item.path("name").asText())) {
				return Optional.of(item.path("id").asText());
			}
		}
		return Optional.empty();
	}

	@Override
	public String myUserId(Connection conn) {
		String id = get(conn, "/api/v2/me").path("id").asText();
		if (id.isEmpty()) {
			throw new TransportException("GET /api/v2/me: the server's answer is not the expected JSON (no \"id\")", null);
		}
		return id;
	}

	@Override
	public List<String> userNames(Connection conn) {
		List<String> names = new ArrayList<>();
		get(conn, "/api/v2/users").path("users").forEach(u -> names.add(u.path("name").asText()));
		return names;
	}

	private JsonNode get(Connection conn, String path) {
		return JsonBodies.tree(http.send(conn, HttpMethod.GET, path, null), HttpMethod.GET, path);
	}
}
