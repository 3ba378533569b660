package org.influxshell.http;

/**
 * A whole response, read into memory (the token API's bodies are small).
 *
 * @param status the status code
 * @param contentType the {@code Content-Type}, or empty
 * @param location the {@code Location} header, or empty
 * @param body the body as text, empty when there was none
 */
public record HttpResponse(int status, String contentType, String location, String body) {

	public boolean isSuccess() {
		return status >= 200 && status < 300;
	}
}
