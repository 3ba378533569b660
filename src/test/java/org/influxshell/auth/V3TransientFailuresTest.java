package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.V3Stub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * InfluxDB 3 gets InfluxDB 2's handling of passing failures where it is safe: the list (a
 * read-only query) and a delete are sent again after {@code 429} or {@code 503}, a creation never;
 * a delete whose answer was lost after it was sent is read again in {@code system.tokens}, and the
 * token gone is a delete done.
 */
class V3TransientFailuresTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String QUERY = "/api/v3/query_sql";

	static final String DELETE_LEAKED = "/api/v3/configure/token?token_name=leaked";

	static final String BOTH = "[" + V3Stub.OPERATOR_ROW + "," + V3Stub.LEAKED_ROW + "]";

	static final String DELETED_TABLE = "ID\tName\tHash\t\tCreated\t\t\tExpiry\tPermissions\tDeleted\n"
			+ "2\tleaked\t7e27dfe58\t2026-11-20T14:02:45.331\t\t*:*:*\t\ttrue\n";

	@BeforeEach
	void reset() {
		server.resetAll();
	}

	Run auth(String args) {
		return run("auth " + args + " --host http://localhost:" + server.getPort() + " -t " + V3Stub.OPERATOR
				+ " --product v3");
	}

	/** A gateway's refusal for now: come back at once. */
	static ResponseDefinitionBuilder busy(int status) {
		return aResponse().withStatus(status).withHeader("Retry-After", "0").withBody("busy, try again");
	}

	@Test
	void theListIsAskedAgainAfter503And429() {
		server.stubFor(post(urlEqualTo(QUERY)).inScenario("s").whenScenarioStateIs(STARTED).willSetStateTo("once")
			.willReturn(busy(503)));
		server.stubFor(post(urlEqualTo(QUERY)).inScenario("s").whenScenarioStateIs("once").willSetStateTo("twice")
			.willReturn(busy(429)));
		server.stubFor(post(urlEqualTo(QUERY)).inScenario("s").whenScenarioStateIs("twice")
			.willReturn(V3Stub.rows("[" + V3Stub.OPERATOR_ROW + "]")));
		assertThat(auth("list --hide-headers")).isEqualTo(new Run(0,
				"0\t_admin\t" + V3Stub.OPERATOR_HASH + "\t2026-11-02T09:00:00\t\t*:*:*\n", ""));
		server.verify(3, postRequestedFor(urlEqualTo(QUERY)));
	}

	@Test
	void aCreationIsNeverSentTwice() {
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/named_admin")).willReturn(busy(503)));
		assertThat(auth("create --name ci")).isEqualTo(new Run(1, "",
				"Error: could not create token \"ci\": 503 Service Unavailable: busy, try again\n"));
		server.verify(1, postRequestedFor(urlEqualTo("/api/v3/configure/token/named_admin")));
	}

	@Test
	void aDeleteIsSentAgainAfter503AndA404ThenMeansAnEarlierOneGotThrough() {
		server.stubFor(post(urlEqualTo(QUERY)).willReturn(V3Stub.rows(BOTH)));
		server.stubFor(delete(urlEqualTo(DELETE_LEAKED)).inScenario("d").whenScenarioStateIs(STARTED)
			.willSetStateTo("through").willReturn(busy(503)));
		server.stubFor(delete(urlEqualTo(DELETE_LEAKED)).inScenario("d").whenScenarioStateIs("through")
			.willReturn(V3Stub.text(404, "the requested resource was not found: leaked")));
		assertThat(auth("delete --name leaked --force")).isEqualTo(new Run(0, DELETED_TABLE, ""));
		server.verify(2, deleteRequestedFor(urlEqualTo(DELETE_LEAKED)));
	}

	/** The list answers {@code before} until the delete arrives, then {@code after}. */
	void lostDelete(String after) {
		server.stubFor(post(urlEqualTo(QUERY)).inScenario("t").whenScenarioStateIs(STARTED).willReturn(V3Stub.rows(BOTH)));
		server.stubFor(delete(urlEqualTo(DELETE_LEAKED)).inScenario("t").willSetStateTo("sent")
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		server.stubFor(post(urlEqualTo(QUERY)).inScenario("t").whenScenarioStateIs("sent").willReturn(V3Stub.rows(after)));
	}

	@Test
	void aLostDeleteIsDoneWhenSystemTokensNoLongerHasTheToken() {
		lostDelete("[" + V3Stub.OPERATOR_ROW + "]");
		Run r = auth("delete --name leaked --force");
		assertThat(r).isEqualTo(new Run(0, DELETED_TABLE, ""));
		server.verify(2, postRequestedFor(urlEqualTo(QUERY)));
	}

	@Test
	void aLostDeleteOfATokenStillListedFails() {
		lostDelete(BOTH);
		assertThat(auth("delete --name leaked --force")).isEqualTo(new Run(1, "", "Error: could not delete token "
				+ "\"leaked\" (ID 2): DELETE http://localhost:" + server.getPort() + DELETE_LEAKED
				+ ": connection reset by peer; read again, the server still has it\n"));
	}

	@Test
	void whenSystemTokensCannotBeReadEitherTheOutcomeIsUnknown() {
		server.stubFor(post(urlEqualTo(QUERY)).inScenario("t").whenScenarioStateIs(STARTED).willReturn(V3Stub.rows(BOTH)));
		server.stubFor(delete(urlEqualTo(DELETE_LEAKED)).inScenario("t").willSetStateTo("sent")
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		server.stubFor(post(urlEqualTo(QUERY)).inScenario("t").whenScenarioStateIs("sent")
			.willReturn(V3Stub.text(500, "Schema error: No field named hash")));
		assertThat(auth("delete --name leaked --force")).isEqualTo(new Run(1, "", "Error: could not delete token "
				+ "\"leaked\" (ID 2): DELETE http://localhost:" + server.getPort() + DELETE_LEAKED
				+ ": connection reset by peer; whether it was done is unknown: reading it again failed: "
				+ "500 Internal Server Error: Schema error: No field named hash\n"));
	}
}
