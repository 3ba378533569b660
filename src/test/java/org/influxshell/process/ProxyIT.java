package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.ok;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.PtySession;
import org.influxshell.support.TestProxy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxies as Go's {@code ProxyFromEnvironment} uses them, against a real proxy process that
 * demands credentials ({@link TestProxy}). The target is {@code influx.test}, a name only the
 * proxy maps to the loopback stub: loopback itself is never proxied.
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

	TestProxy.Running proxy;

	int proxyPort;

	@BeforeEach
	void startProxy() throws Exception {
		proxy = TestProxy.start("pxuser:px secret", "influx.test=127.0.0.1", "wrong.example=127.0.0.1");
		proxyPort = proxy.port();
		server.stubFor(get(PATH).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo(PATH)).willReturn(ok(alice("inactive", SPEC_TOKEN))));
	}

	@AfterEach
	void stopProxy() throws Exception {
		proxy.close();
	}

	String proxyUrl() {
		return proxy.url("pxuser:px%20secret");
	}

	@Test
	void plainHttpGoesToTheProxyAsAnAbsoluteUriWithItsCredentials() throws Exception {
		Result r = new JarProcess(home).env("HTTP_PROXY", proxyUrl()).run(null, "auth", "inactive", "--id", ID,
				"--hide-headers", "--host", "http://influx.test:" + server.getPort(), "-t", "tok", "--http-debug");
		assertThat(r.exit()).isZero();
		assertThat(r.out()).startsWith(ID + "\talice's Token\t");
		// the credentials go up front, as Go sends them: no request is first refused with a 407
		assertThat(proxy.awaitSeen("GET http://influx.test:" + server.getPort() + PATH + " auth=ok",
				"PATCH http://influx.test:" + server.getPort() + PATH + " auth=ok")).allMatch(line -> line.endsWith(" auth=ok"));
		server.verify(2, anyRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Token tok")));
		assertThat(r.err()).contains("* via proxy http://127.0.0.1:" + proxyPort + "\n", "> Proxy-Authorization: Basic ***\n")
			.doesNotContain("secret").doesNotContain("pxuser");
	}

	@Test
	void httpsTunnelsWithConnectAndLowerCaseVariablesWork() throws Exception {
		Result r = new JarProcess(home).env("https_proxy", proxyUrl()).run(null, "auth", "inactive", "--id", ID,
				"--hide-headers", "--host", "https://influx.test:" + server.getHttpsPort(), "-t", "tok", "--skip-verify");
		assertThat(r.err()).isEqualTo("Warning: TLS certificate verification is disabled (--skip-verify)\n");
		assertThat(r.out()).startsWith(ID + "\talice's Token\t");
		assertThat(proxy.awaitSeen("CONNECT influx.test:" + server.getHttpsPort() + " auth=ok"))
			.allMatch(line -> line.endsWith(" auth=ok"));
		server.verify(2, anyRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Token tok")));
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
		assertThat(proxy.seen()).isEmpty();
	}

	@Test
	void wrongProxyCredentialsAreOnePlainLineThatQuotesNothingTheProxySent() throws Exception {
		String wrong = "http://pxuser:wrong%20secret@127.0.0.1:" + proxyPort;
		String refused = ": the proxy http://127.0.0.1:" + proxyPort
				+ " did not accept the user name and password of the proxy URL (407 Proxy Authentication Required)\n";
		Result http = new JarProcess(home).env("HTTP_PROXY", wrong).run(null, "auth", "inactive", "--id", ID,
				"--host", "http://influx.test:" + server.getPort(), "-t", "tok");
		assertThat(http).isEqualTo(new Result(1, "", "Error: could not find auth with ID \"" + ID + "\": GET http://influx.test:"
				+ server.getPort() + PATH + refused));
		Result https = new JarProcess(home).env("HTTPS_PROXY", wrong).run(null, "auth", "inactive", "--id", ID,
				"--host", "https://influx.test:" + server.getHttpsPort(), "-t", "tok", "--skip-verify");
		assertThat(https).isEqualTo(new Result(1, "", "Warning: TLS certificate verification is disabled (--skip-verify)\n"
				+ "Error: could not find auth with ID \"" + ID + "\": GET https://influx.test:" + server.getHttpsPort() + PATH
				+ refused));
	}

	@Test
	void aMalformedProxyVariableIsAnErrorNamingIt() throws Exception {
		Result r = new JarProcess(home).env("HTTP_PROXY", ":notaport").run(null, "auth", "inactive", "--id", ID,
				"--host", "http://influx.test:" + server.getPort(), "-t", "tok");
		assertThat(r).isEqualTo(new Result(1, "", "Error: could not find auth with ID \"" + ID + "\": GET http://influx.test:"
				+ server.getPort() + PATH + ": HTTP_PROXY is not a usable proxy URL (\":notaport\": invalid port)\n"));
		assertThat(proxy.seen()).isEmpty();
	}

	/**
	 * A server whose certificate is trusted (the console runs with a trust store that holds it)
	 * but names another host, {@code wrong.example}: only {@code --skip-verify} accepts it for
	 * {@code influx.test}, request by request, in one process.
	 */
	@Test
	void skipVerifyThroughTheProxyHoldsForItsOwnLineOnly() throws Exception {
		WireMockServer wrongHost = wrongHostServer();
		try {
			JarProcess console = new JarProcess(home).env("HTTPS_PROXY", proxyUrl()).env("INFLUX_SHELL_JAVA_OPTS",
					"-Djavax.net.ssl.trustStore=" + home.resolve("trust.p12")
							+ " -Djavax.net.ssl.trustStorePassword=password -Djavax.net.ssl.trustStoreType=PKCS12");
			String influx = " --host https://influx.test:" + wrongHost.httpsPort() + " -t tok --hide-headers";
			// the trust store is in force: the certificate is good for its own name
			Path script = home.resolve("skip-verify.influx");
			Files.writeString(script, "auth inactive --id " + step(1) + " --host https://wrong.example:" + wrongHost.httpsPort()
					+ " -t tok --hide-headers\nauth inactive --id " + step(2) + influx + " --skip-verify\nauth inactive --id "
					+ step(3) + influx + "\n");
			Result r = console.run(null, "--spring.shell.script=" + script);
			assertThat(r.exit()).isEqualTo(1);
			assertThat(r.out()).startsWith(step(1) + "\tstep 1\t").contains("\n" + step(2) + "\tstep 2\t")
				.doesNotContain(step(3));
			assertThat(r.err()).startsWith("Warning: TLS certificate verification is disabled (--skip-verify)\n" + script
					+ ":3: Error: could not find auth with ID \"" + step(3) + "\": GET https://influx.test:"
					+ wrongHost.httpsPort() + "/api/v2/authorizations/" + step(3) + ": TLS certificate verification failed (")
				.contains("influx.test");
			Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1) for a terminal");
			// the REPL, in the other order too: refused, accepted, refused, accepted
			try (PtySession tty = PtySession.start(home, "", Map.of("HTTPS_PROXY", proxyUrl(), "INFLUX_SHELL_JAVA_OPTS",
					"-Djavax.net.ssl.trustStore=" + home.resolve("trust.p12")
							+ " -Djavax.net.ssl.trustStorePassword=password -Djavax.net.ssl.trustStoreType=PKCS12"))) {
				tty.await("> ", Duration.ofSeconds(30));
				for (int n = 4; n <= 7; n++) {
					boolean skip = n % 2 == 1;
					tty.type("auth inactive --id " + step(n) + influx + (skip ? " --skip-verify" : "") + "\r");
					tty.await(skip ? step(n) + "\tstep " + n + "\t"
							: "Error: could not find auth with ID \"" + step(n) + "\": GET https://influx.test:"
									+ wrongHost.httpsPort() + "/api/v2/authorizations/" + step(n)
									+ ": TLS certificate verification failed (", Duration.ofSeconds(30));
				}
				tty.type("exit\r");
				assertThat(tty.exitCode(Duration.ofSeconds(30))).isZero();
			}
		}
		finally {
			wrongHost.stop();
		}
	}

	/**
	 * The same in the warm console, whose HTTP clients outlive a request: in one daemon,
	 * {@code --skip-verify} holds for its own request only, in either order. The server's
	 * certificate is trusted through {@code INFLUX_CA_CERT} (JVM options would make the command run
	 * cold), and names another host.
	 */
	@Test
	void skipVerifyThroughTheProxyHoldsForItsOwnRequestInTheWarmConsole() throws Exception {
		WireMockServer wrongHost = wrongHostServer();
		Path pem = home.resolve("server.pem");
		keytool(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-exportcert", "-rfc", "-alias",
				"server", "-keystore", home.resolve("server.p12").toString(), "-storepass", "password", "-file",
				pem.toString());
		JarProcess console = new JarProcess(home).env("HTTPS_PROXY", proxyUrl()).env("INFLUX_CA_CERT", pem.toString());
		try {
			assertThat(console.run(null, "daemon", "start").exit()).isZero();
			long before = DaemonIT.served(console);
			String influx = " --host https://influx.test:" + wrongHost.httpsPort() + " -t tok --hide-headers";
			// refused, accepted, refused, accepted, refused: both orders
			for (int n = 1; n <= 5; n++) {
				boolean skip = n % 2 == 0;
				Result r = console.run(null, ("auth inactive --id " + step(n) + influx + (skip ? " --skip-verify" : ""))
					.split(" "));
				if (skip) {
					assertThat(r.exit()).as("%s", r).isZero();
					assertThat(r.out()).startsWith(step(n) + "\tstep " + n + "\t");
				}
				else {
					assertThat(r.exit()).as("%s", r).isEqualTo(1);
					assertThat(r.err()).startsWith("Error: could not find auth with ID \"" + step(n)
							+ "\": GET https://influx.test:" + wrongHost.httpsPort() + "/api/v2/authorizations/" + step(n)
							+ ": TLS certificate verification failed (");
				}
			}
			assertThat(DaemonIT.served(console) - before).isEqualTo(5);
		}
		finally {
			console.run(null, "daemon", "stop");
			wrongHost.stop();
		}
	}

	static String step(int n) {
		return "0a6f1b2c3d4e500" + n;
	}

	/**
	 * WireMock over https with a certificate for {@code wrong.example} only, made here with
	 * {@code keytool}; {@code trust.p12} in the home folder holds it as a trusted certificate.
	 */
	WireMockServer wrongHostServer() throws Exception {
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Path keys = home.resolve("server.p12");
		Path cert = home.resolve("server.crt");
		keytool(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname",
				"CN=wrong.example", "-ext", "SAN=dns:wrong.example", "-validity", "2", "-keystore", keys.toString(),
				"-storetype", "PKCS12", "-storepass", "password", "-keypass", "password");
		keytool(keytool, "-exportcert", "-alias", "server", "-keystore", keys.toString(), "-storepass", "password",
				"-file", cert.toString());
		keytool(keytool, "-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(), "-keystore",
				home.resolve("trust.p12").toString(), "-storetype", "PKCS12", "-storepass", "password");
		WireMockServer wrongHost = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort()
			.keystorePath(keys.toString()).keystorePassword("password").keyManagerPassword("password")
			.keystoreType("PKCS12"));
		wrongHost.start();
		for (int n = 1; n <= 7; n++) {
			String path = "/api/v2/authorizations/" + step(n);
			String token = authorization(step(n), SPEC_TOKEN, "active", "step " + n, "0a6f1b2c3d4e4000", "alice",
					"9b7d5c3a1e0f2468", "my-org", List.of());
			// active when read, inactive as the change answers: the change is sent, through the proxy too
			wrongHost.stubFor(get(path).willReturn(ok(token)));
			wrongHost.stubFor(patch(urlEqualTo(path)).willReturn(ok(token.replace("\"active\"", "\"inactive\""))));
		}
		return wrongHost;
	}

	static void keytool(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(out).isZero();
	}
}
