package org.influxshell.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error an InfluxDB 3 server gives on its token API, in its own words on one line: the
 * {@code error} of {@code {"error": "..."}} (authentication stage, a space after the colon) and of
 * compact {@code {"error":"..."}} (a query), else the plain text of every other handler (no
 * {@code Content-Type}, no trailing newline).
 */
class ApiErrorsV3Test {

	static HttpResponse answer(int status, String body) {
		return new HttpResponse(status, "", "", "", List.of(), body.getBytes(StandardCharsets.UTF_8));
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
			"400|{\"error\": \"Authorization header was malformed, the request was not in the form of 'Authorization: <auth-scheme> <token>', supported auth-schemes are Bearer, Token and Basic\"}"
					+ "|400 Bad Request: Authorization header was malformed, the request was not in the form of 'Authorization: <auth-scheme> <token>', supported auth-schemes are Bearer, Token and Basic",
			"401|{\"error\": \"the request was not authenticated\"}|401 Unauthorized: the request was not authenticated",
			"403|{\"error\": \"unauthorized to perform requested action with the token\"}|403 Forbidden: unauthorized to perform requested action with the token",
			"500|{\"error\": \"to str error: failed to convert header to a str\"}|500 Internal Server Error: to str error: failed to convert header to a str",
			"405|endpoint disabled, started without auth|405 Method Not Allowed: endpoint disabled, started without auth",
			"409|token name already exists, _admin|409 Conflict: token name already exists, _admin",
			"500|missing admin token, cannot update|500 Internal Server Error: missing admin token, cannot update",
			"415|unacceptable content-type, expected: application/json|415 Unsupported Media Type: unacceptable content-type, expected: application/json",
			"400|serde json error: missing field `token_name` at line 1 column 2|400 Bad Request: serde json error: missing field `token_name` at line 1 column 2",
			"409|token name already exists, ci|409 Conflict: token name already exists, ci",
			"500|cannot parse token permission, invalid resource name lab|500 Internal Server Error: cannot parse token permission, invalid resource name lab",
			"400|serde error: missing field `token_name`|400 Bad Request: serde error: missing field `token_name`",
			"405|cannot delete operator token|405 Method Not Allowed: cannot delete operator token",
			"404|the requested resource was not found: ci|404 Not Found: the requested resource was not found: ci",
			"404|Not found|404 Not Found: Not found",
			"404|{\"error\":\"query error: database not found: _internal\"}|404 Not Found: query error: database not found: _internal",
			"400|{\"error\":\"invalid database name\",\"data\":[]}|400 Bad Request: invalid database name" })
	void everyErrorOfTheTokenApiInTheServersWords(int status, String body, String message) {
		InfluxApiException ex = ApiErrors.v3(answer(status, body), "apiv3_secret");
		assertThat(ex.status()).isEqualTo(status);
		assertThat(ex.getMessage()).isEqualTo(message);
	}

	@Test
	void oneLineNeverTheTokenAndSomethingWhenThereIsNothing() {
		String token = "apiv3_" + "A".repeat(86);
		assertThat(ApiErrors.v3(answer(500, "first line " + token + "\nsecond line"), token).getMessage())
			.isEqualTo("500 Internal Server Error: first line ***");
		assertThat(ApiErrors.v3(answer(502, ""), token).getMessage()).isEqualTo("502 Bad Gateway: empty response body");
		assertThat(ApiErrors.v3(answer(500, "x".repeat(400)), token).getMessage())
			.isEqualTo("500 Internal Server Error: " + "x".repeat(297) + "...");
		// an error field that is not there: the body as it came
		assertThat(ApiErrors.v3(answer(400, "{\"message\":\"odd\"}"), token).getMessage())
			.isEqualTo("400 Bad Request: {\"message\":\"odd\"}");
	}

	@Test
	void aTokenAcrossTheCutIsMaskedBeforeTheMessageIsCut() {
		String token = "apiv3_" + "B".repeat(86);
		String body = "x".repeat(290) + token + "y".repeat(100);
		assertThat(ApiErrors.v3(answer(500, body), token).getMessage())
			.isEqualTo("500 Internal Server Error: " + "x".repeat(290) + "***" + "yyyy...");
	}

	@Test
	void theTokenAsTheServerGotItIsMaskedToo() {
		String token = "apiv3_" + "C".repeat(86);
		// the profile's value has spaces around it; the server echoes the value it received, trimmed
		assertThat(ApiErrors.v3(answer(401, "{\"error\": \"unknown token " + token + "\"}"), " \t" + token + "  ")
			.getMessage()).isEqualTo("401 Unauthorized: unknown token ***");
		assertThat(ApiErrors.v3(answer(401, "unknown token " + token + " via px-password"), List.of(token, "px-password"))
			.getMessage()).isEqualTo("401 Unauthorized: unknown token *** via ***");
	}
}
