package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.InfluxStub;
import org.influxshell.support.PtySession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code v1 auth set-password} on a real pseudo-terminal: the password is asked twice without
 * echo, and never shows on the terminal, in the request log of the journal or anywhere else the
 * console writes. Skipped where {@code script}, which makes the terminal, is missing.
 */
class V1PasswordProcessIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ID = "0d0a1b2c3d4e5001";

	static final String PATH = "/private/legacy/authorizations/" + ID;

	static final String TYPED = "typed-v1-secret";

	static final Duration WITHIN = Duration.ofSeconds(120);

	@TempDir
	Path home;

	@BeforeEach
	void stubs() {
		server.stubFor(get(PATH).willReturn(ok(InfluxStub.authorization(ID, "grafana", "active", "grafana reader",
				"0d09973ac7600001", "ops", "9c5955fc99a60b8f", "my-org",
				List.of(new InfluxStub.Perm("read", "buckets", "0d0b0c0d0e0f1001", "9c5955fc99a60b8f", null, null))))));
		server.stubFor(post(PATH + "/password").willReturn(noContent()));
	}

	private PtySession setPassword() throws Exception {
		return PtySession.start(home, "v1 auth set-password --id " + ID + " --host http://localhost:" + server.getPort()
				+ " -t secretToken");
	}

	@Test
	void thePasswordIsAskedTwiceWithoutEcho() throws Exception {
		try (PtySession tty = setPassword()) {
			tty.await("New password for grafana: ", WITHIN).type(TYPED + "\r");
			tty.await("Again, to be sure: New password for grafana: ", WITHIN).typeAndClose(TYPED + "\r");
			assertThat(tty.exitCode(WITHIN)).as(tty.plain()).isZero();
			assertThat(tty.raw()).doesNotContain(TYPED);
		}
		server.verify(1, postRequestedFor(urlEqualTo(PATH + "/password"))
			.withRequestBody(equalToJson("{\"password\":\"" + TYPED + "\"}")));
		Path journal = home.resolve(".influxdbv2/influx-shell-journal.jsonl");
		assertThat(Files.readString(journal)).contains("\"action\":\"set-password\"").doesNotContain(TYPED);
	}

	@Test
	void twoPasswordsThatDifferSetNothing() throws Exception {
		try (PtySession tty = setPassword()) {
			tty.await("New password for grafana: ", WITHIN).type(TYPED + "\r");
			tty.await("Again, to be sure: New password for grafana: ", WITHIN).typeAndClose("something-else\r");
			assertThat(tty.exitCode(WITHIN)).as(tty.plain()).isEqualTo(1);
			assertThat(tty.plain()).contains("Error: the passwords typed do not match; nothing was changed\n")
				.doesNotContain(TYPED).doesNotContain("something-else");
		}
		server.verify(0, postRequestedFor(anyUrl()));
	}
}
