package org.influxshell.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpMethod;

/**
 * Reads the API's JSON answers, the same way for every client: an empty body or one that is not
 * the expected JSON is a {@link TransportException} that names the request and where the JSON
 * went wrong, and never quotes the body (it may hold a token) nor names a class of ours.
 */
public final class JsonBodies {

	private static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private JsonBodies() {
	}

	/** {@code value} as JSON text, for a request body. */
	public static String write(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write a request body: " + ex.getOriginalMessage(), ex);
		}
	}

	/** The body as one value of {@code type}. */
	public static <T> T read(HttpResponse r, Class<T> type, HttpMethod method, String path) {
		requireBody(r, method, path);
		try {
			T value = JSON.readValue(r.body(), type);
			if (value == null) {
				throw notExpected(method, path, "null", null);
			}
			return value;
		}
		catch (IOException ex) {
			throw malformed(method, path, ex);
		}
	}

	/** The body as a JSON tree, for answers read field by field. */
	public static JsonNode tree(HttpResponse r, HttpMethod method, String path) {
		return read(r, JsonNode.class, method, path);
	}

	/**
	 * The elements of the array {@code field} of the body's top object, each read as {@code type},
	 * streamed: the body is never held as a tree (a list may have 100,000 elements).
	 */
	public static <T> List<T> list(HttpResponse r, String field, Class<T> type, HttpMethod method, String path) {
		requireBody(r, method, path);
		List<T> out = new ArrayList<>();
		try (JsonParser p = JSON.createParser(r.body())) {
			if (p.nextToken() != JsonToken.START_OBJECT) {
				throw notExpected(method, path, "not an object", p.currentLocation());
			}
			while (p.nextToken() == JsonToken.FIELD_NAME) {
				String name = p.currentName();
				JsonToken value = p.nextToken();
				if (!name.equals(field)) {
					p.skipChildren();
					continue;
				}
				if (value != JsonToken.START_ARRAY) {
					throw notExpected(method, path, "\"" + field + "\" is not a list", p.currentLocation());
				}
				while (p.nextToken() != JsonToken.END_ARRAY) {
					out.add(p.readValueAs(type));
				}
			}
			return out;
		}
		catch (IOException ex) {
			throw malformed(method, path, ex);
		}
	}

	private static void requireBody(HttpResponse r, HttpMethod method, String path) {
		if (r.isEmpty()) {
			throw new TransportException(method + " " + path + ": empty response body", null);
		}
	}

	/**
	 * Where the JSON went wrong, and nothing of what the parser said: its message quotes the body,
	 * which may hold a token, and names our classes. So the parser's exception is not kept as the cause.
	 */
	private static TransportException malformed(HttpMethod method, String path, IOException ex) {
		JsonLocation at = ex instanceof JsonProcessingException json ? json.getLocation() : null;
		return notExpected(method, path, at == null ? "unreadable" : "", at);
	}

	private static TransportException notExpected(HttpMethod method, String path, String why, JsonLocation at) {
		String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
		String detail = why.isEmpty() ? where : where.isEmpty() ? why : why + ", " + where;
		return new TransportException(method + " " + path + ": the server's answer is not the expected JSON ("
				+ detail + ")", null);
	}
}
