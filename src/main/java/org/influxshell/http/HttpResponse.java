package org.influxshell.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
 */
public record HttpResponse(int status, String contentType, String location, String retryAfter, List<String> cookies,
		byte[] body) {

	public HttpResponse {
		cookies = List.copyOf(cookies);
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
