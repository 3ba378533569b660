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
 * @param product the server's generation, {@code v2} or {@code v3} (a key upstream ignores), empty when not known
 */
public record Profile(String name, String url, String token, String org, boolean active, boolean previous,
		String cookie, String product) {

	public Profile {
		token = token == null ? "" : token;
		org = org == null ? "" : org;
		cookie = cookie == null ? "" : cookie;
		product = product == null ? "" : product;
	}

	/** A profile whose server's generation is not known. */
	public Profile(String name, String url, String token, String org, boolean active, boolean previous, String cookie) {
		this(name, url, token, org, active, previous, cookie, "");
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
				+ (product.isEmpty() ? "" : ", " + product) + "]";
	}

	public Profile withActive(boolean value) {
		return new Profile(name, url, token, org, value, previous, cookie, product);
	}

	public Profile withPrevious(boolean value) {
		return new Profile(name, url, token, org, active, value, cookie, product);
	}

	/** The same profile, its server's generation set. */
	public Profile withProduct(String value) {
		return new Profile(name, url, token, org, active, previous, cookie, value);
	}
}
