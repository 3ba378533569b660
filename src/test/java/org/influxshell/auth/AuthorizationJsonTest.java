package org.influxshell.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.influxshell.http.HttpResponse;
import org.influxshell.http.JsonBodies;
import org.influxshell.http.TransportException;
import org.influxshell.support.InfluxStub;

import org.springframework.http.HttpMethod;

/**
 * {@link AuthorizationJson} side by side with Jackson's data binding, which read the API's
 * answers before it: for every body, the same authorization, or the same refusal at the same
 * place. The bodies are the server's own, cut short at every byte, missing each byte in turn,
 * and with each field given every other kind of value.
 */
class AuthorizationJsonTest {

	/** How the console read authorizations before: Jackson's data binding, unknown fields skipped. */
	static final ObjectMapper DATABIND = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
			false);

	static final String PATH = "/api/v2/authorizations/0a6f1b2c3d4e5000";

	static final String ALICE = InfluxStub.alice("active", SPEC_TOKEN);

	/** Every kind of JSON value, for the fields that should hold text, a list, an object. */
	static final List<String> VALUES = List.of("null", "0", "-2.5e3", "12345678901234567890123", "true", "false", "\"\"",
			"\"x\"", "\"\\u00e9\\ud83d\\ude00\\n\\\"\"", "{}", "{\"a\": [1, {\"b\": null}]}", "[]", "[null]", "[1]", "[\"x\"]",
			"[{}]", "[[]]", "[{\"action\": \"read\"}]", "[{\"action\": \"read\", \"resource\": null}]",
			"[{\"action\": \"read\", \"resource\": {\"type\": \"buckets\"}}]", "[{\"resource\": {\"type\": 5}}]",
			"[{\"action\": {}, \"resource\": {\"type\": \"buckets\"}}]", "[{\"action\": \"read\", \"resource\": []}]",
			"[{\"action\": \"read\", \"resource\": \"buckets\"}]", "[{\"action\": \"read\", \"resource\": 1}]",
			"[{\"action\": \"read\", \"resource\": {\"type\": \"buckets\", \"type\": \"orgs\", \"id\": true}}]",
			"[{\"action\": \"read\", \"resource\": {\"type\": \"t\", \"id\": \"i\", \"orgID\": \"o\", \"name\": \"n\", "
					+ "\"org\": \"g\", \"type\": \"again\"}}]",
			"[{\"action\": \"read\", \"resource\": {\"type\": \"t\"}, \"action\": \"write\"}]", "[{\"action\": \"read\"}, null]");

	/** The fields of alice's authorization in the server's order, each with its JSON value. */
	static Map<String, String> aliceFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("id", "\"0a6f1b2c3d4e5000\"");
		fields.put("token", "\"" + SPEC_TOKEN + "\"");
		fields.put("status", "\"active\"");
		fields.put("description", "\"alice's Token\"");
		fields.put("orgID", "\"9b7d5c3a1e0f2468\"");
		fields.put("org", "\"my-org\"");
		fields.put("userID", "\"0a6f1b2c3d4e4000\"");
		fields.put("user", "\"alice\"");
		fields.put("permissions", "[{\"action\": \"read\", \"resource\": {\"type\": \"buckets\", \"orgID\": "
				+ "\"9b7d5c3a1e0f2468\", \"org\": \"my-org\"}}]");
		fields.put("links", "{\"self\": \"/api/v2/authorizations/0a6f1b2c3d4e5000\"}");
		fields.put("createdAt", "\"2024-05-14T09:30:12.345871234Z\"");
		return fields;
	}

	static String object(Map<String, String> fields) {
		List<String> parts = new ArrayList<>();
		fields.forEach((name, value) -> parts.add("\"" + name + "\": " + value));
		return "{" + String.join(", ", parts) + "}";
	}

	/** The bodies, by kind. */
	static Stream<Arguments> bodies() {
		List<String> whole = List.of(ALICE, InfluxStub.alice("inactive", ""), object(aliceFields()), "null", "[]",
				"[1, 2]", "\"x\"", "1", "true", "{}", "{} {", "{\"id\": \"a\"} x", "\uFEFF{\"id\": \"a\"}",
				"{\"id\": \"a\",}", "{\"id\": \"a\" \"token\": \"b\"}", "{id: \"a\"}", "{\"id\": 'a'}",
				"{\"id\": \"a\"]", "{\"permissions\": [{\"action\": \"read\"},]}", "{\"id\": \"\\u12\"}",
				"{\"id\": NaN}", "{\"id\": 01}", "{\"id\": \"a\"}}", "{\"id\": \"tab\there\"}");
		List<String> cut = new ArrayList<>();
		List<String> missingOne = new ArrayList<>();
		for (int at = 0; at < ALICE.length(); at++) {
			cut.add(ALICE.substring(0, at));
			missingOne.add(ALICE.substring(0, at) + ALICE.substring(at + 1));
		}
		List<String> values = new ArrayList<>();
		List<String> twice = new ArrayList<>();
		List<String> names = new ArrayList<>(aliceFields().keySet());
		names.add("unknown");
		for (String name : names) {
			for (String value : VALUES) {
				Map<String, String> fields = aliceFields();
				fields.put(name, value);
				values.add(object(fields));
				// the field twice: before every field was seen, and after
				String alice = object(aliceFields());
				twice.add("{\"" + name + "\": " + value + ", " + alice.substring(1));
				twice.add(alice.substring(0, alice.length() - 1) + ", \"" + name + "\": " + value + "}");
			}
			Map<String, String> without = aliceFields();
			without.remove(name);
			values.add(object(without));
		}
		return Stream.of(Arguments.of("whole and odd bodies", whole), Arguments.of("cut short at every byte", cut),
				Arguments.of("missing each byte in turn", missingOne), Arguments.of("every kind of value", values),
				Arguments.of("fields given twice", twice));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodies")
	void readsAsDataBindingDid(String kind, List<String> bodies) {
		List<String> differ = new ArrayList<>();
		for (String body : bodies) {
			Object streamed = streamed(body);
			Object databound = databound(body);
			if (!streamed.equals(databound)) {
				differ.add(body + "\n  streamed:  " + streamed + "\n  databound: " + databound);
			}
		}
		assertThat(differ).isEmpty();
	}

	@ParameterizedTest(name = "{0}, as list elements")
	@MethodSource("bodies")
	void readsListElementsAsDataBindingDid(String kind, List<String> elements) {
		List<String> differ = new ArrayList<>();
		for (String element : elements) {
			String body = listOfAliceAnd(element);
			Object streamed = streamedList(body);
			Object databound = databoundList(body);
			if (!streamed.equals(databound)) {
				differ.add(body + "\n  streamed:  " + streamed + "\n  databound: " + databound);
			}
		}
		assertThat(differ).isEmpty();
	}

	/**
	 * What completion reads of a list, each token's ID, description and status, the rest skipped:
	 * wherever the whole read reads the list, the same tokens.
	 */
	@ParameterizedTest(name = "{0}, as list elements read for completion")
	@MethodSource("bodies")
	void completionReadsTheTokensOfEveryListTheWholeReadReads(String kind, List<String> elements) {
		List<String> differ = new ArrayList<>();
		for (String element : elements) {
			String body = listOfAliceAnd(element);
			if (streamedList(body) instanceof List<?> whole) {
				Object summaries = streamedList(body, AuthorizationJson::summary);
				Object expected = whole.stream()
					.map(a -> a == null ? null : summaryOf((Authorization) a))
					.toList();
				if (!expected.equals(summaries)) {
					differ.add(body + "\n  summaries: " + summaries + "\n  expected:  " + expected);
				}
			}
		}
		assertThat(differ).isEmpty();
	}

	/** A field completion does not show is skipped unread, whatever it holds; one it shows must be text. */
	@Test
	void completionSkipsWhatItDoesNotShow() {
		String odd = "{\"links\": {}, \"authorizations\": [{\"id\": \"0a6f1b2c3d4e5000\", \"token\": {}, "
				+ "\"permissions\": \"x\", \"status\": \"inactive\", \"description\": \"d\", \"status\": \"active\"}]}";
		assertThat(streamedList(odd)).isInstanceOf(String.class);
		assertThat(streamedList(odd, AuthorizationJson::summary))
			.isEqualTo(List.of(new AuthorizationsClient.Summary("0a6f1b2c3d4e5000", "d", "active")));
		assertThat(streamedList("{\"authorizations\": [{\"id\": {}}]}", AuthorizationJson::summary))
			.isEqualTo(notExpected("line 1, column 28"));
	}

	/** A list answer: alice's authorization, then {@code element}. */
	static String listOfAliceAnd(String element) {
		return "{\"links\": {}, \"authorizations\": [" + ALICE + ", " + element + "]}";
	}

	static AuthorizationsClient.Summary summaryOf(Authorization a) {
		return new AuthorizationsClient.Summary(a.id(), a.description(), a.status());
	}

	@Test
	void aSummaryIsTheAuthorizationsIdDescriptionAndStatus() {
		String body = listOfAliceAnd(InfluxStub.alice("inactive", ""));
		assertThat(streamedList(body, AuthorizationJson::summary)).isEqualTo(((List<?>) streamedList(body,
				AuthorizationJson::read)).stream()
			.map(a -> summaryOf((Authorization) a))
			.toList());
	}

	@Test
	void theServersAnswerIsTheSpecsAuthorization() throws IOException {
		Object read = streamed(ALICE);
		assertThat(read).isEqualTo(DATABIND.readValue(ALICE, Authorization.class));
		assertThat(((Authorization) read).permissions()).extracting(Authorization.Permission::describe)
			.containsExactly("read:orgs/9b7d5c3a1e0f2468/buckets", "write:orgs/9b7d5c3a1e0f2468/buckets");
	}

	/** What the console reads now: the authorization, or the one-line error. */
	static Object streamed(String body) {
		try {
			return JsonBodies.read(response(body), AuthorizationJson::read, HttpMethod.GET, PATH);
		}
		catch (TransportException ex) {
			return ex.getMessage();
		}
	}

	static Object streamedList(String body) {
		return streamedList(body, AuthorizationJson::read);
	}

	static Object streamedList(String body, JsonBodies.ValueReader<?> reader) {
		try {
			return JsonBodies.list(response(body), "authorizations", reader, HttpMethod.GET, PATH);
		}
		catch (TransportException ex) {
			return ex.getMessage();
		}
	}

	/** What the console read before, with data binding, in the same words. */
	static Object databound(String body) {
		if (response(body).isEmpty()) {
			return "GET " + PATH + ": empty response body";
		}
		try {
			Authorization read = DATABIND.readValue(body.getBytes(StandardCharsets.UTF_8), Authorization.class);
			return read == null ? notExpected("null") : read;
		}
		catch (IOException ex) {
			return notExpected(ex);
		}
	}

	static Object databoundList(String body) {
		return databoundList(body, Authorization.class);
	}

	static Object databoundList(String body, Class<?> type) {
		List<Object> out = new ArrayList<>();
		try (JsonParser p = DATABIND.createParser(body.getBytes(StandardCharsets.UTF_8))) {
			p.nextToken();
			while (p.nextToken() == JsonToken.FIELD_NAME) {
				String name = p.currentName();
				p.nextToken();
				if (!name.equals("authorizations")) {
					p.skipChildren();
					continue;
				}
				while (p.nextToken() != JsonToken.END_ARRAY) {
					out.add(p.readValueAs(type));
				}
			}
			return out;
		}
		catch (IOException ex) {
			return notExpected(ex);
		}
	}

	static String notExpected(IOException ex) {
		JsonLocation at = ex instanceof JsonProcessingException json ? json.getLocation() : null;
		return notExpected(at == null ? "unreadable" : "line " + at.getLineNr() + ", column " + at.getColumnNr());
	}

	static String notExpected(String detail) {
		return "GET " + PATH + ": the server's answer is not the expected JSON (" + detail + ")";
	}

	static HttpResponse response(String body) {
		return new HttpResponse(200, "application/json", "", "", List.of(), body.getBytes(StandardCharsets.UTF_8));
	}
}
