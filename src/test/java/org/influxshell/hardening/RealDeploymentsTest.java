package org.influxshell.hardening;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.ok;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Servers shaped like real deployments: behind a path-routing gateway, with long lists, answering oddly. */
class RealDeploymentsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ID = "0a6f1b2c3d4e5000";

	static final String CREDENTIAL = "callers-own-credential-ABCDEFGHIJKLMNOP==";

	String host() {
		return "http://localhost:" + server.getPort();
	}

	@Test
	void aHostWithAPathKeepsItWithOrWithoutTheTrailingSlash() {
		server.stubFor(get("/influx/v2/api/v2/authorizations/" + ID).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo("/influx/v2/api/v2/authorizations/" + ID)).willReturn(ok(alice("inactive", SPEC_TOKEN))));
		for (String prefix : new String[] { "/influx/v2", "/influx/v2/" }) {
			Run r = run("auth inactive --id " + ID + " --hide-headers --host " + host() + prefix + " -t t");
			assertThat(r.err()).as(prefix).isEmpty();
			assertThat(r.out()).startsWith(ID + "\talice's Token\t");
		}
		assertThat(run("config create -n gw -u " + host() + "/influx/v2 -t t -a").exit()).isZero();
		assertThat(run("auth list --id " + ID + " --hide-headers").out()).startsWith(ID + "\t");
		server.verify(3, getRequestedFor(urlEqualTo("/influx/v2/api/v2/authorizations/" + ID)));
	}

	@Test
	void aListOfAnySizeArrivesWholeAndAsksForGzip() {
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			String id = String.format("0d0%013x", 0x99b627e605000L + i);
			tokens.add(authorization(id, SPEC_TOKEN, "active", "token " + i, "0d09973ac7605000", "alice", "9c5955fc99a60b8f",
					"o", List.of(InfluxStub.Perm.orgScoped("read", "buckets", "9c5955fc99a60b8f", "o"))));
		}
		String body = InfluxStub.list(tokens);
		assertThat(body.length()).isGreaterThan(1_000_000);
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(body)));
		Run r = run("auth list --hide-headers --host " + host() + " -t t");
		assertThat(r.err()).isEmpty();
		assertThat(r.out().lines()).hasSize(2_000);
		server.verify(getRequestedFor(urlPathEqualTo("/api/v2/authorizations")).withHeader("Accept-Encoding", equalTo("gzip")));
	}

	@Test
	void aBodyThatIsNotJsonNeverShowsTheTokenNorOurClasses() {
		server.stubFor(get("/api/v2/authorizations/" + ID).willReturn(ok("{\"id\": \"" + ID + "\", \"token\": \"" + CREDENTIAL
				+ "\" \"oops")));
		Run r = run("auth inactive --id " + ID + " --host " + host() + " -t " + CREDENTIAL + " --debug");
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.err()).startsWith("Error: could not find auth with ID \"" + ID + "\": GET /api/v2/authorizations/" + ID
				+ ": the server's answer is not the expected JSON (line 1, column ")
			.doesNotContain(CREDENTIAL).doesNotContain("callers-own").doesNotContain("Cannot deserialize");
		server.stubFor(get("/api/v2/authorizations/" + ID).willReturn(ok("[\"" + CREDENTIAL + "\"]")));
		Run array = run("auth inactive --id " + ID + " --host " + host() + " -t " + CREDENTIAL + " --debug");
		assertThat(array.err()).doesNotContain(CREDENTIAL).doesNotContain("org.influxshell.auth.Authorization");
	}

	@Test
	void bothJsonClientsRefuseAnEmptyBody() {
		server.stubFor(get("/api/v2/me").willReturn(ok("")));
		server.stubFor(post("/api/v2/authorizations").willReturn(ok(alice("active", SPEC_TOKEN))));
		Run me = run("auth create --org-id 9b7d5c3a1e0f2468 --all-access --host " + host() + " -t t");
		assertThat(me).isEqualTo(new Run(1, "", "Error: could not find the user of the token (GET /api/v2/me): "
				+ "GET /api/v2/me: empty response body\n"));
		server.stubFor(get("/api/v2/me").willReturn(ok("{}")));
		assertThat(run("auth create --org-id 9b7d5c3a1e0f2468 --all-access --host " + host() + " -t t").err())
			.isEqualTo("Error: could not find the user of the token (GET /api/v2/me): GET /api/v2/me: the server's answer "
					+ "is not the expected JSON (no \"id\")\n");
	}
}
