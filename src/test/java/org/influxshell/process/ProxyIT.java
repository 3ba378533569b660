package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.ok;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Poll;
import org.influxshell.support.TestProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxies as Go's {@code ProxyFromEnvironment} uses them, against a real proxy process. The
 * target is {@code influx.test}, a name only the proxy maps to the loopback stub: loopback itself
 * is never proxied.
 */
class ProxyIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().dynamicHttpsPort())
		.build();

	static final String ID = "0a6f1b2c3d4e5000";

	static final String PATH = "/api/v2/authorizations/" + ID;

	@TempDir
	Path home;

	Process proxy;

	int proxyPort;

	final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());

	@BeforeEach
	void startProxy() throws Exception {
		Path classes = Path.of(TestProxy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		proxy = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classes.toString(), TestProxy.class.getName(), "pxuser:px secret", "influx.test=127.0.0.1").start();
		BufferedReader out = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
		String ready = out.readLine();
		assertThat(ready).startsWith("ready ");
		proxyPort = Integer.parseInt(ready.substring(6));
		Thread reader = new Thread(() -> out.lines().forEach(seen::add));
		reader.setDaemon(true);
		reader.start();
		server.stubFor(get(PATH).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(ok(alice("inactive", SPEC_TOKEN))));
	}

	@AfterEach
	void stopProxy() throws Exception {
		proxy.getOutputStream().close();
		if (!proxy.waitFor(5, TimeUnit.SECONDS)) {
			proxy.destroyForcibly();
		}
	}

	/** The proxy logs a request as it takes it; its line reaches {@link #seen} through a pipe and a thread. */
	void awaitSeen(String... lines) throws Exception {
		Poll.until(Duration.ofSeconds(30), () -> seen.containsAll(List.of(lines)),
				() -> "the proxy did not log " + List.of(lines) + ": " + seen);
	}

	String proxyUrl() {
		return "http://pxuser:px%20secret@127.0.0.1:" + proxyPort;
	}

	@Test
	void plainHttpGoesToTheProxyAsAnAbsoluteUriWithItsCredentials() throws Exception {
		Result r = new JarProcess(home).env("HTTP_PROXY", proxyUrl()).run(null, "auth", "inactive", "--id", ID,
				"--hide-headers", "--host", "http://influx.test:" + server.getPort(), "-t", "tok", "--http-debug");
		assertThat(r.exit()).isZero();
		assertThat(r.out()).startsWith(ID + "\talice's Token\t");
		awaitSeen("GET http://influx.test:" + server.getPort() + PATH + " auth=ok",
				"PATCH http://influx.test:" + server.getPort() + PATH + " auth=ok");
		assertThat(seen).contains("GET http://influx.test:" + server.getPort() + PATH + " auth=ok",
				"PATCH http://influx.test:" + server.getPort() + PATH + " auth=ok");
		assertThat(r.err()).contains("* via proxy http://127.0.0.1:" + proxyPort + "\n", "> Proxy-Authorization: Basic ***\n")
			.doesNotContain("secret").doesNotContain("pxuser");
	}

	@Test
	void httpsTunnelsWithConnectAndLowerCaseVariablesWork() throws Exception {
		Result r = new JarProcess(home).env("https_proxy", proxyUrl()).run(null, "auth", "inactive", "--id", ID,
				"--hide-headers", "--host", "https://influx.test:" + server.getHttpsPort(), "-t", "tok", "--skip-verify");
		assertThat(r.err()).isEqualTo("Warning: TLS certificate verification is disabled (--skip-verify)\n");
		assertThat(r.out()).startsWith(ID + "\talice's Token\t");
		awaitSeen("CONNECT influx.test:" + server.getHttpsPort() + " auth=ok");
		assertThat(seen).contains("CONNECT influx.test:" + server.getHttpsPort() + " auth=ok");
	}

	@Test
	void noProxyAndLoopbackGoDirect() throws Exception {
		// influx.test is known to the proxy alone: going direct, the name does not resolve
		Result excluded = new JarProcess(home).env("HTTP_PROXY", proxyUrl()).env("NO_PROXY", "example.com,.test")
			.run(null, "auth", "inactive", "--id", ID, "--host", "http://influx.test:" + server.getPort(), "-t", "tok");
		assertThat(excluded.exit()).isEqualTo(1);
		assertThat(excluded.err()).contains("unknown host");
		Result loopback = new JarProcess(home).env("HTTP_PROXY", "http://127.0.0.1:9").run(null, "auth", "inactive",
				"--id", ID, "--hide-headers", "--host", "http://localhost:" + server.getPort(), "-t", "tok");
		assertThat(loopback.exit()).isZero();
		assertThat(seen).isEmpty();
	}
}
