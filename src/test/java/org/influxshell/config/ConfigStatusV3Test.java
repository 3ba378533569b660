package org.influxshell.config;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.configs.Profile;
import org.influxshell.configs.Profiles;
import org.influxshell.configs.TomlCodec;
import org.influxshell.support.ConsoleTest;
import org.influxshell.support.V3Stub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code config status} on InfluxDB 3 Core and Enterprise servers that answer as the 3.10 server
 * does: {@code /health} and {@code /ping} need a token, a token the server does not take is
 * {@code 401 {"error": "the request was not authenticated"}} whatever the reason, an Enterprise
 * token without {@code system:ping:read} is {@code 403}, a server started {@code --without-auth}
 * answers {@code 405} on the token endpoints. The table, stderr and the JSON exactly (the latency
 * normalised).
 */
class ConfigStatusV3Test extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension core = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension enterprise = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/** A Core server started {@code --without-auth}: any token, or none, goes. */
	@RegisterExtension
	static WireMockExtension open = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@BeforeEach
	void servers() {
		core.resetAll();
		enterprise.resetAll();
		open.resetAll();
		for (WireMockExtension server : List.of(core, enterprise)) {
			// before any route, a token the server does not take (or none) is refused
			server.stubFor(any(anyUrl()).atPriority(10).willReturn(V3Stub.notAuthenticated()));
			server.stubFor(get("/health").withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR))
				.willReturn(V3Stub.health()));
			server.stubFor(get("/api/v3/configure/token").withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR))
				.willReturn(V3Stub.notFound()));
			server.stubFor(post("/api/v3/query_sql").withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR))
				.withRequestBody(containing("WHERE hash = '" + V3Stub.OPERATOR_HASH + "'"))
				.willReturn(V3Stub.rows("[{\"name\":\"_admin\"}]")));
		}
		core.stubFor(get("/ping").withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR))
			.willReturn(V3Stub.ping("Core")));
		enterprise.stubFor(get("/ping").withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR))
			.willReturn(V3Stub.ping("Enterprise")));
		// Core: a named admin token that expires
		core.stubFor(get("/health").withHeader("Authorization", equalTo("Token " + V3Stub.CI)).willReturn(V3Stub.health()));
		core.stubFor(get("/ping").withHeader("Authorization", equalTo("Token " + V3Stub.CI)).willReturn(V3Stub.ping("Core")));
		core.stubFor(get("/api/v3/configure/token").withHeader("Authorization", equalTo("Token " + V3Stub.CI))
			.willReturn(V3Stub.notFound()));
		core.stubFor(post("/api/v3/query_sql").withHeader("Authorization", equalTo("Token " + V3Stub.CI))
			.withRequestBody(containing("WHERE hash = '" + V3Stub.CI_HASH + "'"))
			.willReturn(V3Stub.rows("[{\"name\":\"ci-writer\",\"expiry\":\"2027-01-06T05:10:00\"}]")));
		// Enterprise: a resource token for one database, without system:ping:read or system:health:read
		enterprise.stubFor(get("/health").withHeader("Authorization", equalTo("Token " + V3Stub.CI))
			.willReturn(V3Stub.forbidden()));
		enterprise.stubFor(get("/ping").withHeader("Authorization", equalTo("Token " + V3Stub.CI))
			.willReturn(V3Stub.forbidden()));
		open.stubFor(get("/health").willReturn(V3Stub.health()));
		open.stubFor(get("/ping").willReturn(V3Stub.ping("Core")));
		open.stubFor(any(urlPathEqualTo("/api/v3/configure/token")).willReturn(V3Stub.withoutAuth()));
	}

	static String url(WireMockExtension server) {
		return "http://127.0.0.1:" + server.getPort();
	}

	void configs(Profile... profiles) throws IOException {
		Files.createDirectories(configs.getParent());
		Files.writeString(configs, TomlCodec.write(new Profiles(List.of(profiles))));
	}

	static Profile v3(String name, WireMockExtension server, String token) {
		return new Profile(name, url(server), token, "", false, false, "", "v3");
	}

	@Test
	void eachServerAndTokenInItsOwnWords() throws IOException {
		configs(v3("core", core, V3Stub.OPERATOR).withActive(true), v3("ci", core, V3Stub.CI),
				v3("leaked", core, V3Stub.LEAKED), v3("ent", enterprise, V3Stub.OPERATOR),
				v3("ent-db", enterprise, V3Stub.CI), v3("open", open, V3Stub.LEAKED), v3("none", core, ""));
		Run r = run("config status");
		assertThat(r.exit()).isEqualTo(1);
		String c = url(core);
		String e = url(enterprise);
		String o = url(open);
		assertThat(ConfigStatusTest.normalised(r.out())).isEqualTo(
				"Active\tName\tURL\t\t\tServer\t\t\tUser\t\tCredentials\t\t\t\t\t\t\tLatency\n"
				+ "\tci\t" + c + "\tCore 3.10.0\t\tci-writer\tvalid, expires 2027-01-06\t\t\t\t\tNms\n"
				+ "*\tcore\t" + c + "\tCore 3.10.0\t\t_admin\t\tvalid\t\t\t\t\t\t\t\tNms\n"
				+ "\tent\t" + e + "\tEnterprise 3.10.0\t_admin\t\tvalid\t\t\t\t\t\t\t\tNms\n"
				+ "\tent-db\t" + e + "\tInfluxDB 3\t\t\t\tvalid, lacks system:ping:read\t\t\t\t\tNms\n"
				+ "\tleaked\t" + c + "\tInfluxDB 3\t\t\t\ttoken not accepted (unknown, deleted, expired or replaced)\tNms\n"
				+ "\tnone\t" + c + "\tInfluxDB 3\t\t\t\tnone\t\t\t\t\t\t\t\tNms\n"
				+ "\topen\t" + o + "\tCore 3.10.0\t\t\t\tserver runs without authentication\t\t\t\tNms\n");
		assertThat(r.err()).isEqualTo("Error: config \"leaked\": token not accepted (unknown, deleted, expired or "
				+ "replaced): GET " + c + "/ping: 401 Unauthorized: the request was not authenticated\n"
				+ "Error: 1 of 7 configs have problems\n");
		// InfluxDB 3 has no /api/v2/me, and nothing is sent that changes anything
		core.verify(0, getRequestedFor(urlEqualTo("/api/v2/me")));
		enterprise.verify(0, postRequestedFor(urlEqualTo("/api/v3/query_sql")).withHeader("Authorization",
				equalTo("Token " + V3Stub.CI)));
		open.verify(0, postRequestedFor(urlEqualTo("/api/v3/query_sql")));
	}

	@Test
	void theJsonOfAnInfluxDb3ServerHasItsProductAndTheTokensExpiry() throws IOException {
		configs(v3("ci", core, V3Stub.CI).withActive(true));
		Run r = run("config status --json");
		assertThat(r.err()).isEmpty();
		assertThat(r.exit()).isZero();
		assertThat(r.out().replaceAll("\"latencyMs\": \\d+", "\"latencyMs\": N")).isEqualTo("""
				{
				\t"ci": {
				\t\t"active": true,
				\t\t"url": "URL",
				\t\t"reachable": true,
				\t\t"product": "v3",
				\t\t"build": "Core",
				\t\t"version": "3.10.0",
				\t\t"user": "ci-writer",
				\t\t"credentials": "valid",
				\t\t"expires": "2027-01-06",
				\t\t"latencyMs": N,
				\t\t"ok": true,
				\t\t"problem": "",
				\t\t"detail": ""
				\t}
				}
				""".replace("URL", url(core)));
	}

	@Test
	void aProfileThatDoesNotSayIsFoundToBeInfluxDb3AndTheHintSaysHowToKeepIt() throws IOException {
		configs(new Profile("found", url(core), V3Stub.OPERATOR, "", true, false, ""),
				new Profile("gone", url(core), V3Stub.LEAKED, "", false, false, ""));
		Run r = run("config status --hide-headers");
		assertThat(r.exit()).isEqualTo(1);
		assertThat(ConfigStatusTest.normalised(r.out())).isEqualTo(
				"*\tfound\t" + url(core) + "\tCore 3.10.0\t_admin\tvalid\t\t\t\t\t\t\t\tNms\n"
				+ "\tgone\t" + url(core) + "\tInfluxDB 3\t\ttoken not accepted (unknown, deleted, expired or replaced)\tNms\n");
		assertThat(r.err()).isEqualTo(
				"Hint: the server of config \"found\" is InfluxDB 3; keep that in the profile: config set -n found --product v3\n"
				+ "Hint: the server of config \"gone\" is InfluxDB 3; keep that in the profile: config set -n gone --product v3\n"
				+ "Error: config \"gone\": token not accepted (unknown, deleted, expired or replaced): GET " + url(core)
				+ "/ping: 401 Unauthorized: the request was not authenticated\n"
				+ "Error: 1 of 2 configs have problems\n");
		core.verify(0, getRequestedFor(urlEqualTo("/api/v2/me")));
	}

	@Test
	void aProfileMadeWithAUserAndPasswordHasNothingToSignInToOnInfluxDb3() throws IOException {
		configs(new Profile("bob", url(core), "", "", false, false,
				Base64.getEncoder().encodeToString("bob:s3cret".getBytes(StandardCharsets.UTF_8)), "v3"));
		Run r = run("config status --hide-headers");
		assertThat(r.exit()).isEqualTo(1);
		assertThat(ConfigStatusTest.normalised(r.out())).isEqualTo("\tbob\t" + url(core) + "\tInfluxDB 3\t\tnot checked\tNms\n");
		assertThat(r.err()).isEqualTo("Error: config \"bob\": credentials not checked: " + ProfileChecks.NO_SIGN_IN + "\n"
				+ "Error: 1 of 1 configs have problems\n");
		core.verify(0, postRequestedFor(urlEqualTo("/api/v2/signin")));
	}

	@Test
	void aUserAndPasswordProfileShowsNoBuildEvenWhenPingAnswers() throws IOException {
		// /ping of a server without authentication answers anyone; the profile's credentials are still not checked
		configs(new Profile("bob", url(open), "", "", false, false,
				Base64.getEncoder().encodeToString("bob:s3cret".getBytes(StandardCharsets.UTF_8)), "v3"));
		Run r = run("config status --hide-headers");
		assertThat(ConfigStatusTest.normalised(r.out())).isEqualTo("\tbob\t" + url(open) + "\tInfluxDB 3\t\tnot checked\tNms\n");
		assertThat(r.err()).isEqualTo("Error: config \"bob\": credentials not checked: " + ProfileChecks.NO_SIGN_IN + "\n"
				+ "Error: 1 of 1 configs have problems\n");
	}

	@Test
	void aServerWhosePingIsOpenToAllStillSaysWhetherItTakesTheToken() throws IOException {
		// started --disable-authz ping: /ping answers any token; the token endpoint still checks it
		core.stubFor(get("/ping").atPriority(1).willReturn(V3Stub.ping("Core")));
		configs(v3("gone", core, V3Stub.LEAKED));
		Run r = run("config status --hide-headers");
		assertThat(r.exit()).isEqualTo(1);
		assertThat(ConfigStatusTest.normalised(r.out())).isEqualTo("\tgone\t" + url(core)
				+ "\tCore 3.10.0\t\ttoken not accepted (unknown, deleted, expired or replaced)\tNms\n");
		assertThat(r.err()).isEqualTo("Error: config \"gone\": token not accepted (unknown, deleted, expired or replaced): "
				+ "GET " + url(core) + "/api/v3/configure/token: 401 Unauthorized: the request was not authenticated\n"
				+ "Error: 1 of 1 configs have problems\n");
	}
}
