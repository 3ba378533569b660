package org.influxshell.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A request path with its query: the parameters given, in order, each value encoded; {@code null} values left out. */
public final class QueryPath {

	private QueryPath() {
	}

	/**
	 * @param path the path without a query
	 * @param query the parameters in the order they are to be sent; a {@code null} value is not sent
	 */
	public static String of(String path, Map<String, String> query) {
		StringBuilder out = new StringBuilder(path);
		char sep = '?';
		for (Map.Entry<String, String> e : query.entrySet()) {
			if (e.getValue() != null) {
				out.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
				sep = '&';
			}
		}
		return out.toString();
	}
}
