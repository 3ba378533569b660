package org.influxshell.http;

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

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.influxshell.support.PrivateCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --ca-cert} and a profile's {@code ca-cert} and {@code skip-verify}, against HTTPS
 * servers whose certificates a CA of the test's own signed: one for {@code localhost}, one for
 * another host name. The CA is trusted only where it is named; the host name is checked unless
 * skip-verify is on.
 */
class CaCertTest extends ConsoleTest {

	static Path dir;

	static PrivateCa ca;

	/** Its certificate names localhost and 127.0.0.1. */
	static WireMockServer right;

	/** Its certificate names other.example only. */
	static WireMockServer wrongHost;

	@BeforeAll
	static void servers() throws Exception {
		dir = Files.createTempDirectory("ca-cert-test");
		ca = PrivateCa.create(dir);
		right = new WireMockServer(PrivateCa.https(ca.server("localhost", "dns:localhost,ip:127.0.0.1")));
		wrongHost = new WireMockServer(PrivateCa.https(ca.server("other", "dns:other.example")));
		for (WireMockServer s : List.of(right, wrongHost)) {
			s.start();
			s.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(alice("active", SPEC_TOKEN))))));
			s.stubFor(get("/health").willReturn(InfluxStub.health()));
			s.stubFor(get("/ping").willReturn(InfluxStub.ping()));
			s.stubFor(get("/api/v2/me").willReturn(InfluxStub.me("0a6f1b2c3d4e4000", "alice")));
		}
	}

	@AfterAll
	static void stop() throws IOException {
		if (right != null) {
			right.stop();
		}
		if (wrongHost != null) {
			wrongHost.stop();
		}
		if (dir != null) {
			try (Stream<Path> all = Files.walk(dir)) {
				all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	static String url(WireMockServer s) {
		return "https://localhost:" + s.httpsPort();
	}

	static final String ROW = "0a6f1b2c3d4e5000\talice's Token\t";

	@Test
	void theFlagTrustsThePrivateCaAndNothingElseDoes() {
		Run trusted = run("auth list --host " + url(right) + " -t tok --hide-headers --ca-cert " + ca.caPem());
		assertThat(trusted.err()).isEmpty();
		assertThat(trusted.out()).startsWith(ROW);
		Run untrusted = run("auth list --host " + url(right) + " -t tok --hide-headers");
		assertThat(untrusted.exit()).isEqualTo(1);
		assertThat(untrusted.err()).startsWith("Error: could not find authorization with given parameters: GET "
				+ url(right) + "/api/v2/authorizations: TLS certificate verification failed (");
	}

	@Test
	void aCertificateForAnotherHostFailsEvenWithTheCaUnlessSkipVerify() {
		Run r = run("auth list --host " + url(wrongHost) + " -t tok --ca-cert " + ca.caPem());
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.err()).contains("TLS certificate verification failed (").contains("localhost");
		Run skipped = run("auth list --host " + url(wrongHost) + " -t tok --hide-headers --skip-verify");
		assertThat(skipped.out()).startsWith(ROW);
		// said once per console: an earlier test in this shared context may have heard it already
		assertThat(skipped.err()).isIn("", "Warning: TLS certificate verification is disabled (--skip-verify)\n");
	}

	@Test
	void aProfileKeepsItsCaAndSkipVerifyAndEveryCommandHonoursThem() throws IOException {
		Run created = run("config create -n lab -u " + url(right) + " -t tok --ca-cert " + ca.caPem());
		assertThat(created.exit()).isZero();
		assertThat(run("config create -n odd -u " + url(wrongHost) + " -t tok --skip-verify").exit()).isZero();
		assertThat(Files.readString(configs)).contains("[lab]\n  url = \"" + url(right) + "\"\n  token = \"tok\"\n"
				+ "  org = \"\"\n  ca-cert = \"" + ca.caPem() + "\"\n  product = \"v2\"\n\n[odd]\n  url = \"" + url(wrongHost)
				+ "\"\n  token = \"tok\"\n  org = \"\"\n  skip-verify = true\n  product = \"v2\"\n# \n");
		// the generation was asked of each server with the profile's own certificate checks
		assertThat(run("auth list -c lab --hide-headers").out()).startsWith(ROW);
		assertThat(run("auth list -c odd --hide-headers").out()).startsWith(ROW);
		// flag > profile: --skip-verify=false puts the checks back for one command
		assertThat(run("auth list -c odd --skip-verify=false").err()).contains("TLS certificate verification failed (");
		Run status = run("config status --hide-headers");
		assertThat(status.exit()).isZero();
		assertThat(status.out().replaceAll("(?m)\\t\\d+ms$", "\tNms")).isEqualTo(
				"\tlab\t" + url(right) + "\tOSS v2.7.12\talice\tvalid\tNms\n"
						+ "\todd\t" + url(wrongHost) + "\tOSS v2.7.12\talice\tvalid\tNms\n");
	}

	@Test
	void settingAndUnsettingTouchOnlyTheirLines() throws IOException {
		assertThat(run("config create -n lab -u " + url(right) + " -t tok").exit()).isZero();
		String before = Files.readString(configs);
		assertThat(run("config set -n lab --skip-verify --ca-cert " + ca.caPem()).exit()).isZero();
		assertThat(Files.readString(configs)).isEqualTo(before.replaceFirst("  org = \"\"\n",
				"  org = \"\"\n  skip-verify = true\n  ca-cert = \"" + ca.caPem() + "\"\n"));
		assertThat(run("config ls --json").out()).isEqualTo("{\n\t\"lab\": {\n\t\t\"url\": \"" + url(right)
				+ "\",\n\t\t\"token\": \"tok\",\n\t\t\"org\": \"\",\n\t\t\"skip-verify\": true,\n"
				+ "\t\t\"ca-cert\": \"" + ca.caPem() + "\"\n\t}\n}\n");
		assertThat(run("config set -n lab --skip-verify=false --ca-cert \"\"").exit()).isZero();
		assertThat(Files.readString(configs)).isEqualTo(before);
	}

	@Test
	void aMissingOrBadCaFileIsOneLineNamingIt() throws IOException {
		Path missing = dir.resolve("missing.pem");
		Path bad = dir.resolve("bad.pem");
		Files.writeString(bad, "not a certificate\n");
		assertThat(run("auth list --host " + url(right) + " -t tok --ca-cert " + missing))
			.isEqualTo(new Run(1, "", "Error: CA certificate file " + missing + " does not exist\n"));
		assertThat(run("config create -n lab -u " + url(right) + " --ca-cert " + bad)).isEqualTo(new Run(1, "",
				"Error: CA certificate file " + bad + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)\n"));
		assertThat(configs).doesNotExist();
		Path broken = dir.resolve("broken.pem");
		Files.writeString(broken, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
		Run r = run("auth list --host " + url(right) + " -t tok --ca-cert " + broken);
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.err()).startsWith("Error: CA certificate file " + broken + " is not a valid PEM file of certificates: ")
			.doesNotContain("\tat ").hasLineCount(1);
	}
}
