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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.InfluxStub;
import org.influxshell.support.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A profile that keeps no password: the console asks on the terminal, without echo, and signs in. */
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

		ProcessBuilder pb = new ProcessBuilder("script", "-qec",
				"exec '" + JarProcess.launcher() + "' auth list --hide-headers", "/dev/null");
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("HOME", home.toString());
		pb.environment().put("TERM", "xterm");
		pb.redirectErrorStream(true);
		Process p = pb.start();
		StringBuffer screen = new StringBuffer();
		Thread reader = new Thread(() -> {
			try (var in = p.getInputStream()) {
				int b;
				while ((b = in.read()) >= 0) {
					screen.append((char) b);
				}
			}
			catch (java.io.IOException ex) {
				// the session ended
			}
		});
		reader.start();
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!screen.toString().contains("password: ") && p.isAlive() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(screen.toString()).contains("Please provide your password: ");
		try (var typed = p.getOutputStream()) {
			typed.write("typed-secret\r".getBytes(StandardCharsets.UTF_8));
		}
		if (!p.waitFor(60, TimeUnit.SECONDS)) {
			p.destroyForcibly();
		}
		reader.join(5_000);
		assertThat(p.exitValue()).as(screen.toString()).isZero();
		assertThat(screen.toString()).contains("0a6f1b2c3d4e5000\talice's Token\t").doesNotContain("typed-secret");
		server.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/signin")));
	}
}
