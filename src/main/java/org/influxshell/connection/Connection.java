package org.influxshell.connection;

/**
 * Everything needed to talk to one server, resolved from flags, environment, profile and
 * defaults.
 *
 * @param baseUrl scheme, host and port only, no trailing slash
 * @param token the API token, empty for none
 * @param org the profile's organisation name, empty for none
 * @param skipVerify accept any TLS certificate
 * @param httpDebug write requests and responses (masked) to stderr
 */
public record Connection(String baseUrl, String token, String org, boolean skipVerify, boolean httpDebug) {

	@Override
	public String toString() {
		return "Connection[" + baseUrl + ", token " + (token.isEmpty() ? "none" : "set") + ", org " + org + "]";
	}
}
