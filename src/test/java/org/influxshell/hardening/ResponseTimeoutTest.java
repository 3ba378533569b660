package org.influxshell.hardening;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.noAnswer;
import static org.influxshell.support.InfluxStub.ok;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.V3Stub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.TestPropertySource;

/**
 * {@code influx.response-timeout}, short here, against a server that never answers the request
 * under test (the other requests are answered at once): the command fails with one line naming
 * the limit, and a change whose answer never came is read back before anything is reported (on
 * InfluxDB 3 too, where a delete is read back in {@code system.tokens}).
 */
@TestPropertySource(properties = "influx.response-timeout=2s")
class ResponseTimeoutTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ID = "0a6f1b2c3d4e5000";

	static final String PATH = "/api/v2/authorizations/" + ID;

	String host() {
		return "http://localhost:" + server.getPort();
	}

	Run auth(String args) {
		return run("auth " + args + " --host " + host() + " -t secretToken");
	}

	/**
	 * The client is made and connected before a test: the short limit then applies only to
	 * requests on a warm client, which the stub answers in milliseconds, and to the one it never answers.
	 */
	@BeforeEach
	void warmClient() {
		run("auth list --host " + host() + " -t warm");
		server.resetAll();
	}

	@Test
	void aReadWithoutAnswerFailsAtTheLimit() {
		server.stubFor(get(PATH).willReturn(noAnswer()));
		Run r = auth("inactive --id " + ID);
		assertThat(r).isEqualTo(new Run(1, "", "Error: could not find auth with ID \"" + ID + "\": GET " + host() + PATH
				+ ": no response within 2s\n"));
	}

	@Test
	void aChangeWithoutAnswerIsReadBackAndNothingIsReportedAsDone() {
		server.stubFor(get(PATH).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(noAnswer()));
		Run r = auth("inactive --id " + ID);
		assertThat(r).isEqualTo(new Run(1, "", "Error: could not update status of auth with ID \"" + ID + "\": PATCH "
				+ host() + PATH + ": no response within 2s; read again, the server has it active\n"));
	}

	@Test
	void aChangeTheServerMadeButNeverAnsweredIsReportedAsDone() {
		server.stubFor(get(PATH).inScenario("t").whenScenarioStateIs(STARTED).willReturn(ok(alice("active", ""))));
		server.stubFor(patch(urlEqualTo(PATH)).inScenario("t").willSetStateTo("applied").willReturn(noAnswer()));
		server.stubFor(get(PATH).inScenario("t").whenScenarioStateIs("applied").willReturn(ok(alice("inactive", ""))));
		Run r = auth("inactive --id " + ID + " --json");
		assertThat(r.err()).isEmpty();
		assertThat(r.exit()).isZero();
		assertThat(r.out()).contains("\t\"status\": \"inactive\",\n");
	}

	@Test
	void anInfluxDb3DeleteTheServerMadeButNeverAnsweredIsReportedAsDone() {
		String leaked = V3Stub.LEAKED_ROW;
		server.stubFor(post(urlEqualTo("/api/v3/query_sql")).inScenario("t").whenScenarioStateIs(STARTED)
			.willReturn(V3Stub.rows("[" + leaked + "]")));
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked")).inScenario("t")
			.willSetStateTo("gone").willReturn(noAnswer()));
		server.stubFor(post(urlEqualTo("/api/v3/query_sql")).inScenario("t").whenScenarioStateIs("gone")
			.willReturn(V3Stub.rows("[]")));
		Run r = run("auth delete --name leaked --force --hide-headers --host " + host() + " -t " + V3Stub.OPERATOR
				+ " --product v3");
		assertThat(r).isEqualTo(new Run(0, "2\tleaked\t" + V3Stub.LEAKED_HASH + "\t2026-11-20T14:02:45.331\t\t*:*:*\ttrue\n",
				""));
	}
}
