package org.influxshell.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One reporter for every mode: {@code [FILE:LINE: ]Error:}, {@code --debug} everywhere, stdout writes checked. */
class ErrorPathTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/** A stdout that cannot take a byte, failing the way the JDK reports it. */
	static OutputStream failing(String reason) {
		return new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				throw new IOException(reason);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				throw new IOException(reason);
			}
		};
	}

	static final String NOT_FOUND = "Error: config \"nope\" is not found\n";

	/** The first line of a stack trace that {@code --debug} adds, and its first frame. */
	static final String TRACE = "org.influxshell.configs.ProfileErrors$NotFound: config \"nope\" is not found\n\tat ";

	@Test
	void oneShotDebugAddsTheStackTraceAfterTheLine() {
		assertThat(run("config use nope")).isEqualTo(new Run(1, "", NOT_FOUND));
		Run debug = run("config use nope --debug");
		assertThat(debug.exit()).isEqualTo(1);
		assertThat(debug.err()).startsWith(NOT_FOUND + TRACE);
	}

	@Test
	void scriptsAndStdinSayWhereAndDebugThereToo() throws IOException {
		Path script = home.resolve("s.influx");
		Files.writeString(script, "config ls\n\nconfig use nope\nconfig ls\n");
		Run plain = runArgs(new String[] { "--spring.shell.script=" + script }, "");
		assertThat(plain).isEqualTo(new Run(1, "Active\tName\tURL\tOrg\n",
				script + ":3: " + NOT_FOUND));
		Run debug = runArgs(new String[] { "--debug", "--spring.shell.script=" + script }, "");
		assertThat(debug.err()).startsWith(script + ":3: " + NOT_FOUND + TRACE);
		Run stdin = runArgs(new String[] { "--debug" }, "config use nope\n");
		assertThat(stdin.err()).startsWith("stdin:1: " + NOT_FOUND + TRACE);
	}

	@Test
	void debugCanBeSwitchedOnAndOffAsACommand() {
		Run on = runArgs(new String[0], "debug on\ndebug\nconfig use nope\n");
		assertThat(on.out()).isEqualTo("debug is on\ndebug is on\n");
		assertThat(on.err()).startsWith("stdin:3: " + NOT_FOUND + TRACE);
		Run off = runArgs(new String[0], "debug off\nconfig use nope\n");
		assertThat(off).isEqualTo(new Run(1, "debug is off\n", "stdin:2: " + NOT_FOUND));
		assertThat(run("debug maybe")).isEqualTo(new Run(2, "", "Error: debug takes on or off, not \"maybe\"\n"));
	}

	@Test
	void aFullDiskIsAnErrorAndNamesWhatWasDone() {
		server.stubFor(post("/api/v2/authorizations").willReturn(json(201, alice("active", SPEC_TOKEN))));
		Run created = runTo(failing("No space left on device"), "", "auth", "create", "--org-id", "9b7d5c3a1e0f2468",
				"--read-buckets", "--json", "--host", "http://localhost:" + server.getPort(), "-t", "tok");
		assertThat(created).isEqualTo(new Run(1, "", "Error: cannot write the output: No space left on device; "
				+ "the token was created with ID 0a6f1b2c3d4e5000\n"));
		assertThat(runTo(failing("No space left on device"), "", "config", "ls"))
			.isEqualTo(new Run(1, "", "Error: cannot write the output: No space left on device\n"));
	}

	@Test
	void aClosedPipeEndsAReadQuietlyAndAChangeWithWhatWasDone() {
		assertThat(run("config create -n a -u http://a:1").exit()).isZero();
		assertThat(runTo(failing("Broken pipe"), "", "config", "ls")).isEqualTo(new Run(141, "", ""));
		assertThat(runTo(failing("Broken pipe"), "", "config", "use", "a")).isEqualTo(new Run(1, "",
				"Error: cannot write the output: the reader closed the pipe; config \"a\" is now active\n"));
		assertThat(runTo(failing("Broken pipe"), "config ls\nconfig create -n b -u http://b:1\n"))
			.as("a script stops at the first line whose output is lost").isEqualTo(new Run(141, "", ""));
		assertThat(run("config ls --hide-headers").out()).isEqualTo("*\ta\thttp://a:1\t\n");
	}
}
