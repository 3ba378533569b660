package org.influxshell.config;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.configs.Profile;
import org.influxshell.configs.Profiles;
import org.influxshell.configs.TomlCodec;
import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code config status} against a server that answers as a 2.7 server does: each kind of problem
 * in its own words, the table (latency normalised), the JSON, and only the profiles named with
 * {@code -c}. Each test's runs sign in afresh: a sign-in lasts as long as its run.
 */
class ConfigStatusTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().dynamicHttpsPort())
		.build();

	@BeforeEach
	void server() {
		server.stubFor(get("/health").willReturn(InfluxStub.health()));
		server.stubFor(get("/ping").willReturn(InfluxStub.ping()));
		server.stubFor(get("/api/v2/me").willReturn(InfluxStub.unauthorizedAccess()));
		server.stubFor(get("/api/v2/me").withHeader("Authorization", equalTo("Token good"))
			.willReturn(InfluxStub.me("0a6f1b2c3d4e4000", "alice")));
		server.stubFor(get("/api/v2/me").withHeader("Authorization", equalTo("Token old"))
			.willReturn(InfluxStub.tokenIsInactive()));
		server.stubFor(get("/api/v2/me").withHeader("Cookie", equalTo("influxdb-oss-session=sess10n"))
			.willReturn(InfluxStub.me("0a6f1b2c3d4e6000", "bob")));
		server.stubFor(post("/api/v2/signin").withHeader("Authorization", equalTo("Basic Ym9iOnMzY3JldA=="))
			.willReturn(aResponse().withStatus(204)
				.withHeader("Set-Cookie", "influxdb-oss-session=sess10n; Path=/api/; HttpOnly")));
		server.stubFor(post("/api/v2/signin").withHeader("Authorization", absent().or(equalTo("Basic Ym9iOndyb25n")))
			.willReturn(InfluxStub.json(401, "{\"code\":\"unauthorized\",\"message\":\"Unauthorized\"}")));
	}

	private String http() {
		return "http://127.0.0.1:" + server.getPort();
	}

	private void create(String line) {
		Run r = run("config create " + line);
		assertThat(r.err()).isEmpty();
		assertThat(r.exit()).isZero();
	}

	static int closedPort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	/** The latency is the one cell that varies: the last of each row. */
	static String normalised(String table) {
		return table.replaceAll("(?m)\\t\\d+ms$", "\tNms");
	}

	@Test
	void everyKindOfProblemInItsOwnWords() throws IOException {
		int closed = closedPort();
		create("-n ok -u " + http() + " -t good -a");
		create("-n down -u http://127.0.0.1:" + closed + " -t good");
		create("-n tls -u https://localhost:" + server.getHttpsPort() + " -t good");
		create("-n bad -u " + http() + " -t nope");
		create("-n old -u " + http() + " -t old");
		create("-n refused -u " + http() + " -p bob:wrong");
		create("-n pw -u " + http() + " -p bob:s3cret");
		Run r = run("config status");
		assertThat(r.exit()).isEqualTo(1);
		String h = http();
		assertThat(normalised(r.out())).isEqualTo("Active\tName\tURL\t\t\tServer\t\tUser\tCredentials\tLatency\n"
				+ "\tbad\t" + h + "\tOSS v2.7.12\t\tinvalid token\tNms\n"
				+ "\tdown\thttp://127.0.0.1:" + closed + "\tunreachable\t\tnot checked\t\n"
				+ "*\tok\t" + h + "\tOSS v2.7.12\talice\tvalid\t\tNms\n"
				+ "\told\t" + h + "\tOSS v2.7.12\t\tinactive token\tNms\n"
				+ "\tpw\t" + h + "\tOSS v2.7.12\tbob\tvalid\t\tNms\n"
				+ "\trefused\t" + h + "\tOSS v2.7.12\t\tsign-in refused\tNms\n"
				+ "\ttls\thttps://localhost:" + server.getHttpsPort() + "\tTLS error\t\tnot checked\t\n");
		assertThat(r.err().lines().toList()).containsExactly(
				"Error: config \"bad\": invalid token: GET " + h + "/api/v2/me: 401 Unauthorized: unauthorized access",
				"Error: config \"down\": unreachable: GET http://127.0.0.1:" + closed + "/health: connection refused",
				"Error: config \"old\": inactive token: GET " + h + "/api/v2/me: 401 Unauthorized: token is inactive",
				"Error: config \"refused\": sign-in refused: error creating session: error signing in, verify signin was "
						+ "not called against cloud influxdb: 401 Unauthorized: Unauthorized",
				r.err().lines().toList().get(4),
				"Error: 5 of 7 configs have problems");
		assertThat(r.err().lines().toList().get(4)).startsWith("Error: config \"tls\": TLS error: GET https://localhost:"
				+ server.getHttpsPort() + "/health: TLS certificate verification failed (");
		// /health and /ping need no credentials: the sign-in waits until the server is known to answer
		server.verify(0, getRequestedFor(urlPathEqualTo("/health")).withHeader("Cookie", equalTo("influxdb-oss-session=sess10n")));
		server.verify(2, postRequestedFor(urlPathEqualTo("/api/v2/signin")));
	}

	@Test
	void allFineIsExitZeroAndJsonSaysTheSame() {
		create("-n ok -u " + http() + " -t good -a");
		create("-n pw -u " + http() + " -p bob:s3cret");
		Run r = run("config status --json");
		assertThat(r.err()).isEmpty();
		assertThat(r.exit()).isZero();
		assertThat(r.out().replaceAll("\"latencyMs\": \\d+", "\"latencyMs\": N")).isEqualTo("""
				{
				\t"ok": {
				\t\t"active": true,
				\t\t"url": "URL",
				\t\t"reachable": true,
				\t\t"build": "OSS",
				\t\t"version": "v2.7.12",
				\t\t"user": "alice",
				\t\t"credentials": "valid",
				\t\t"latencyMs": N,
				\t\t"ok": true,
				\t\t"problem": "",
				\t\t"detail": ""
				\t},
				\t"pw": {
				\t\t"active": false,
				\t\t"url": "URL",
				\t\t"reachable": true,
				\t\t"build": "OSS",
				\t\t"version": "v2.7.12",
				\t\t"user": "bob",
				\t\t"credentials": "valid",
				\t\t"latencyMs": N,
				\t\t"ok": true,
				\t\t"problem": "",
				\t\t"detail": ""
				\t}
				}
				""".replace("URL", http()));
	}

	@Test
	void onlyTheConfigsNamedWithC() throws IOException {
		create("-n ok -u " + http() + " -t good -a");
		create("-n down -u http://127.0.0.1:" + closedPort() + " -t good");
		Run r = run("config status -c ok --hide-headers");
		assertThat(r.err()).isEmpty();
		assertThat(normalised(r.out())).isEqualTo("*\tok\t" + http() + "\tOSS v2.7.12\talice\tvalid\tNms\n");
		assertThat(run("config status -c ok -c nope")).isEqualTo(new Run(1, "", "Error: config \"nope\" is not found\n"));
	}

	@Test
	void aPasswordTheProfileDoesNotKeepIsNeitherAskedNorAProblem() {
		create("-n ask -u " + http() + " -p bob");
		Run r = run("config status --hide-headers");
		assertThat(r.exit()).isZero();
		assertThat(normalised(r.out())).isEqualTo("\task\t" + http() + "\tOSS v2.7.12\t\tnot checked (password asked at sign-in)\tNms\n");
		server.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/signin")));
	}

	@Test
	void aProfileThatSaysInfluxDb3OfAnInfluxDb2ServerIsCheckedAsItIsWithAHint() throws IOException {
		Files.createDirectories(configs.getParent());
		Files.writeString(configs, TomlCodec.write(new Profiles(List.of(
				new Profile("ok", http(), "good", "", true, false, "", "v3")))));
		Run r = run("config status --hide-headers");
		assertThat(r.exit()).isZero();
		assertThat(normalised(r.out())).isEqualTo("*\tok\t" + http() + "\tOSS v2.7.12\talice\tvalid\tNms\n");
		assertThat(r.err()).isEqualTo("Hint: the server of config \"ok\" is InfluxDB 2; keep that in the profile: "
				+ "config set -n ok --product v2\n");
	}

	@Test
	void noConfigsSaysHowToMakeOne() {
		assertThat(run("config status")).isEqualTo(new Run(0, "Active\tName\tURL\tServer\tUser\tCredentials\tLatency\n",
				"No configs to check: make one with config create -n NAME -u URL -t TOKEN\n"));
	}
}
