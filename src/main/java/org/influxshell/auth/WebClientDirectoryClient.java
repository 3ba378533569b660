package org.influxshell.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.influxshell.connection.Connection;
import org.influxshell.http.InfluxHttp;
import org.influxshell.http.TransportException;

import org.springframework.http.HttpMethod;

/** {@link DirectoryClient} over {@link InfluxHttp}. */
public class WebClientDirectoryClient implements DirectoryClient {

	private static final ObjectMapper JSON = new ObjectMapper();

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
		return get(conn, "/api/v2/me").path("id").asText();
	}

	@Override
	public List<String> userNames(Connection conn) {
		List<String> names = new ArrayList<>();
		get(conn, "/api/v2/users").path("users").forEach(u -> names.add(u.path("name").asText()));
		return names;
	}

	private JsonNode get(Connection conn, String path) {
		String body = http.send(conn, HttpMethod.GET, path, null).body();
		try {
			return JSON.readTree(body);
		}
		catch (JsonProcessingException ex) {
			throw new TransportException("GET " + path + ": the server's answer is not the expected JSON", ex);
		}
	}
}
