package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.influxshell.configs.Profile;
import org.influxshell.configs.Profiles;
import org.influxshell.configs.TomlCodec;
import org.influxshell.support.InfluxStub;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.PrivateCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose certificate a private CA signed, through the packaged launcher (and the
 * tarball's own runtime): it works with the profile's {@code ca-cert} and with
 * {@code INFLUX_CA_CERT} without a profile, fails without them, and a certificate for another
 * host name fails even with the CA trusted.
 */
class TlsProcessIT {

	static Path dir;

	static PrivateCa ca;

	static WireMockServer right;

	static WireMockServer wrongHost;

	@TempDir
	Path home;

	JarProcess console;

	@BeforeAll
	static void servers() throws Exception {
		dir = Files.createTempDirectory("tls-it");
		ca = PrivateCa.create(dir);
		right = new WireMockServer(PrivateCa.https(ca.server("localhost", "dns:localhost,ip:127.0.0.1")));
		wrongHost = new WireMockServer(PrivateCa.https(ca.server("other", "dns:other.example")));
		for (WireMockServer s : List.of(right, wrongHost)) {
			s.start();
			s.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(alice("active", SPEC_TOKEN))))));
		}
	}

	@AfterAll
	static void stop() throws IOException {
		for (WireMockServer s : new WireMockServer[] { right, wrongHost }) {
			if (s != null) {
				s.stop();
			}
		}
		if (dir != null) {
			try (Stream<Path> all = Files.walk(dir)) {
				all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	@BeforeEach
	void setUp() throws IOException {
		console = new JarProcess(home);
		Path file = home.resolve(".influxdbv2/configs");
		Files.createDirectories(file.getParent());
		Files.writeString(file, TomlCodec.write(new Profiles(List.of(
				new Profile("lab", url(right), "tok", "", true, false, "", false, ca.caPem().toString()),
				new Profile("plain", url(right), "tok", "", false, false, ""),
				new Profile("other", url(wrongHost), "tok", "", false, false, "", false, ca.caPem().toString())))));
	}

	static String url(WireMockServer s) {
		return "https://localhost:" + s.httpsPort();
	}

	static final String ROW = "0a6f1b2c3d4e5000\talice's Token\t";

	@Test
	void theProfilesCaCertIsTrustedAndOnlyThere() throws Exception {
		Result trusted = console.run(null, "auth", "list", "--hide-headers");
		assertThat(trusted.err()).isEmpty();
		assertThat(trusted.out()).startsWith(ROW);
		Result plain = console.run(null, "auth", "list", "-c", "plain");
		assertThat(plain.exit()).isEqualTo(1);
		assertThat(plain.err()).startsWith("Error: could not find authorization with given parameters: GET " + url(right)
				+ "/api/v2/authorizations: TLS certificate verification failed (").hasLineCount(1);
	}

	@Test
	void aCertificateForAnotherHostFailsEvenWithTheCa() throws Exception {
		Result r = console.run(null, "auth", "list", "-c", "other");
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.err()).startsWith("Error: could not find authorization with given parameters: GET " + url(wrongHost)
				+ "/api/v2/authorizations: TLS certificate verification failed (").contains("localhost").hasLineCount(1);
	}

	@Test
	void theVariableTrustsItWithoutAProfile() throws Exception {
		Result r = console.env("INFLUX_CA_CERT", ca.caPem().toString())
			.run(null, "auth", "list", "--host", url(right), "-t", "tok", "--hide-headers", "--configs-path", "/nonexistent/c");
		assertThat(r.err()).isEmpty();
		assertThat(r.out()).startsWith(ROW);
	}
}
