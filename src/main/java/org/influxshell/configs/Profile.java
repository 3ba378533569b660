package org.influxshell.configs;

/**
 * One connection profile of the configs file.
 *
 * @param name the table name
 * @param url the server URL as stored
 * @param token the API token, empty when none
 * @param org the default organisation name, empty when none
 * @param active whether this is the active profile
 * @param previous whether this was the active profile before the last switch
 * @param cookie a session cookie ({@code -p user:pass}), empty when none
 * @param skipVerify accept any TLS certificate and host name for this profile's server ({@code skip-verify = true})
 * @param caCert a PEM file of CA certificates trusted for this profile's server in addition to the
 *        system's ({@code ca-cert = "PATH"}), empty when none
 * @param product the server's generation, {@code v2} or {@code v3} (a key upstream ignores), empty when not known
 */
public record Profile(String name, String url, String token, String org, boolean active, boolean previous,
		String cookie, boolean skipVerify, String caCert, String product) {

	public Profile {
		token = token == null ? "" : token;
		org = org == null ? "" : org;
		cookie = cookie == null ? "" : cookie;
		caCert = caCert == null ? "" : caCert;
		product = product == null ? "" : product;
	}

	/** A profile with the system's certificate checks and no known generation: the keys upstream writes. */
	public Profile(String name, String url, String token, String org, boolean active, boolean previous, String cookie) {
		this(name, url, token, org, active, previous, cookie, false, "", "");
	}

	/** A profile with certificate checks of its own, and no known generation. */
	public Profile(String name, String url, String token, String org, boolean active, boolean previous, String cookie,
			boolean skipVerify, String caCert) {
		this(name, url, token, org, active, previous, cookie, skipVerify, caCert, "");
	}

	/** A profile whose server's generation is known, with the system's certificate checks. */
	public Profile(String name, String url, String token, String org, boolean active, boolean previous, String cookie,
			String product) {
		this(name, url, token, org, active, previous, cookie, false, "", product);
	}

	/** The built-in profile used when the configs file has none. */
	public static Profile builtInDefault() {
		return new Profile("default", "http://localhost:8086", "", "", true, false, "");
	}

	/** Never shows the token or the cookie. */
	@Override
	public String toString() {
		return "Profile[" + name + ", " + url + ", token " + (token.isEmpty() ? "none" : "***") + ", org " + org
				+ (active ? ", active" : "") + (previous ? ", previous" : "") + (cookie.isEmpty() ? "" : ", cookie ***")
				+ (skipVerify ? ", skip-verify" : "") + (caCert.isEmpty() ? "" : ", ca-cert " + caCert)
				+ (product.isEmpty() ? "" : ", " + product) + "]";
	}

	public Profile withActive(boolean value) {
		return new Profile(name, url, token, org, value, previous, cookie, skipVerify, caCert, product);
	}

	public Profile withPrevious(boolean value) {
		return new Profile(name, url, token, org, active, value, cookie, skipVerify, caCert, product);
	}

	/** This profile with another token; everything else (its certificate checks and generation too) kept. */
	public Profile withToken(String value) {
		return new Profile(name, url, value, org, active, previous, cookie, skipVerify, caCert, product);
	}

	/** This profile with other certificate checks: {@code skip-verify} and {@code ca-cert} (empty for none). */
	public Profile withTls(boolean skip, String ca) {
		return new Profile(name, url, token, org, active, previous, cookie, skip, ca, product);
	}

	/** The same profile, its server's generation set. */
	public Profile withProduct(String value) {
		return new Profile(name, url, token, org, active, previous, cookie, skipVerify, caCert, value);
	}
}
