package org.influxshell.config;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.cli.Stderr;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.configs.Profile;
import org.influxshell.configs.TomlProfileStore;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.InfluxProperties;
import org.influxshell.http.InfluxHttp;
import org.influxshell.shell.StderrNotes;
import org.influxshell.support.FakeSignals;
import org.influxshell.support.InfluxStub;
import org.influxshell.http.HttpResponse;
import org.influxshell.http.HttpClients;
import org.influxshell.http.Proxies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parallel checks of {@code config status} with a short response timeout: a server that never
 * answers is {@code no response} after its own request's timeout, without holding up the others,
 * and a terminal sees a progress line once the checks pass a second, cleared at the end.
 */
class ProfileChecksTest {

	@RegisterExtension
	static WireMockExtension slow = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension quick = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void aSilentServerIsNoResponseAndATerminalSeesProgress(@TempDir Path home) {
		slow.stubFor(get(urlPathEqualTo("/health")).willReturn(InfluxStub.noAnswer()));
		quick.stubFor(get("/health").willReturn(InfluxStub.health()));
		quick.stubFor(get("/ping").willReturn(InfluxStub.ping()));
		quick.stubFor(get("/api/v2/me").willReturn(InfluxStub.me("0a6f1b2c3d4e4000", "alice")));
		InfluxProperties properties = new InfluxProperties();
		// long enough for a cold client on a loaded machine; the silent server takes all of it
		properties.setResponseTimeout("5s");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Stderr terminal = new Stderr(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> true);
		ConfigsFile configs = new ConfigsFile(properties::getConfigsPath, TomlProfileStore::new, home::toString);
		try (HttpClients clients = new HttpClients()) {
			InfluxHttp http = new InfluxHttp(properties, terminal, "test", Proxies.from(Map.of()), clients);
			ProfileChecks checks = new ProfileChecks(http, new ConnectionResolver(properties, configs), Duration.ofSeconds(5),
					new StderrNotes(terminal), new FakeSignals());
			String silent = "http://127.0.0.1:" + slow.getPort();
			List<ProfileChecks.Check> found = checks.check(List.of(
					new Profile("silent", silent, "tok", "", false, false, ""),
					new Profile("up", "http://127.0.0.1:" + quick.getPort(), "tok", "", true, false, "")), null).checks();
			assertThat(found.get(0).problem()).isEqualTo("no response");
			// the request's own timeout, or on a loaded machine the check's bound a moment later
			assertThat(found.get(0).message()).isIn(
					"config \"silent\": no response: GET " + silent + "/health: no response within 5s",
					"config \"silent\": no response: no answer within 5s");
			assertThat(found.get(1).ok()).as(found.get(1).message()).isTrue();
			assertThat(found.get(1).user()).isEqualTo("alice");
			String shown = "checking 2 configs: 1 done";
			assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\rchecking 2 configs: ")
				.endsWith("\r" + shown + "\r" + " ".repeat(shown.length()) + "\r");
		}
	}

	static HttpResponse answer(int status, String body) {
		return new HttpResponse(status, "", "", "", List.of(), body.getBytes(StandardCharsets.UTF_8));
	}

	/** What an InfluxDB 3 server's /ping and token endpoints say of a token; 0 is no second answer. */
	@ParameterizedTest(name = "ping {0}, token endpoints {1}, token {3}: {4}")
	@CsvSource(delimiter = '|', value = {
			"200|405|endpoint disabled, started without auth|true|NO_AUTH",
			"200|405|endpoint disabled, started without auth|false|NO_AUTH",
			"200|405|Method Not Allowed|true|VALID",
			"200|404|Not found|false|NONE",
			"200|401|{\"error\": \"the request was not authenticated\"}|true|NOT_ACCEPTED",
			"200|401|{\"error\": \"the request was not authenticated\"}|false|NONE",
			"200|404|Not found|true|VALID",
			"200|0||true|VALID",
			"401|0||true|NOT_ACCEPTED",
			"401|0||false|NONE",
			"400|0||false|INVALID",
			"400|0||true|INVALID",
			"403|0||true|LIMITED",
			"500|0||true|NOT_CHECKED" })
	void theInfluxDb3VerdictOnAToken(int ping, int tokens, String tokensBody, boolean hasToken,
			ProfileChecks.Credentials verdict) {
		HttpResponse second = tokens == 0 ? null : answer(tokens, tokensBody == null ? "" : tokensBody);
		assertThat(ProfileChecks.v3Verdict(answer(ping, ""), second, hasToken)).isEqualTo(verdict);
	}
}
