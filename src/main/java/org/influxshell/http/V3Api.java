package org.influxshell.http;

import org.influxshell.cli.Digests;

/**
 * What every InfluxDB 3 Core and Enterprise server has in common on the wire, in one place for
 * the token commands and {@code config status}: the paths of its token API and of its SQL
 * endpoint, the queries of its {@code system.tokens} table, and the hash that table shows of a
 * token (the first nine hex characters of the SHA-512 of the value: the server never shows a
 * value again).
 */
public final class V3Api {

	/** Where the server answers SQL: {@code system.tokens} is read through it. */
	public static final String QUERY_SQL = "/api/v3/query_sql";

	/**
	 * The token endpoints' root: {@code DELETE ?token_name=NAME} deletes a token; on a server
	 * started without authentication every request under it is {@code 405}.
	 */
	public static final String TOKEN = "/api/v3/configure/token";

	/** Makes a named admin token. */
	public static final String NAMED_ADMIN_TOKEN = TOKEN + "/named_admin";

	/** Makes a resource token (Enterprise). */
	public static final String RESOURCE_TOKEN = "/api/v3/enterprise/configure/token";

	/** Gives the operator token {@code _admin} a new value. */
	public static final String REGENERATE_OPERATOR = TOKEN + "/admin/regenerate";

	/** How many hex characters of the SHA-512 of a token {@code system.tokens} shows as {@code hash}. */
	public static final int SHOWN_HASH_LENGTH = 9;

	private V3Api() {
	}

	/** The first nine hex characters of the SHA-512 of {@code value}, as {@code system.tokens} shows them. */
	public static String shownHash(String value) {
		return Digests.sha512(value).substring(0, SHOWN_HASH_LENGTH);
	}

	/**
	 * The body of {@code POST} {@link #QUERY_SQL} that reads these columns of every row of
	 * {@code system.tokens} (in the {@code _internal} database) as JSON.
	 * @param columns {@code *} or column names separated by commas
	 */
	public static String tokensQuery(String columns) {
		return queryBody("SELECT " + columns + " FROM system.tokens");
	}

	/**
	 * {@link #tokensQuery(String)} for the rows whose shown hash is {@code shownHash}.
	 * @param shownHash from {@link #shownHash}: hex digits only, so nothing in it is SQL
	 */
	public static String tokensQuery(String columns, String shownHash) {
		if (!shownHash.matches("[0-9a-fA-F]{" + SHOWN_HASH_LENGTH + "}")) {
			throw new IllegalArgumentException("not a shown hash: " + shownHash.length() + " characters");
		}
		return queryBody("SELECT " + columns + " FROM system.tokens WHERE hash = '" + shownHash + "'");
	}

	private static String queryBody(String sql) {
		return "{\"db\":\"_internal\",\"q\":\"" + sql + "\",\"format\":\"json\"}";
	}
}
