package org.influxshell.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.influxshell.cli.CliException;
import org.influxshell.connection.Connection;
import org.influxshell.http.TransportException;
import org.junit.jupiter.api.Test;

/**
 * The one rule for a change whose answer was lost after it was sent, for both kinds of token: a
 * re-read that fails in any way (not only an error answer or a transport failure, but also, say,
 * a CA file that cannot be read any more) leaves the outcome unknown, said with the change's own
 * words in front.
 */
class ReadAgainTest {

	static final Connection CONN = new Connection("http://h", "tok", "", false, false);

	static final String ID = "0a6f1b2c3d4e5000";

	static final CliException UNREADABLE = CliException.failure("the CA file /x/ca.pem is not PEM");

	static TransportException lost(String request) {
		return new TransportException(request + ": connection reset by peer", null, true);
	}

	@Test
	void aV3DeleteWhoseReReadFailsInAnyWayIsUnknown() {
		V3Client client = new V3Client(null) {

			@Override
			public void delete(Connection conn, String name) {
				throw lost("DELETE http://h/api/v3/configure/token?token_name=" + name);
			}

			@Override
			public List<V3Token> list(Connection conn) {
				throw UNREADABLE;
			}
		};
		Authorization before = new V3Token(3, "ci", "", "", "", "", "", "*:*:*").asAuthorization();
		assertThatThrownBy(() -> new V3Tokens(client).delete(CONN, "3", before))
			.hasMessage("could not delete token \"ci\" (ID 3): DELETE http://h/api/v3/configure/token?token_name=ci: "
					+ "connection reset by peer; whether it was done is unknown: reading it again failed: "
					+ "the CA file /x/ca.pem is not PEM");
	}

	@Test
	void aV2DeleteOrStatusChangeWhoseReReadFailsInAnyWayIsUnknown() {
		AuthorizationsClient client = new AuthorizationsClient() {

			@Override
			public List<Authorization> list(Connection conn, ListFilter filter) {
				throw UNREADABLE;
			}

			@Override
			public Authorization get(Connection conn, String id) {
				throw UNREADABLE;
			}

			@Override
			public Authorization setStatus(Connection conn, String id, Status status) {
				throw lost("PATCH http://h/api/v2/authorizations/" + id);
			}

			@Override
			public Authorization create(Connection conn, CreateRequest request) {
				throw UNREADABLE;
			}

			@Override
			public void delete(Connection conn, String id) {
				throw lost("DELETE http://h/api/v2/authorizations/" + id);
			}
		};
		Authorization before = new V3Token(3, "ci", "", "", "", "", "", "").asAuthorization();
		TokenService service = new TokenService(client);
		assertThatThrownBy(() -> service.delete(CONN, ID, before))
			.hasMessage("could not remove auth with ID \"" + ID + "\": DELETE http://h/api/v2/authorizations/" + ID
					+ ": connection reset by peer; whether it was done is unknown: reading it again failed: "
					+ "the CA file /x/ca.pem is not PEM");
		assertThatThrownBy(() -> service.setStatus(CONN, ID, before, AuthorizationsClient.Status.INACTIVE))
			.hasMessage("could not update status of auth with ID \"" + ID + "\": PATCH http://h/api/v2/authorizations/"
					+ ID + ": connection reset by peer; whether it was done is unknown: reading it again failed: "
					+ "the CA file /x/ca.pem is not PEM");
	}

	@Test
	void onlyAnAnswerLostAfterSendingIsReadAgain() {
		assertThat(TransportException.lostAfterSending(new CliException("x", 1, lost("GET u")))).isNotNull();
		assertThat(TransportException.lostAfterSending(lost("GET u"))).isNotNull();
		assertThat(TransportException.lostAfterSending(new CliException("x", 1,
				new TransportException("GET u: connection refused", null, false)))).isNull();
		assertThat(TransportException.lostAfterSending(UNREADABLE)).isNull();
		Thread.currentThread().interrupt();
		try {
			assertThat(TransportException.lostAfterSending(new CliException("x", 1, lost("GET u")))).isNull();
		}
		finally {
			Thread.interrupted();
		}
	}
}
