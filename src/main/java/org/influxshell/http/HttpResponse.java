package org.influxshell.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A whole response, read into memory as bytes (a list of 100,000 tokens is about 90 MB; as bytes
 * it is parsed without ever becoming one large string).
 *
 * @param status the status code
 * @param contentType the {@code Content-Type}, or empty
 * @param location the {@code Location} header, or empty
 * @param retryAfter the {@code Retry-After} header (seconds or an HTTP date), or empty
 * @param cookies the {@code Set-Cookie} headers
 * @param body the body, empty when there was none
 * @param headers every header's first value, by its name in lower case
 */
public record HttpResponse(int status, String contentType, String location, String retryAfter, List<String> cookies,
		byte[] body, Map<String, String> headers) {

	public HttpResponse {
		cookies = List.copyOf(cookies);
		headers = Map.copyOf(headers);
	}

	public HttpResponse(int status, String contentType, String location, String retryAfter, List<String> cookies,
			byte[] body) {
		this(status, contentType, location, retryAfter, cookies, body, Map.of());
	}

	/** The first value of a header (names compared without case), or empty. */
	public String header(String name) {
		return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
	}

	public boolean isSuccess() {
		return status >= 200 && status < 300;
	}

	/** The body as text. */
	public String text() {
		return new String(body, StandardCharsets.UTF_8);
	}

	public boolean isEmpty() {
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return false;
			}
		}
		return true;
	}
}
