package org.influxshell.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.influxshell.cli.CliException;
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
	public String orgId(Connection conn, String name) {
		String path = "/api/v2/orgs?org=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
		JsonNode orgs = get(conn, path).path("orgs");
		for (JsonNode org : orgs) {
			if (name.equals(org.path("name").asText())) {
				return org.path("id").asText();
			}
		}
		// a known org the caller may not read comes back as an empty list
		throw CliException.failure("organization name \"" + name + "\" not found");
	}

	@Override
	public String userId(Connection conn, String name) {
		String path = "/api/v2/users?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
		for (JsonNode user : get(conn, path).path("users")) {
			if (name.equals(user.path("name").asText())) {
				return user.path("id").asText();
			}
		}
		throw CliException.failure("user \"" + name + "\" not found");
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
