package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.error;
import static org.influxshell.support.InfluxStub.ok;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A change whose answer is lost (the connection reset) after the request may have reached the
 * server: the token is read again and what the server has is what is reported. An answer that
 * never comes is the same case: {@code org.influxshell.hardening.ResponseTimeoutTest}.
 */
class LostAnswersTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ID = "0a6f1b2c3d4e5000";

	static final String PATH = "/api/v2/authorizations/" + ID;

	Run auth(String args) {
		return run("auth " + args + " --host http://localhost:" + server.getPort() + " -t tok");
	}

	String patchUrl() {
		return "PATCH http://localhost:" + server.getPort() + PATH;
	}

	/** The token is active until the change arrives; the change is applied, and its answer is lost. */
	void appliedButLost(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder lost) {
		server.stubFor(get(PATH).inScenario("t").whenScenarioStateIs(STARTED)
			.willReturn(ok(InfluxStub.alice("active", ""))));
		server.stubFor(patch(urlEqualTo(PATH)).inScenario("t").willSetStateTo("applied").willReturn(lost));
		server.stubFor(get(PATH).inScenario("t").whenScenarioStateIs("applied")
			.willReturn(ok(InfluxStub.alice("inactive", ""))));
	}

	@Test
	void aResetAfterTheChangeWasAppliedIsReportedAsDone() {
		appliedButLost(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		Run r = auth("inactive --id " + ID + " --json");
		assertThat(r.err()).isEmpty();
		assertThat(r.exit()).isZero();
		assertThat(r.out()).contains("\t\"status\": \"inactive\",\n");
		server.verify(2, getRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void aLostChangeTheServerDidNotMakeSaysWhatTheServerHas() {
		server.stubFor(get(PATH).willReturn(ok(InfluxStub.alice("active", ""))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThat(auth("inactive --id " + ID)).isEqualTo(new Run(1, "", "Error: could not update status of auth with ID \""
				+ ID + "\": " + patchUrl() + ": connection reset by peer; read again, the server has it active\n"));
	}

	@Test
	void whenTheTokenCannotBeReadEitherTheOutcomeIsUnknown() {
		server.stubFor(get(PATH).inScenario("t").whenScenarioStateIs(STARTED)
			.willReturn(ok(InfluxStub.alice("active", ""))));
		server.stubFor(patch(urlEqualTo(PATH)).inScenario("t").willSetStateTo("down")
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		server.stubFor(get(PATH).inScenario("t").whenScenarioStateIs("down")
			.willReturn(error(503, "unavailable", "service unavailable")));
		assertThat(auth("inactive --id " + ID).err()).isEqualTo("Error: could not update status of auth with ID \"" + ID
				+ "\": " + patchUrl() + ": connection reset by peer; whether it was done is unknown: reading it again "
				+ "failed: 503 Service Unavailable: service unavailable\n");
	}

	@Test
	void aLostDeleteIsDoneWhenTheTokenIsGoneAndFailsWhenItIsStillThere() {
		server.stubFor(get(PATH).inScenario("t").whenScenarioStateIs(STARTED)
			.willReturn(ok(InfluxStub.alice("active", ""))));
		server.stubFor(delete(PATH).inScenario("t").willSetStateTo("gone")
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		server.stubFor(get(PATH).inScenario("t").whenScenarioStateIs("gone")
			.willReturn(error(404, "not found", "authorization not found")));
		Run gone = auth("delete --id " + ID + " --hide-headers");
		assertThat(gone.err()).isEmpty();
		assertThat(gone.out()).startsWith(ID + "\talice's Token\t").endsWith("\ttrue\n");

		server.resetAll();
		server.stubFor(get(PATH).willReturn(ok(InfluxStub.alice("active", ""))));
		server.stubFor(delete(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThat(auth("delete --id " + ID)).isEqualTo(new Run(1, "", "Error: could not remove auth with ID \"" + ID
				+ "\": DELETE http://localhost:" + server.getPort() + PATH
				+ ": connection reset by peer; read again, the server still has it\n"));
	}

	@Test
	void aRefusedConnectionIsNotReadBack() {
		Run r = run("auth inactive --id " + ID + " --host http://127.0.0.1:1 -t tok");
		assertThat(r).isEqualTo(new Run(1, "", "Error: could not find auth with ID \"" + ID
				+ "\": GET http://127.0.0.1:1" + PATH + ": connection refused\n"));
	}
}
