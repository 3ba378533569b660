package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.error;
import static org.influxshell.support.InfluxStub.ok;

import java.nio.file.Files;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.configs.Profile;
import org.influxshell.configs.TomlProfileStore;
import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthStatusCommandsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().dynamicHttpsPort())
		.build();

	static final String ID = "0a6f1b2c3d4e5000";

	static final String PATH = "/api/v2/authorizations/" + ID;

	static final String TABLE_HEADER = "ID\t\t\tDescription\tToken\t\t\t\t\t\t\t\t\t\t\t\tUser Name\tUser ID\t\t\tPermissions\n";

	static final String TABLE_ROW = "0a6f1b2c3d4e5000\talice's Token\t" + SPEC_TOKEN
			+ "\talice\t\t0a6f1b2c3d4e4000\t[read:orgs/9b7d5c3a1e0f2468/buckets write:orgs/9b7d5c3a1e0f2468/buckets]\n";

	/** Without the header line, "User Name" no longer widens its column. */
	static final String HIDDEN_ROW = TABLE_ROW.replace("\talice\t\t", "\talice\t");

	String host() {
		return "http://localhost:" + server.getPort();
	}

	Run auth(String args) {
		return run("auth " + args + " --host " + host() + " -t secretToken");
	}

	/** Alice's token, in the other state than the one a change asks for, as a server would have it. */
	void stubAlice(String statusAfter) {
		String before = statusAfter.equals("active") ? "inactive" : "active";
		server.stubFor(get(PATH).willReturn(ok(alice(before, SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(ok(alice(statusAfter, SPEC_TOKEN))));
	}

	@Test
	void inactivePrintsTheSpecTableAfterGetThenPatch() {
		stubAlice("inactive");
		assertThat(auth("inactive --id " + ID)).isEqualTo(new Run(0, TABLE_HEADER + TABLE_ROW, ""));
		server.verify(1, getRequestedFor(urlEqualTo(PATH))
			.withHeader("Authorization", equalTo("Token secretToken"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("User-Agent", matching("influx-shell/\\S+ \\(.+\\) java/17.*"))
			.withoutHeader("Content-Type"));
		server.verify(1, patchRequestedFor(urlEqualTo(PATH))
			.withHeader("Authorization", equalTo("Token secretToken"))
			.withHeader("Content-Type", matching("application/json.*"))
			.withRequestBody(equalToJson("{\"status\":\"inactive\"}")));
		assertThat(server.getAllServeEvents()).hasSize(2);
		assertThat(server.getAllServeEvents().get(1).getRequest().getMethod().getName()).isEqualTo("GET");
	}

	@Test
	void activeSendsStatusActive() {
		stubAlice("active");
		assertThat(auth("active -i " + ID.toUpperCase()).exit()).isZero();
		server.verify(1, patchRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"status\":\"active\"}")));
	}

	@Test
	void hideHeadersAndJson() {
		stubAlice("inactive");
		assertThat(auth("inactive --id " + ID + " --hide-headers").out()).isEqualTo(HIDDEN_ROW);
		assertThat(auth("inactive --id=" + ID + " --json").out()).isEqualTo("{\n\t\"id\": \"0a6f1b2c3d4e5000\",\n"
				+ "\t\"description\": \"alice's Token\",\n\t\"token\": \"" + SPEC_TOKEN + "\",\n"
				+ "\t\"status\": \"inactive\",\n\t\"userName\": \"alice\",\n\t\"userID\": \"0a6f1b2c3d4e4000\",\n"
				+ "\t\"permissions\": [\n\t\t\"read:orgs/9b7d5c3a1e0f2468/buckets\",\n"
				+ "\t\t\"write:orgs/9b7d5c3a1e0f2468/buckets\"\n\t]\n}\n");
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>", textBlock = """
			'' => ''
			redacted => redacted
			""")
	void printsWhatTheServerReturnsForHashedOrPlaceholderTokens(String token, String shown) {
		server.stubFor(get(PATH).willReturn(ok(alice("active", token))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(ok(alice("inactive", token))));
		Run r = auth("inactive --id " + ID + " --hide-headers");
		assertThat(r.out()).isEqualTo("0a6f1b2c3d4e5000\talice's Token\t" + shown
				+ "\talice\t0a6f1b2c3d4e4000\t[read:orgs/9b7d5c3a1e0f2468/buckets write:orgs/9b7d5c3a1e0f2468/buckets]\n");
		assertThat(auth("inactive --id " + ID + " --json").out()).contains("\t\"token\": \"" + shown + "\",\n");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			abc               => could not find auth with ID "abc": id must have a length of 16 bytes
			zzzzzzzzzzzzzzzz  => could not find auth with ID "zzzzzzzzzzzzzzzz": invalid ID
			0000000000000000  => could not find auth with ID "0000000000000000": invalid ID
			0a6f1b2c3d4e50001 => could not find auth with ID "0a6f1b2c3d4e50001": id must have a length of 16 bytes
			""")
	void badIdsFailBeforeAnyRequest(String id, String message) {
		assertThat(auth("inactive --id " + id)).isEqualTo(new Run(1, "", "Error: " + message + "\n"));
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void helpListsEveryDocumentedOptionAndSendsNothing() {
		for (String line : new String[] { "auth inactive -h", "auth active --help", "auth inactive --id abc --help" }) {
			Run r = run(line);
			assertThat(r.exit()).as(line).isZero();
			assertThat(r.err()).isEmpty();
			assertThat(r.out()).contains("-c, --active-config NAME", "--configs-path PATH", "-h, --help", "--hide-headers",
					"--host URL", "--http-debug", "-i, --id ID", "--json", "--skip-verify", "-t, --token TOKEN",
					"[$INFLUX_ACTIVE_CONFIG]", "[$INFLUX_CONFIGS_PATH]", "[$INFLUX_HIDE_HEADERS]", "[$INFLUX_HOST]",
					"[$INFLUX_OUTPUT_JSON]", "[$INFLUX_SKIP_VERIFY]", "[$INFLUX_TOKEN]");
		}
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	/** Upstream's variables choose the server and the token, as they do in a shell. */
	@Test
	void theServerAndTokenComeFromTheVariables() {
		stubAlice("inactive");
		environment("INFLUX_HOST", host());
		environment("INFLUX_TOKEN", "fromTheVariable");
		assertThat(run("auth inactive --id " + ID + " --hide-headers")).isEqualTo(new Run(0, HIDDEN_ROW, ""));
		server.verify(patchRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Token fromTheVariable")));
	}

	@Test
	void missingIdIsAUsageError() {
		assertThat(auth("inactive")).isEqualTo(new Run(2, "", "Error: at least one of --id, --user, --description, --token-value is required\n"));
	}

	@Test
	void unknownIdIsNotPatched() {
		server.stubFor(get(PATH).willReturn(error(404, "not found", "authorization not found")));
		assertThat(auth("inactive --id " + ID)).isEqualTo(new Run(1, "", "Error: could not find auth with ID \""
				+ ID + "\": 404 Not Found: authorization not found\n"));
		server.verify(0, patchRequestedFor(anyUrl()));
	}

	@Test
	void badTokenGetsTheCompact401() {
		server.stubFor(get(PATH).willReturn(InfluxStub.unauthorizedAccess()));
		assertThat(auth("inactive --id " + ID).err()).isEqualTo("Error: could not find auth with ID \"" + ID
				+ "\": 401 Unauthorized: unauthorized access\n");
	}

	@Test
	void aTokenAlreadyAsAskedIsNotSentAndSaidSo() {
		server.stubFor(get(PATH).willReturn(ok(alice("inactive", SPEC_TOKEN))));
		assertThat(auth("inactive --id " + ID + " --hide-headers")).isEqualTo(new Run(0, HIDDEN_ROW,
				"1 token(s) already inactive: " + ID + "\n"));
		server.verify(0, patchRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void anAnswerWithAnotherStatusThanAskedIsAFailure() {
		server.stubFor(get(PATH).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(ok(alice("active", SPEC_TOKEN))));
		assertThat(auth("inactive --id " + ID)).isEqualTo(new Run(1, "", "Error: could not update status of auth with ID \""
				+ ID + "\": the server answered with status \"active\", not \"inactive\"\n"));
	}

	@Test
	void inactiveCallerTokenFailsThePatch() {
		server.stubFor(get(PATH).willReturn(ok(alice("inactive", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(error(401, "unauthorized", "token is inactive")));
		assertThat(auth("active --id " + ID)).isEqualTo(new Run(1, "", "Error: could not update status of auth with ID \""
				+ ID + "\": 401 Unauthorized: token is inactive\n"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			500 empty       => 500 => ~~ => ~~ => 500 Internal Server Error: empty response body
			500 text        => 500 => text/plain => ~oops\nstack trace here~ => 500 Internal Server Error: unexpected text/plain response (21 bytes): "oops"
			502 proxy html  => 502 => text/html => ~<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>~ => 502 Bad Gateway: unexpected text/html response: "502 Bad Gateway"
			503 json no msg => 503 => application/json => ~{"code":"unavailable"}~ => 503 Service Unavailable: unavailable
			""")
	void errorBodiesAreSummarisedNeverDumped(String name, int status, String type, String body, String message) {
		var response = aResponse().withStatus(status).withBody(body == null ? "" : body.replace("\\n", "\n"));
		if (type != null) {
			response = response.withHeader("Content-Type", type);
		}
		server.stubFor(get(PATH).willReturn(response));
		Run r = auth("inactive --id " + ID);
		assertThat(r).isEqualTo(new Run(1, "", "Error: could not find auth with ID \"" + ID + "\": " + message + "\n"));
	}

	@Test
	void resetConnectionAndRefusedConnection() {
		server.stubFor(get(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThat(auth("inactive --id " + ID).err()).isEqualTo("Error: could not find auth with ID \"" + ID + "\": GET "
				+ host() + PATH + ": connection reset by peer\n");
		Run refused = run("auth inactive --id " + ID + " --host http://127.0.0.1:1 -t x");
		assertThat(refused).isEqualTo(new Run(1, "", "Error: could not find auth with ID \"" + ID
				+ "\": GET http://127.0.0.1:1" + PATH + ": connection refused\n"));
	}

	@Test
	void malformedSuccessBodyIsAnError() {
		server.stubFor(get(PATH).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(ok("{\n\t\"id\": \"0a6f")));
		Run r = auth("inactive --id " + ID);
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.out()).isEmpty();
		assertThat(r.err()).startsWith("Error: could not update status of auth with ID \"" + ID + "\": PATCH " + PATH
				+ ": the server's answer is not the expected JSON (").hasLineCount(1);
	}

	/** The warning is said once in a run, a script's too, and again in the next run. */
	@Test
	void selfSignedServerNeedsSkipVerify() {
		stubAlice("inactive");
		String https = "https://localhost:" + server.getHttpsPort();
		Run refused = run("auth inactive --id " + ID + " --host " + https + " -t tok");
		assertThat(refused.exit()).isEqualTo(1);
		assertThat(refused.err()).startsWith("Error: could not find auth with ID \"" + ID + "\": GET " + https + PATH
				+ ": TLS certificate verification failed (").endsWith("; use --skip-verify to accept an untrusted certificate\n");
		String skipping = "auth inactive --id " + ID + " --host " + https + " -t tok --skip-verify --hide-headers";
		String warning = "Warning: TLS certificate verification is disabled (--skip-verify)\n";
		assertThat(run(skipping)).isEqualTo(new Run(0, HIDDEN_ROW, warning));
		assertThat(runArgs(new String[0], skipping + "\n" + skipping + "\n")).isEqualTo(new Run(0, HIDDEN_ROW + HIDDEN_ROW, warning));
		assertThat(run(skipping)).isEqualTo(new Run(0, HIDDEN_ROW, warning));
	}

	@Test
	void httpDebugMasksTheTokenEverywhere() {
		stubAlice("inactive");
		Run r = auth("inactive --id " + ID + " --http-debug");
		assertThat(r.exit()).isZero();
		assertThat(r.err()).contains("> GET " + PATH + " HTTP/1.1", "> Authorization: Token ***", "> PATCH " + PATH,
				"{\"status\":\"inactive\"}", "< 200", "\"token\": \"***\"", "\"id\": \"0a6f1b2c3d4e5000\"");
		assertThat(r.err()).doesNotContain("secretToken").doesNotContain(SPEC_TOKEN);
		assertThat(r.out()).isEqualTo(TABLE_HEADER + TABLE_ROW);
	}

	@Test
	void chosenProfileGivesHostAndTokenAndTheFileStaysAsItWas() throws Exception {
		new TomlProfileStore(configs).update(p -> p
			.with(new Profile("main", "http://127.0.0.1:1", "mainToken", "", true, false, ""))
			.with(new Profile("lab", host() + "/", "labToken", "", false, false, "")));
		byte[] before = Files.readAllBytes(configs);
		stubAlice("inactive");
		assertThat(run("auth inactive --id " + ID + " -c lab --hide-headers").out()).isEqualTo(HIDDEN_ROW);
		assertThat(run("auth inactive --id " + ID + " --active-config=lab --hide-headers").exit()).isZero();
		server.verify(2, patchRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Token labToken")));
		assertThat(Files.readAllBytes(configs)).isEqualTo(before);
		assertThat(run("auth inactive --id " + ID + " -c nope")).isEqualTo(new Run(1, "", "Error: config \"nope\" is not found\n"));
	}

	@Test
	void tokenFlagBeatsTheProfileAndMayStartWithADash() {
		new TomlProfileStore(configs).update(p -> p.with(new Profile("main", host(), "mainToken", "", true, false, "")));
		stubAlice("inactive");
		assertThat(run("auth inactive --id " + ID + " --token -dashToken").exit()).isZero();
		assertThat(run("auth inactive --id " + ID + " -t=-other").exit()).isZero();
		assertThat(run("auth inactive --id " + ID).exit()).isZero();
		server.verify(1, patchRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Token -dashToken")));
		server.verify(1, patchRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Token -other")));
		server.verify(1, patchRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Token mainToken")));
	}

	@Test
	void badHostIsReportedBeforeAnyRequest() {
		assertThat(run("auth inactive --id " + ID + " --host localhost:8086")).isEqualTo(new Run(1, "",
				"Error: host URL \"localhost:8086\" is invalid: a scheme of http or https must be provided for host url\n"));
	}

	@Test
	void redirectsAreNotFollowed() {
		server.stubFor(get(PATH).willReturn(aResponse().withStatus(307).withHeader("Location", "http://evil.example/steal")));
		assertThat(auth("inactive --id " + ID).err()).isEqualTo("Error: could not find auth with ID \"" + ID
				+ "\": 307 Temporary Redirect: redirect to http://evil.example/steal not followed\n");
		assertThat(server.getAllServeEvents()).hasSize(1);
	}
}
