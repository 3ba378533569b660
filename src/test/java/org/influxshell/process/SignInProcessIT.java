package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.ok;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.InfluxStub;
import org.influxshell.support.JarProcess;
import org.influxshell.support.PtySession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile that keeps no password: the console asks on the terminal, without echo, and signs in.
 * Skipped where {@code script}, which makes the terminal, is missing.
 */
class SignInProcessIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	Path home;

	@Test
	void thePasswordIsAskedOnTheTerminalWithoutEcho() throws Exception {
		server.stubFor(post("/api/v2/signin").withHeader("Authorization", equalTo("Basic Ym9iOnR5cGVkLXNlY3JldA=="))
			.willReturn(aResponse().withStatus(204).withHeader("Set-Cookie", "influxdb-oss-session=s; Path=/api/; HttpOnly")));
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).withHeader("Cookie", equalTo("influxdb-oss-session=s"))
			.willReturn(ok(InfluxStub.list(List.of(alice("active", SPEC_TOKEN))))));
		JarProcess console = new JarProcess(home);
		assertThat(console.run(null, "config", "create", "-n", "pw", "-u", "http://localhost:" + server.getPort(), "-p", "bob",
				"-a").exit()).isZero();

		ProcessBuilder pb = PtySession.terminal("exec '" + JarProcess.launcher() + "' auth list --hide-headers");
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("HOME", home.toString());
		pb.environment().put("TERM", "xterm");
		try (PtySession tty = PtySession.attach(pb)) {
			tty.await("Please provide your password: ", Duration.ofSeconds(120)).typeAndClose("typed-secret\r");
			assertThat(tty.exitCode(Duration.ofSeconds(120))).as(tty.plain()).isZero();
			assertThat(tty.raw()).contains("0a6f1b2c3d4e5000\talice's Token\t").doesNotContain("typed-secret");
		}
		server.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/signin")));
	}
}
