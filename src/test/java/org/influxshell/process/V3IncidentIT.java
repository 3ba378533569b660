package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.V3Stub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One incident on InfluxDB 3 Core, as separate processes: a profile that finds out its server is
 * InfluxDB 3, a leaked token found by its value piped in and deleted down the safe path, a token
 * made and taken back by {@code auth undo}, and an undo that says a deleted token cannot come back.
 */
class V3IncidentIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String NEW = "{\"token_id\":4,\"name\":\"ci-2\",\"hash\":\"" + V3Stub.CI_HASH
			+ "\",\"created_at\":\"2026-12-07T05:10:00.120\",\"permissions\":\"*:*:*\"}";

	@TempDir
	Path home;

	JarProcess console;

	@BeforeEach
	void setUp() {
		console = new JarProcess(home);
		server.resetAll();
		server.stubFor(get(urlEqualTo("/ping")).withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR))
			.willReturn(V3Stub.ping("Core")));
		rows(STARTED, "[" + V3Stub.OPERATOR_ROW + "," + V3Stub.LEAKED_ROW + "]");
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked")).inScenario("tokens")
			.whenScenarioStateIs(STARTED).willSetStateTo("leaked gone").willReturn(V3Stub.deleted()));
		rows("leaked gone", "[" + V3Stub.OPERATOR_ROW + "]");
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/named_admin")).inScenario("tokens")
			.whenScenarioStateIs("leaked gone").willSetStateTo("made").willReturn(V3Stub.created(4, "ci-2", V3Stub.CI, null)));
		rows("made", "[" + V3Stub.OPERATOR_ROW + "," + NEW + "]");
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=ci-2")).inScenario("tokens")
			.whenScenarioStateIs("made").willSetStateTo("taken back").willReturn(V3Stub.deleted()));
		rows("taken back", "[" + V3Stub.OPERATOR_ROW + "]");
	}

	private void rows(String state, String json) {
		server.stubFor(post(urlEqualTo("/api/v3/query_sql")).inScenario("tokens").whenScenarioStateIs(state)
			.withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR)).willReturn(V3Stub.rows(json)));
	}

	String host() {
		return "http://127.0.0.1:" + server.getPort();
	}

	@Test
	void aLeakedTokenFoundByValueDeletedAndACreateUndone() throws Exception {
		assertThat(console.run("", "config", "create", "-n", "core", "-u", host(), "-t", V3Stub.OPERATOR, "-a").exit())
			.isZero();
		assertThat(Files.readString(home.resolve(".influxdbv2/configs"))).contains("  product = \"v3\"\n");

		assertThat(console.run(V3Stub.LEAKED + "\n", "auth", "list", "--token-value", "-", "--hide-headers"))
			.isEqualTo(new Result(0, "2\tleaked\t7e27dfe58\t2026-11-20T14:02:45.331\t\t*:*:*\n", ""));
		assertThat(console.run(V3Stub.LEAKED + "\n", "auth", "delete", "--token-value", "-", "--force", "--hide-headers"))
			.isEqualTo(new Result(0, "2\tleaked\t7e27dfe58\t2026-11-20T14:02:45.331\t\t*:*:*\ttrue\n", ""));
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked")));

		Result made = console.run("", "auth", "create", "--name", "ci-2");
		assertThat(made.exit()).isZero();
		assertThat(made.out()).contains("Token: " + V3Stub.CI + "\n");
		Result undo = console.run("", "auth", "undo", "--force", "--hide-headers");
		assertThat(undo.exit()).isZero();
		assertThat(undo.out()).isEqualTo("4\tci-2\t\t\t\t\ttrue\n");
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=ci-2")));

		Result again = console.run("", "auth", "undo", "--force");
		assertThat(again.exit()).isEqualTo(1);
		assertThat(again.err()).contains("cannot bring back deleted token 4 (ci-2): InfluxDB 3 cannot restore a deleted "
				+ "token; make a new one with: auth create --name ci-2\n").endsWith("Error: 1 change(s) could not be put back\n");
		assertThat(Files.readString(home.resolve(".influxdbv2/influx-shell-journal.jsonl"))).doesNotContain(V3Stub.LEAKED)
			.doesNotContain(V3Stub.CI).doesNotContain(V3Stub.OPERATOR);
	}

	@Test
	void aHostRunTakesItsGenerationFromTheEnvironment() throws Exception {
		Result r = console.env("INFLUX_PRODUCT", "v3").run("", "auth", "list", "--hide-headers", "--host", host(), "-t",
				V3Stub.OPERATOR);
		assertThat(r).isEqualTo(new Result(0, "0\t_admin\tbf8b0384a\t2026-11-02T09:00:00\t\t*:*:*\n"
				+ "2\tleaked\t7e27dfe58\t2026-11-20T14:02:45.331\t\t*:*:*\n", ""));
	}
}
