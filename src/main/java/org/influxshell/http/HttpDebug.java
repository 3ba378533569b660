package org.influxshell.http;

import java.net.URI;
import java.util.List;

import org.influxshell.cli.Stderr;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * {@code --http-debug}: each request and response on stderr, like upstream's dump, but with the
 * {@code Authorization} header and every {@code "token"} value in bodies shown as {@code ***}.
 * This is debug output written while the exchange happens, not a service's note: it goes straight
 * to the run's stderr, which the wiring gives {@link InfluxHttp} (the HTTP layer sits below the
 * command model and its {@code Notes}).
 */
final class HttpDebug {

	private final Stderr stderr;

	private final List<String> secrets;

	/** @param secrets the credentials (the request's, the proxy's): masked wherever they show up, not only in headers */
	HttpDebug(Stderr stderr, List<String> secrets) {
		this.stderr = stderr;
		this.secrets = secrets;
	}

	/** Says which proxy the request goes through (never its credentials). */
	void via(Proxies.Proxy proxy) {
		stderr.line("* via proxy " + proxy);
	}

	void request(HttpMethod method, URI uri, HttpHeaders headers, String body) {
		StringBuilder out = new StringBuilder("> ").append(method).append(' ').append(uri.getRawPath());
		if (uri.getRawQuery() != null) {
			out.append('?').append(uri.getRawQuery());
		}
		out.append(" HTTP/1.1\n> Host: ").append(uri.getRawAuthority()).append('\n');
		headers.forEach((name, values) -> values.forEach(v -> out.append("> ").append(name).append(": ")
			.append(maskHeader(name, v)).append('\n')));
		if (body != null) {
			out.append(">\n").append(mask(body)).append('\n');
		}
		stderr.lines(out.toString().stripTrailing());
	}

	void response(HttpResponse response) {
		StringBuilder out = new StringBuilder("< ").append(response.status()).append('\n');
		if (!response.contentType().isEmpty()) {
			out.append("< Content-Type: ").append(response.contentType()).append('\n');
		}
		if (!response.location().isEmpty()) {
			out.append("< Location: ").append(response.location()).append('\n');
		}
		if (response.body().length > 0) {
			out.append("<\n").append(mask(response.text())).append('\n');
		}
		stderr.lines(out.toString().stripTrailing());
	}

	private String mask(String body) {
		return Secrets.without(Secrets.maskJson(body), secrets);
	}

	/** Credentials in headers: the scheme or cookie name stays, the secret becomes {@code ***}. */
	static String maskHeader(String name, String value) {
		if (name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION) || name.equalsIgnoreCase(HttpHeaders.PROXY_AUTHORIZATION)) {
			int space = value.indexOf(' ');
			return (space < 0 ? "" : value.substring(0, space + 1)) + "***";
		}
		if (name.equalsIgnoreCase(HttpHeaders.COOKIE) || name.equalsIgnoreCase(HttpHeaders.SET_COOKIE)) {
			return value.replaceAll("=[^;]*", "=***");
		}
		return value;
	}
}
