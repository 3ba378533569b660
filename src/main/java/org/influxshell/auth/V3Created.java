package org.influxshell.auth;

/**
 * What an InfluxDB 3 server answers when it made a token: the only time the value is shown.
 *
 * @param id the new token's ID
 * @param name its name
 * @param token its value
 * @param hash the whole SHA-512 of the value, in hex
 * @param createdAt when it was made (RFC 3339, UTC)
 * @param expiry when it expires (RFC 3339, UTC), or {@code null} for never
 */
public record V3Created(long id, String name, String token, String hash, String createdAt, String expiry) {

	/** Never shows the value. */
	@Override
	public String toString() {
		return "V3Created[" + id + ", " + name + "]";
	}
}
