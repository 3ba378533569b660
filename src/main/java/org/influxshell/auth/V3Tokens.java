package org.influxshell.auth;

import java.util.List;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.cli.CliException;
import org.influxshell.connection.Connection;
import org.influxshell.http.ApiCalls;
import org.influxshell.http.ApiErrors;
import org.influxshell.http.InfluxApiException;
import org.influxshell.http.TransportException;

/**
 * InfluxDB 3 tokens as the {@link ChangePath} changes them: read by ID from {@code system.tokens},
 * deleted by name. They have no status: a token is there until it is deleted, and a deleted token
 * cannot come back (its secret is gone). The operator token {@code _admin} is never deleted. A
 * delete whose answer was lost after it was sent (a reset, a timeout) is read again: the token
 * gone from {@code system.tokens} is a delete done.
 */
public class V3Tokens implements Credentials {

	/** The kind the journal records for InfluxDB 3 tokens. */
	public static final String KIND = "v3";

	/** Said when a status change is asked of an InfluxDB 3 server. */
	static final String NO_STATUS = "InfluxDB 3 cannot deactivate a token: replace it with auth rotate, or delete it "
			+ "with auth delete (a deleted token cannot be brought back)";

	/** Said when the operator token would be deleted. */
	static final String OPERATOR_REFUSED = "the operator token \"_admin\" cannot be deleted: InfluxDB 3 refuses to, "
			+ "the server needs it; regenerate it to replace its value";

	private final V3Client client;

	public V3Tokens(V3Client client) {
		this.client = client;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String plural() {
		return "tokens";
	}

	/** Reads the token with this ID; one that is not there fails as a 404 would (the server has no get by ID). */
	@Override
	public Authorization get(Connection conn, String rawId) {
		return find(conn, rawId).asAuthorization();
	}

	/** The token with this ID, as {@code system.tokens} has it now. */
	V3Token find(Connection conn, String rawId) {
		String what = "could not find token with ID \"" + rawId + "\"";
		long id = checkId(rawId);
		return ApiCalls.describing(what, () -> client.list(conn).stream().filter(t -> t.id() == id).findFirst()
			.orElseThrow(() -> new InfluxApiException(404, ApiErrors.statusLine(404), "", "no such token in system.tokens")));
	}

	/** A token ID is a number: the server counts them from 0. */
	static long checkId(String rawId) {
		try {
			return Long.parseUnsignedLong(rawId);
		}
		catch (NumberFormatException ex) {
			throw CliException.usage("invalid token ID \"" + rawId + "\": an InfluxDB 3 token ID is a number");
		}
	}

	@Override
	public Authorization setStatus(Connection conn, String rawId, Authorization before, Status status) {
		throw CliException.usage(NO_STATUS);
	}

	@Override
	public Authorization delete(Connection conn, String rawId, Authorization before) {
		String name = before.description();
		if (V3Token.OPERATOR.equals(name)) {
			throw CliException.usage(OPERATOR_REFUSED);
		}
		try {
			ApiCalls.describing("could not delete token \"" + name + "\" (ID " + rawId + ")", () -> client.delete(conn, name));
		}
		catch (CliException ex) {
			if (TransportException.lostAfterSending(ex) == null) {
				throw ex;
			}
			// the answer was lost after the request went out: system.tokens says whether the token is gone
			List<V3Token> now = ReadAgain.reading(ex, () -> client.list(conn));
			long id = checkId(rawId);
			if (now.stream().anyMatch(t -> t.id() == id && t.name().equals(name))) {
				throw ReadAgain.notDone(ex, "the server still has it");
			}
		}
		return before;
	}
}
