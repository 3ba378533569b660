package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.configs.Profile;
import org.influxshell.configs.Profiles;
import org.influxshell.configs.TomlCodec;
import org.influxshell.support.InfluxStub;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Poll;
import org.influxshell.support.V3Stub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config status} through the packaged launcher, one profile per kind of problem: each is
 * said in its own words on stderr, the table is on stdout, and the exit code is 1; a fixed case
 * prints the exact table (the latency, the one cell that varies, normalised here only).
 */
class ConfigStatusIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().dynamicHttpsPort())
		.build();

	/** A server that takes every request and never answers. */
	@RegisterExtension
	static WireMockExtension silent = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	/** An InfluxDB 3 Core server: its /health and /ping need a token it takes. */
	@RegisterExtension
	static WireMockExtension core = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	static final Duration LIMIT = Duration.ofSeconds(60);

	@TempDir
	Path home;

	JarProcess console;

	@BeforeEach
	void setUp() {
		console = new JarProcess(home);
		server.stubFor(get("/health").willReturn(InfluxStub.health()));
		server.stubFor(get("/ping").willReturn(InfluxStub.ping()));
		server.stubFor(get("/api/v2/me").willReturn(InfluxStub.unauthorizedAccess()));
		server.stubFor(get("/api/v2/me").withHeader("Authorization", equalTo("Token good"))
			.willReturn(InfluxStub.me("0a6f1b2c3d4e4000", "alice")));
		server.stubFor(get("/api/v2/me").withHeader("Authorization", equalTo("Token old"))
			.willReturn(InfluxStub.tokenIsInactive()));
		server.stubFor(get("/api/v2/me").withHeader("Cookie", equalTo("influxdb-oss-session=s"))
			.willReturn(InfluxStub.me("0a6f1b2c3d4e6000", "bob")));
		server.stubFor(post("/api/v2/signin").withHeader("Authorization", absent().or(equalTo("Basic Ym9iOndyb25n")))
			.willReturn(InfluxStub.json(401, "{\"code\":\"unauthorized\",\"message\":\"Unauthorized\"}")));
		server.stubFor(post("/api/v2/signin").withHeader("Authorization", equalTo("Basic Ym9iOnMzY3JldA=="))
			.willReturn(aResponse().withStatus(204).withHeader("Set-Cookie", "influxdb-oss-session=s; Path=/api/; HttpOnly")));
	}

	String http() {
		return "http://127.0.0.1:" + server.getPort();
	}

	void configs(Profile... profiles) throws IOException {
		Path file = home.resolve(".influxdbv2/configs");
		Files.createDirectories(file.getParent());
		Files.writeString(file, TomlCodec.write(new Profiles(List.of(profiles))));
	}

	static Profile token(String name, String url, String token) {
		return new Profile(name, url, token, "my-org", false, false, "");
	}

	static Profile password(String name, String url, String userPass) {
		return new Profile(name, url, "", "", false, false,
				Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8)));
	}

	static String normalised(String table) {
		return table.replaceAll("(?m)\\t\\d+ms$", "\tNms");
	}

	@Test
	void eachProblemInItsOwnWordsAndExitOne() throws Exception {
		int closed;
		try (ServerSocket s = new ServerSocket(0)) {
			closed = s.getLocalPort();
		}
		String tls = "https://localhost:" + server.getHttpsPort();
		configs(token("ok", http(), "good").withActive(true), token("unreachable", "http://127.0.0.1:" + closed, "good"),
				token("tls", tls, "good"), token("invalid", http(), "nope"), token("inactive", http(), "old"),
				password("refused", http(), "bob:wrong"));
		Result r = console.run(null, "config", "status");
		String h = http();
		assertThat(r.exit()).isEqualTo(1);
		assertThat(normalised(r.out())).isEqualTo("Active\tName\t\tURL\t\t\tServer\t\tUser\tCredentials\tLatency\n"
				+ "\tinactive\t" + h + "\tOSS v2.7.12\t\tinactive token\tNms\n"
				+ "\tinvalid\t\t" + h + "\tOSS v2.7.12\t\tinvalid token\tNms\n"
				+ "*\tok\t\t" + h + "\tOSS v2.7.12\talice\tvalid\t\tNms\n"
				+ "\trefused\t\t" + h + "\tOSS v2.7.12\t\tsign-in refused\tNms\n"
				+ "\ttls\t\t" + tls + "\tTLS error\t\tnot checked\t\n"
				+ "\tunreachable\thttp://127.0.0.1:" + closed + "\tunreachable\t\tnot checked\t\n");
		List<String> err = r.err().lines().toList();
		assertThat(err).hasSize(6);
		assertThat(err.get(0)).isEqualTo("Error: config \"inactive\": inactive token: GET " + h
				+ "/api/v2/me: 401 Unauthorized: token is inactive");
		assertThat(err.get(1)).isEqualTo("Error: config \"invalid\": invalid token: GET " + h
				+ "/api/v2/me: 401 Unauthorized: unauthorized access");
		assertThat(err.get(2)).isEqualTo("Error: config \"refused\": sign-in refused: error creating session: error "
				+ "signing in, verify signin was not called against cloud influxdb: 401 Unauthorized: Unauthorized");
		assertThat(err.get(3)).startsWith("Error: config \"tls\": TLS error: GET " + tls
				+ "/health: TLS certificate verification failed (").endsWith("; use --skip-verify to accept an untrusted certificate");
		assertThat(err.get(4)).isEqualTo("Error: config \"unreachable\": unreachable: GET http://127.0.0.1:" + closed
				+ "/health: connection refused");
		assertThat(err.get(5)).isEqualTo("Error: 5 of 6 configs have problems");
	}

	@Test
	void aFixedCaseExactlyAndAllFineIsExitZero() throws Exception {
		configs(token("ok", http(), "good").withActive(true), password("pw", http(), "bob:s3cret"));
		Result r = console.run(null, "config", "status");
		assertThat(r.err()).isEmpty();
		assertThat(r.exit()).isZero();
		assertThat(normalised(r.out())).isEqualTo("Active\tName\tURL\t\t\tServer\t\tUser\tCredentials\tLatency\n"
				+ "*\tok\t" + http() + "\tOSS v2.7.12\talice\tvalid\t\tNms\n"
				+ "\tpw\t" + http() + "\tOSS v2.7.12\tbob\tvalid\t\tNms\n");
	}

	@Test
	void anInfluxDb3ServerSaysItsBuildAndWhetherItTakesTheToken() throws Exception {
		core.stubFor(any(anyUrl()).atPriority(10).willReturn(V3Stub.notAuthenticated()));
		String operator = "Token " + V3Stub.OPERATOR;
		core.stubFor(get("/health").withHeader("Authorization", equalTo(operator)).willReturn(V3Stub.health()));
		core.stubFor(get("/ping").withHeader("Authorization", equalTo(operator)).willReturn(V3Stub.ping("Core")));
		core.stubFor(get("/api/v3/configure/token").withHeader("Authorization", equalTo(operator))
			.willReturn(V3Stub.notFound()));
		core.stubFor(post("/api/v3/query_sql").withHeader("Authorization", equalTo(operator))
			.willReturn(V3Stub.rows("[{\"name\":\"_admin\"}]")));
		String c = "http://127.0.0.1:" + core.getPort();
		configs(new Profile("core", c, V3Stub.OPERATOR, "", true, false, "", "v3"),
				new Profile("leaked", c, V3Stub.LEAKED, "", false, false, "", "v3"), token("ok", http(), "good"));
		Result r = console.run(null, "config", "status");
		assertThat(r.exit()).isEqualTo(1);
		assertThat(normalised(r.out())).isEqualTo("Active\tName\tURL\t\t\tServer\t\tUser\tCredentials\t\t\t\t\t\t\tLatency\n"
				+ "*\tcore\t" + c + "\tCore 3.10.0\t_admin\tvalid\t\t\t\t\t\t\t\tNms\n"
				+ "\tleaked\t" + c + "\tInfluxDB 3\t\ttoken not accepted (unknown, deleted, expired or replaced)\tNms\n"
				+ "\tok\t" + http() + "\tOSS v2.7.12\talice\tvalid\t\t\t\t\t\t\t\tNms\n");
		assertThat(r.err()).isEqualTo("Error: config \"leaked\": token not accepted (unknown, deleted, expired or replaced): "
				+ "GET " + c + "/ping: 401 Unauthorized: the request was not authenticated\n"
				+ "Error: 1 of 3 configs have problems\n");
	}

	@ParameterizedTest
	@CsvSource({ "INT, 130", "TERM, 143" })
	void aSignalStopsTheChecksAndNamesTheConfigsNotChecked(String signal, int exitCode) throws Exception {
		silent.stubFor(get("/health").willReturn(InfluxStub.noAnswer()));
		String quiet = "http://127.0.0.1:" + silent.getPort();
		configs(token("east", quiet, "good").withActive(true), token("west", quiet, "good"));
		JarProcess.Running run = console.start("config", "status");
		Poll.until("both checks asked the server", LIMIT,
				() -> silent.findAll(getRequestedFor(urlEqualTo("/health")))
					.size() >= 2);
		run.signal(signal);
		Result r = run.await(LIMIT);
		assertThat(r.exit()).isEqualTo(exitCode);
		assertThat(r.out()).isEqualTo("Active\tName\tURL\t\t\tServer\t\tUser\tCredentials\tLatency\n"
				+ "*\teast\t" + quiet + "\tnot checked\t\tnot checked\t\n"
				+ "\twest\t" + quiet + "\tnot checked\t\tnot checked\t\n");
		assertThat(r.err()).isEqualTo("not checked: \"east\", \"west\"\ninterrupted: 0 checked, 2 not checked\n");
	}
}
