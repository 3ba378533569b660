package org.influxshell.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.influxshell.connection.Connection;

import org.springframework.http.HttpStatus;

/**
 * The one place that turns an error response into an {@link InfluxApiException}: the server's
 * {@code {"code","message"}} body when there is one, else a short summary of whatever came
 * back (an HTML page from a proxy, plain text, nothing), never the raw body. InfluxDB 3 answers in
 * other words ({@link #v3}).
 */
public final class ApiErrors {

	private static final Pattern TITLE = Pattern.compile("<title>\\s*([^<]{1,200}?)\\s*</title>", Pattern.CASE_INSENSITIVE);

	private ApiErrors() {
	}

	/**
	 * The response itself when it succeeded, else the matching exception.
	 * @param secrets the credentials sent (the request's, a proxy's); never repeated in a message,
	 *        even if a proxy echoes them
	 */
	public static HttpResponse check(HttpResponse response, List<String> secrets) {
		if (response.isSuccess()) {
			return response;
		}
		InfluxApiException ex = toException(response);
		String message = Secrets.without(ex.serverMessage(), secrets);
		if (message.equals(ex.serverMessage())) {
			throw ex;
		}
		throw new InfluxApiException(ex.status(), statusLine(ex.status()), ex.code(), message);
	}

	static InfluxApiException toException(HttpResponse r) {
		String statusLine = statusLine(r.status());
		if (r.status() >= 300 && r.status() < 400) {
			return new InfluxApiException(r.status(), statusLine, "",
					"redirect to " + (r.location().isEmpty() ? "an unknown location" : r.location()) + " not followed");
		}
		String body = r.text();
		try {
			JsonNode node = Json.MAPPER.readTree(body);
			if (node != null && node.isObject() && (node.hasNonNull("message") || node.hasNonNull("code"))) {
				String code = node.path("code").asText("");
				String message = node.path("message").asText("");
				return new InfluxApiException(r.status(), statusLine, code, message.isEmpty() ? code : message);
			}
		}
		catch (Exception ex) {
			// not JSON: summarised below
		}
		return new InfluxApiException(r.status(), statusLine, "", summary(r));
	}

	/**
	 * An InfluxDB 3 server's refusal in its own words, on one line: the {@code error} of a JSON body
	 * (its authentication stage writes {@code {"error": "the request was not authenticated"}}, a query
	 * {@code {"error":"query error: database not found: db"}}), else the plain text it answered
	 * ({@code token name already exists, ci}, {@code Not found}); at most 300 characters, never the
	 * token, as given or as the server received it.
	 */
	public static InfluxApiException v3(HttpResponse r, String token) {
		return v3(r, token == null ? List.of() : List.of(token, Connection.asSent(token)));
	}

	/**
	 * {@link #v3(HttpResponse, String)}, never showing any of these secrets: they are masked before
	 * the message is cut, so that no part of one straddling the cut is left.
	 * @param secrets the credentials sent (the token, a proxy's password and Basic value)
	 */
	public static InfluxApiException v3(HttpResponse r, List<String> secrets) {
		String text = r.text().strip();
		String message = text;
		if (text.startsWith("{")) {
			try {
				JsonNode node = Json.MAPPER.readTree(text);
				if (node != null && node.hasNonNull("error")) {
					message = node.get("error").asText();
				}
			}
			catch (Exception notJson) {
				// the text as it came
			}
		}
		message = Secrets.without(message, secrets).lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ");
		if (message.length() > 300) {
			message = message.substring(0, 297) + "...";
		}
		if (message.isEmpty()) {
			message = "empty response body";
		}
		return new InfluxApiException(r.status(), statusLine(r.status()), "", message);
	}

	/** {@code 404 Not Found}, as Go prints a status. */
	public static String statusLine(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known == null ? String.valueOf(status) : status + " " + known.getReasonPhrase();
	}

	private static String summary(HttpResponse r) {
		String body = r.text().strip();
		if (body.isEmpty()) {
			return "empty response body";
		}
		String type = r.contentType().isEmpty() ? "no content type" : r.contentType();
		Matcher title = TITLE.matcher(body);
		if (title.find()) {
			return "unexpected " + type + " response: \"" + title.group(1).replaceAll("\\s+", " ") + "\"";
		}
		String first = body.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ");
		if (first.length() > 80) {
			first = first.substring(0, 77) + "...";
		}
		return "unexpected " + type + " response (" + body.length() + " bytes): \"" + Secrets.maskJson(first) + "\"";
	}

	/** Jackson's mapper only once an error body is read: a command whose requests succeed never makes it. */
	private static final class Json {

		static final ObjectMapper MAPPER = new ObjectMapper();
	}
}
