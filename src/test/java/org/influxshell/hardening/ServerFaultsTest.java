package org.influxshell.hardening;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.ok;

import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server (or something in front of it) misbehaving while a token is switched. Each fault
 * hits the PATCH, after a good GET: the command must fail with one clear line and exit 1, and
 * never print the token as if it had been changed. When the PATCH may have reached the server,
 * the token is read again and the line says what the server has (here: still active). A PATCH
 * never answered is in {@link ResponseTimeoutTest}, which sets a short response timeout.
 */
class ServerFaultsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ID = "0d099b627e605000";

	static final String PATH = "/api/v2/authorizations/" + ID;

	static final String WHAT = "Error: could not update status of auth with ID \"" + ID + "\": ";

	static final String READ_BACK = "; read again, the server has it active";

	static Stream<Arguments> faults() {
		return Stream.of(
				Arguments.of("reset connection", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
						"PATCH {host}" + PATH + ": connection reset by peer" + READ_BACK),
				Arguments.of("empty reply", aResponse().withFault(Fault.EMPTY_RESPONSE),
						"PATCH {host}" + PATH + ": connection closed by the server before a complete response" + READ_BACK),
				Arguments.of("garbage then close", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), null),
				Arguments.of("malformed chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), null),
				Arguments.of("truncated JSON", ok("{\n\t\"id\": \"0d099b627e605000\",\n\t\"token\": \"abc"),
						"PATCH " + PATH + ": the server's answer is not the expected JSON (line 3, column 15)" + READ_BACK),
				Arguments.of("not JSON at all", ok("ok!"),
						"PATCH " + PATH + ": the server's answer is not the expected JSON (line 1, column 4)" + READ_BACK),
				Arguments.of("JSON of the wrong shape", ok("[1, 2]"),
						"PATCH " + PATH + ": the server's answer is not the expected JSON (line 1, column 1)" + READ_BACK),
				Arguments.of("empty 200", ok(""), "PATCH " + PATH + ": empty response body" + READ_BACK),
				Arguments.of("proxy HTML page", aResponse().withStatus(502).withHeader("Content-Type", "text/html")
					.withBody("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>"),
						"502 Bad Gateway: unexpected text/html response: \"502 Bad Gateway\""),
				Arguments.of("500 without body", aResponse().withStatus(500), "500 Internal Server Error: empty response body"),
				Arguments.of("503 with plain text", aResponse().withStatus(503).withHeader("Content-Type", "text/plain")
					.withBody("upstream connect error or disconnect/reset before headers"),
						"503 Service Unavailable: unexpected text/plain response (57 bytes): \"upstream connect error or disconnect/reset before headers\""),
				Arguments.of("500 empty PATCH body bug", aResponse().withStatus(500).withHeader("Content-Type", "application/json; charset=utf-8")
					.withBody("{\n\t\"code\": \"internal error\",\n\t\"message\": \"EOF\"\n}"), "500 Internal Server Error: EOF"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("faults")
	void aFaultIsOneLineAndNothingIsReportedAsDone(String name, ResponseDefinitionBuilder fault, String message) {
		server.stubFor(get(PATH).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(fault));
		String host = "http://localhost:" + server.getPort();
		Run r = run("auth inactive --id " + ID + " --host " + host + " -t secretToken");
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.out()).isEmpty();
		assertThat(r.err()).startsWith(WHAT).hasLineCount(1).doesNotContain("secretToken").doesNotContain(SPEC_TOKEN);
		if (message != null) {
			assertThat(r.err()).isEqualTo(WHAT + message.replace("{host}", host) + "\n");
		}
	}

	@Test
	void aRedirectToAnotherHostIsNotFollowedAndTheTokenStaysHome() {
		elsewhere.stubFor(get(anyUrl()).willReturn(ok(alice("active", SPEC_TOKEN))));
		String target = "http://localhost:" + elsewhere.getPort() + PATH;
		for (int status : new int[] { 301, 302, 307, 308 }) {
			server.stubFor(get(PATH).willReturn(aResponse().withStatus(status).withHeader("Location", target)));
			Run r = run("auth inactive --id " + ID + " --host http://localhost:" + server.getPort() + " -t secretToken");
			assertThat(r.exit()).isEqualTo(1);
			assertThat(r.err()).isEqualTo("Error: could not find auth with ID \"" + ID + "\": " + status + " "
					+ org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase() + ": redirect to " + target
					+ " not followed\n");
		}
		elsewhere.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void bulkFaultsAreCountedAndTheRestIsDone() {
		String other = "0d099b627e606000";
		server.stubFor(get(PATH).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		// alice's token, served under the other ID
		server.stubFor(get("/api/v2/authorizations/" + other)
			.willReturn(ok(alice("active", SPEC_TOKEN).replace("0a6f1b2c3d4e5000", other))));
		server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + other))
			.willReturn(ok(alice("inactive", SPEC_TOKEN).replace("0a6f1b2c3d4e5000", other))));
		Run r = run("auth inactive --id " + ID + "," + other + " --hide-headers --host http://localhost:" + server.getPort() + " -t t");
		assertThat(r.exit()).isEqualTo(1);
		// only the token whose change went through is printed; the failed one is named on stderr
		assertThat(r.out()).isEqualTo(other + "\talice's Token\t" + SPEC_TOKEN + "\talice\t0a6f1b2c3d4e4000\t"
				+ "[read:orgs/9b7d5c3a1e0f2468/buckets write:orgs/9b7d5c3a1e0f2468/buckets]\n");
		assertThat(r.err()).startsWith("Error: could not update status of auth with ID \"" + ID + "\": ");
		assertThat(r.err()).endsWith("connection reset by peer" + READ_BACK + "\nfailed: " + ID
				+ "\nError: 1 of 2 tokens failed\n").hasLineCount(3);
	}
}
