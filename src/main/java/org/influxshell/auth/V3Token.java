package org.influxshell.auth;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.influxshell.http.V3Api;

/**
 * A token of an InfluxDB 3 server, as a row of its {@code system.tokens} table. The server never
 * shows a token's value again; it keeps the SHA-512 of it and shows the first nine hex characters
 * as {@code hash}. Timestamps are as the server writes them: UTC without a zone,
 * {@code 2025-04-18T14:05:10} or with milliseconds.
 *
 * @param id {@code token_id}
 * @param name the token's name, unique on the server; {@code _admin} is the operator token
 * @param hash the first nine hex characters of the SHA-512 of the value, empty when the server shows none
 * @param createdAt {@code created_at}
 * @param description {@code description}, empty when null (always on Core)
 * @param updatedAt {@code updated_at}, empty when null
 * @param expiry {@code expiry}, empty when the token never expires
 * @param permissions {@code permissions} as display text: {@code *:*:*} for an admin token
 */
public record V3Token(long id, String name, String hash, String createdAt, String description, String updatedAt,
		String expiry, String permissions) {

	/** The name of the operator token: the server never deletes it. */
	public static final String OPERATOR = "_admin";

	public V3Token {
		name = Authorization.orEmpty(name);
		hash = Authorization.orEmpty(hash);
		createdAt = Authorization.orEmpty(createdAt);
		description = Authorization.orEmpty(description);
		updatedAt = Authorization.orEmpty(updatedAt);
		expiry = Authorization.orEmpty(expiry);
		permissions = Authorization.orEmpty(permissions);
	}

	/** Whether this is the operator token. */
	public boolean isOperator() {
		return OPERATOR.equals(name);
	}

	/** Whether the token had expired at {@code now}; a token without expiry never does. */
	public boolean expiredAt(Instant now) {
		if (expiry.isEmpty()) {
			return false;
		}
		try {
			return !LocalDateTime.parse(expiry).toInstant(ZoneOffset.UTC).isAfter(now);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** Whether this row is the token with {@code value}: its shown hash is that of the value. */
	public boolean hasValue(String value) {
		return !hash.isEmpty() && !value.isEmpty() && hash.equalsIgnoreCase(V3Api.shownHash(value));
	}

	/**
	 * The token as the one change path and the journal see a credential: the ID, the name in the
	 * description, no value, always {@code active} (InfluxDB 3 has no status).
	 */
	public Authorization asAuthorization() {
		return new Authorization(String.valueOf(id), "", "active", name, "", "", "", "", List.of());
	}

	/** Never shows more than the server does. */
	@Override
	public String toString() {
		return "V3Token[" + id + ", " + name + "]";
	}
}
