package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.error;
import static org.influxshell.support.InfluxStub.json;
import static org.influxshell.support.InfluxStub.ok;

import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.configs.Profile;
import org.influxshell.configs.TomlProfileStore;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code auth inactive}/{@code auth active} as a separate process: environment variables, exit codes, streams. */
class AuthProcessIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().dynamicHttpsPort())
		.build();

	static final String ID = "0a6f1b2c3d4e5000";

	static final String PATH = "/api/v2/authorizations/" + ID;

	static final String ROW = "0a6f1b2c3d4e5000\talice's Token\t" + SPEC_TOKEN
			+ "\talice\t0a6f1b2c3d4e4000\t[read:orgs/9b7d5c3a1e0f2468/buckets write:orgs/9b7d5c3a1e0f2468/buckets]\n";

	@TempDir
	Path home;

	Path configs;

	JarProcess console;

	@BeforeEach
	void setUp() {
		console = new JarProcess(home);
		configs = home.resolve(".influxdbv2/configs");
		server.stubFor(get(PATH).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(ok(alice("inactive", SPEC_TOKEN))));
	}

	String host() {
		return "http://localhost:" + server.getPort();
	}

	@Test
	void aCreatedTokenWhoseOutputIsLostIsNamed() throws Exception {
		server.stubFor(post("/api/v2/authorizations").willReturn(json(201, alice("active", SPEC_TOKEN))));
		assertThat(console.runWithStdoutTo(new java.io.File("/dev/full"), "auth", "create", "--org-id",
				"9b7d5c3a1e0f2468", "--read-buckets", "--json", "--host", host(), "-t", "tok"))
			.isEqualTo(new Result(1, "", "Error: cannot write the output: No space left on device; "
					+ "the token was created with ID " + ID + "\n"));
		assertThat(console.runWithClosedStdout("auth", "inactive", "--id", ID, "--host", host(), "-t", "tok"))
			.isEqualTo(new Result(1, "", "Error: cannot write the output: the reader closed the pipe; "
					+ "1 token(s) inactivated: " + ID + "\n"));
		assertThat(console.runWithClosedStdout("auth", "list", "--id", ID, "--host", host(), "-t", "tok"))
			.isEqualTo(new Result(141, "", ""));
	}

	@Test
	void environmentVariablesTakeThePlaceOfFlags() throws Exception {
		console.env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "envToken").env("INFLUX_HIDE_HEADERS", "true");
		assertThat(console.run(null, "auth", "inactive", "--id", ID)).isEqualTo(new Result(0, ROW, ""));
		server.verify(1, patchRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Token envToken")));

		console.env("INFLUX_OUTPUT_JSON", "1");
		Result json = console.run(null, "auth", "inactive", "--id", ID);
		assertThat(json.out()).startsWith("{\n\t\"id\": \"0a6f1b2c3d4e5000\",\n").contains("\t\"status\": \"inactive\",\n");

		Result flagsWin = console.run(null, "auth", "inactive", "--id", ID, "--json=false", "--hide-headers=false",
				"-t", "flagToken");
		assertThat(flagsWin.out()).startsWith("ID\t\t\tDescription\tToken\t");
		server.verify(1, patchRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Token flagToken")));
	}

	@Test
	void hostFlagBeatsInfluxHost() throws Exception {
		console.env("INFLUX_HOST", "http://127.0.0.1:1").env("INFLUX_TOKEN", "t");
		assertThat(console.run(null, "auth", "active", "--id", ID, "--host", host(), "--hide-headers").exit()).isZero();
		Result envOnly = console.run(null, "auth", "active", "--id", ID);
		assertThat(envOnly).isEqualTo(new Result(1, "", "Error: could not find auth with ID \"" + ID
				+ "\": GET http://127.0.0.1:1" + PATH + ": connection refused\n"));
	}

	@Test
	void activeConfigAndConfigsPathFromTheEnvironmentLeaveTheFileAlone() throws Exception {
		Path file = home.resolve("other/configs");
		new TomlProfileStore(file).update(p -> p
			.with(new Profile("main", "http://127.0.0.1:1", "mainToken", "", true, false, ""))
			.with(new Profile("lab", host(), "labToken", "", false, false, "")));
		byte[] before = Files.readAllBytes(file);
		console.env("INFLUX_CONFIGS_PATH", file.toString()).env("INFLUX_ACTIVE_CONFIG", "lab");
		assertThat(console.run(null, "auth", "inactive", "--id", ID, "--hide-headers")).isEqualTo(new Result(0, ROW, ""));
		server.verify(1, patchRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Token labToken")));
		assertThat(console.run(null, "auth", "inactive", "--id", ID, "-c", "main").err()).contains("127.0.0.1:1");
		assertThat(Files.readAllBytes(file)).isEqualTo(before);
		assertThat(configs).doesNotExist();
	}

	@Test
	void skipVerifyFromTheEnvironmentWarnsOnce() throws Exception {
		String https = "https://localhost:" + server.getHttpsPort();
		console.env("INFLUX_HOST", https).env("INFLUX_TOKEN", "t");
		Result refused = console.run(null, "auth", "inactive", "--id", ID);
		assertThat(refused.exit()).isEqualTo(1);
		assertThat(refused.err()).contains("use --skip-verify").hasLineCount(1);
		console.env("INFLUX_SKIP_VERIFY", "t");
		assertThat(console.run(null, "auth", "inactive", "--id", ID, "--hide-headers")).isEqualTo(new Result(0, ROW,
				"Warning: TLS certificate verification is disabled (--skip-verify)\n"));
	}

	@Test
	void serverErrorExitsOneWithOneLine() throws Exception {
		server.stubFor(get(PATH).willReturn(error(404, "not found", "authorization not found")));
		assertThat(console.run(null, "auth", "inactive", "--id", ID, "--host", host(), "-t", "x")).isEqualTo(new Result(1,
				"", "Error: could not find auth with ID \"" + ID + "\": 404 Not Found: authorization not found\n"));
	}

	@Test
	void scriptOfTokenSwitches() throws Exception {
		// the token as the server keeps it: inactive once the first line has run, active again after the second
		server.stubFor(get(PATH).inScenario("switches").whenScenarioStateIs(STARTED).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(get(PATH).inScenario("switches").whenScenarioStateIs("inactive")
			.willReturn(ok(alice("inactive", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).inScenario("switches").withRequestBody(equalToJson("{\"status\":\"inactive\"}"))
			.willReturn(ok(alice("inactive", SPEC_TOKEN))).willSetStateTo("inactive"));
		server.stubFor(patch(urlEqualTo(PATH)).inScenario("switches").withRequestBody(equalToJson("{\"status\":\"active\"}"))
			.willReturn(ok(alice("active", SPEC_TOKEN))).willSetStateTo(STARTED));
		Path script = home.resolve("incident.txt");
		Files.writeString(script, "# cut off the leaked client\nauth inactive --id " + ID + " --hide-headers\n"
				+ "auth active --id " + ID + " --hide-headers\nauth inactive --id abc\nauth active --id " + ID + "\n");
		console.env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "t");
		Result r = console.run(null, "--spring.shell.script=" + script);
		assertThat(r).isEqualTo(new Result(1, ROW + ROW, script
				+ ":4: Error: could not find auth with ID \"abc\": id must have a length of 16 bytes\n"));
		server.verify(2, patchRequestedFor(urlEqualTo(PATH)));
	}
}
