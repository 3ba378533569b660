package org.influxshell.connection;

import java.util.function.Supplier;

/**
 * Everything needed to talk to one server, resolved from flags, environment, profile and
 * defaults.
 *
 * @param baseUrl scheme, host, port and path, no trailing slash
 * @param token the API token, empty for none
 * @param org the profile's organisation name, empty for none
 * @param skipVerify accept any TLS certificate
 * @param httpDebug write requests and responses (masked) to stderr
 * @param signIn the user and password to sign in with (a profile made with {@code -p}), or
 *        {@code null} when a token is used
 * @param profile the name of the profile the connection came from, empty when none was read
 *        (host and token both given by flags or environment)
 * @param defaultHost the URL is the built-in default: no flag, setting or profile of the user's gave one
 * @param caCert a PEM file of CA certificates trusted in addition to the system's, empty for none
 * @param product the server's generation: {@code v3} for InfluxDB 3 Core and Enterprise, else {@code v2}
 */
public record Connection(String baseUrl, String token, String org, boolean skipVerify, boolean httpDebug,
		SignIn signIn, String profile, boolean defaultHost, String caCert, String product) {

	/** The generation of InfluxDB 3 Core and Enterprise. */
	public static final String V3 = "v3";

	/** The generation of InfluxDB 2 (and of a server whose generation nobody gave). */
	public static final String V2 = "v2";

	public Connection {
		profile = profile == null ? "" : profile;
		caCert = caCert == null ? "" : caCert;
		product = product == null || product.isEmpty() ? V2 : product;
	}

	/** A connection to an InfluxDB 2 server with the system's CA certificates only. */
	public Connection(String baseUrl, String token, String org, boolean skipVerify, boolean httpDebug, SignIn signIn,
			String profile, boolean defaultHost) {
		this(baseUrl, token, org, skipVerify, httpDebug, signIn, profile, defaultHost, "", V2);
	}

	/**
	 * A token as the server receives and compares it: HTTP header values lose their leading and
	 * trailing spaces and tabs (Go's header parsing, and InfluxDB 3's), so {@code "TOKEN "} is TOKEN.
	 */
	public static String asSent(String token) {
		int start = 0;
		int end = token.length();
		while (start < end && isHeaderSpace(token.charAt(start))) {
			start++;
		}
		while (end > start && isHeaderSpace(token.charAt(end - 1))) {
			end--;
		}
		return token.substring(start, end);
	}

	private static boolean isHeaderSpace(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n';
	}

	/** Whether the server is InfluxDB 3 Core or Enterprise. */
	public boolean isV3() {
		return V3.equals(product);
	}

	public Connection(String baseUrl, String token, String org, boolean skipVerify, boolean httpDebug) {
		this(baseUrl, token, org, skipVerify, httpDebug, null, "", false, "", V2);
	}

	/**
	 * A user to sign in as, and the password: the profile's, or typed when a sign-in first needs it.
	 *
	 * @param user the user name
	 * @param kept the password the profile keeps, or {@code null}
	 * @param typed when the profile keeps none: asks for it (on the run's terminal, once per server
	 *        and user in a run, however many connections carry it), or gives the one already typed;
	 *        {@code null} when it cannot be known. Asked only by a sign-in, so that a command that
	 *        never signs in, or fails before it sends anything, never asks.
	 */
	public record SignIn(String user, String kept, Supplier<String> typed) {

		/** A user whose password is {@code kept}, or unknown when it is {@code null}: nothing is asked. */
		public SignIn(String user, String kept) {
			this(user, kept, () -> null);
		}

		/** The password: the profile's, else typed now or before, else {@code null}. */
		public String password() {
			return kept != null ? kept : typed.get();
		}

		/** Never shows the password. */
		@Override
		public String toString() {
			return "SignIn[" + user + ", password " + (kept == null ? "not kept" : "***") + "]";
		}
	}

	/** The same server, certificate checks, profile and generation, with another token (and no sign-in). */
	public Connection withToken(String other) {
		return new Connection(baseUrl, other, org, skipVerify, httpDebug, null, profile, defaultHost, caCert, product);
	}

	/** The same connection, signing in as {@code user}. */
	public Connection withSignIn(SignIn user) {
		return new Connection(baseUrl, token, org, skipVerify, httpDebug, user, profile, defaultHost, caCert, product);
	}

	/** The same connection to a server of the given generation. */
	public Connection withProduct(String other) {
		return new Connection(baseUrl, token, org, skipVerify, httpDebug, signIn, profile, defaultHost, caCert, other);
	}

	/** Never shows the token. */
	@Override
	public String toString() {
		return "Connection[" + baseUrl + ", token " + (token.isEmpty() ? "none" : "set") + ", org " + org
				+ (signIn == null ? "" : ", " + signIn) + (caCert.isEmpty() ? "" : ", ca-cert " + caCert) + "]";
	}
}
