package org.influxshell.hardening;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.error;
import static org.influxshell.support.InfluxStub.json;
import static org.influxshell.support.InfluxStub.ok;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.auth.Authorization;
import org.influxshell.configs.Profile;
import org.influxshell.connection.Connection;
import org.influxshell.connection.LocalOptions;
import org.influxshell.connection.ServerOptions;
import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens never leak: not the caller's (the credential) in debug output, errors or object text,
 * and not the server's in debug output; yet tables and JSON show the server's tokens, as
 * upstream does, because showing them is their purpose.
 */
class SecretsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String CREDENTIAL = "MyCr3dent1al-Token_Value==";

	static final String ID = "0a6f1b2c3d4e5000";

	static final String PATH = "/api/v2/authorizations/" + ID;

	String host() {
		return "http://localhost:" + server.getPort();
	}

	@Test
	void noFailureAndNoDebugOutputShowsACredential() {
		server.stubFor(get(PATH).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(error(401, "unauthorized", "token is inactive")));
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		server.stubFor(get("/api/v2/authorizations/0a6f1b2c3d4e6000").willReturn(aResponse().withStatus(502)
			.withBody("bad gateway; you sent Authorization: Token " + CREDENTIAL)));
		server.stubFor(post("/api/v2/authorizations").willReturn(json(201, alice("active", SPEC_TOKEN))));
		String common = " --host " + host() + " -t " + CREDENTIAL + " --http-debug";
		StringBuilder everything = new StringBuilder();
		for (String line : List.of("auth inactive --id " + ID, "auth list", "auth list --token-value " + CREDENTIAL,
				"auth active --id 0a6f1b2c3d4e6000", "auth create --org-id 9b7d5c3a1e0f2468 --read-buckets",
				"auth inactive --id " + ID + " --host http://127.0.0.1:1", "auth inactive --id " + ID + " --host https://localhost:" + server.getPort())) {
			Run r = run(line + common);
			everything.append(r.err());
			if (r.exit() != 0) {
				assertThat(r.err()).as(line).contains("Error: ");
			}
		}
		String all = everything.toString();
		assertThat(all).contains("> Authorization: Token ***", "\"token\": \"***\"");
		assertThat(all).doesNotContain(CREDENTIAL).doesNotContain(SPEC_TOKEN);
	}

	@Test
	void tablesAndJsonStillShowTheServersTokens() {
		server.stubFor(post("/api/v2/authorizations").willReturn(json(201, alice("active", SPEC_TOKEN))));
		Run table = run("auth create --org-id 9b7d5c3a1e0f2468 --read-buckets --host " + host() + " -t " + CREDENTIAL);
		assertThat(table.out()).contains(SPEC_TOKEN);
		Run jsonOut = run("auth create --org-id 9b7d5c3a1e0f2468 --read-buckets --json --host " + host() + " -t " + CREDENTIAL);
		assertThat(jsonOut.out()).contains("\"token\": \"" + SPEC_TOKEN + "\"");
		assertThat(table.err() + jsonOut.err()).isEmpty();
	}

	@Test
	void objectTextNeverShowsTokens() {
		assertThat(new Connection("http://h:1", CREDENTIAL, "o", false, false).toString()).doesNotContain(CREDENTIAL);
		assertThat(new ServerOptions(LocalOptions.none(), null, CREDENTIAL, null, null, false).toString())
			.doesNotContain(CREDENTIAL);
		assertThat(new Profile("p", "http://h:1", CREDENTIAL, "o", true, false, "Y29va2ll").toString())
			.doesNotContain(CREDENTIAL).doesNotContain("Y29va2ll");
		assertThat(new Authorization(ID, CREDENTIAL, "active", "d", "", "", "", "", List.of()).toString())
			.doesNotContain(CREDENTIAL);
	}

	@Test
	void profilesAreStoredPrivately() throws Exception {
		run("config create -n p -u http://h:1 -t " + CREDENTIAL);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configs))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configs.getParent()))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configs.resolveSibling("configs.lock"))))
			.isEqualTo("rw-------");
		assertThat(InfluxStub.SPEC_TOKEN).isNotEqualTo(CREDENTIAL);
	}
}
