package org.influxshell.connection;

/**
 * Asks a server which generation it is, for {@code config create}: InfluxDB 3 answers
 * {@code GET /ping} with {@code 200} and {@code X-Influxdb-Build: Core} or {@code Enterprise}
 * (or, for a token it does not take, {@code 401} with its JSON error); InfluxDB 2 with
 * {@code 204} and a version starting {@code 2.} or {@code v2.}.
 */
public interface ProductProbe {

	/**
	 * The server's generation.
	 * @return {@code v3}, {@code v2}, or empty when the server could not be reached or did not say
	 */
	String probe(Connection conn);
}
