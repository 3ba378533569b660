package org.influxshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.cli.Stderr;
import org.influxshell.connection.Connection;
import org.influxshell.connection.InfluxProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpMethod;

/** {@code 429} and {@code 503} are retried for requests that may be repeated, and only for those. */
class InfluxHttpRetryTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	InfluxHttp http;

	final HttpClients clients = new HttpClients();

	/** The waits before each retry, as asked for: recorded, never slept. */
	final List<Duration> waits = new CopyOnWriteArrayList<>();

	InfluxHttp http(String retries) {
		InfluxProperties properties = new InfluxProperties();
		properties.setRetries(retries);
		http = new InfluxHttp(properties, new Stderr(new PrintStream(new ByteArrayOutputStream())), "test",
				Proxies.from(Map.of()), waits::add, clients);
		return http;
	}

	@AfterEach
	void close() {
		clients.close();
	}

	Connection conn() {
		return new Connection("http://localhost:" + server.getPort(), "t", "", false, false);
	}

	/** Answers {@code statuses} in turn, then 200 (or 204 for a DELETE) for ever. */
	void answers(Supplier<MappingBuilder> request, int... statuses) {
		String state = STARTED;
		for (int i = 0; i < statuses.length; i++) {
			String next = "after " + (i + 1);
			server.stubFor(request.get().inScenario("s").whenScenarioStateIs(state).willSetStateTo(next)
				.willReturn(aResponse().withStatus(statuses[i]).withHeader("Retry-After", "0")
					.withBody("{\"code\":\"too many requests\",\"message\":\"slow down\"}")));
			state = next;
		}
		server.stubFor(request.get().inScenario("s").whenScenarioStateIs(state).willReturn(aResponse().withStatus(200)));
	}

	@Test
	void getIsRetriedAfter429And503UpToTheSetting() {
		answers(() -> get("/x"), 429, 503);
		assertThat(http("2").send(conn(), HttpMethod.GET, "/x", null).status()).isEqualTo(200);
		server.verify(3, anyRequestedFor(anyUrl()));
		assertThat(waits).containsExactly(Duration.ZERO, Duration.ZERO);

		server.resetAll();
		answers(() -> get("/x"), 503, 503, 503);
		assertThatThrownBy(() -> http.send(conn(), HttpMethod.GET, "/x", null))
			.isInstanceOf(InfluxApiException.class)
			.hasMessage("503 Service Unavailable: slow down");
		server.verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	void noRetriesWhenTheSettingIsZero() {
		answers(() -> get("/x"), 429);
		assertThatThrownBy(() -> http("0").send(conn(), HttpMethod.GET, "/x", null))
			.hasMessage("429 Too Many Requests: slow down");
		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void postAndAPlainPatchAreSentOnceAStatusPatchIsRetried() {
		answers(() -> post("/x"), 503);
		assertThatThrownBy(() -> http("2").send(conn(), HttpMethod.POST, "/x", "{}")).hasMessageStartingWith("503");
		server.verify(1, anyRequestedFor(anyUrl()));

		server.resetAll();
		answers(() -> patch(urlEqualTo("/x")), 503);
		assertThatThrownBy(() -> http.send(conn(), HttpMethod.PATCH, "/x", "{}")).hasMessageStartingWith("503");
		server.verify(1, anyRequestedFor(anyUrl()));

		server.resetAll();
		answers(() -> patch(urlEqualTo("/x")), 503);
		assertThat(http.sendIdempotent(conn(), HttpMethod.PATCH, "/x", "{\"status\":\"inactive\"}").status()).isEqualTo(200);
		server.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRetriedDeleteAnswered404IsDone() {
		answers(() -> delete("/x"), 503, 404);
		assertThat(http("2").send(conn(), HttpMethod.DELETE, "/x", null).status()).isEqualTo(204);
		server.verify(2, anyRequestedFor(anyUrl()));

		server.resetAll();
		answers(() -> delete("/x"), 404);
		assertThatThrownBy(() -> http.send(conn(), HttpMethod.DELETE, "/x", null)).hasMessageStartingWith("404");
	}

	@Test
	void aRetryAfterLongerThanThirtySecondsIsNotWaitedFor() {
		server.stubFor(get("/x").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "31")));
		assertThatThrownBy(() -> http("2").send(conn(), HttpMethod.GET, "/x", null)).hasMessageStartingWith("503");
		assertThat(waits).isEmpty();
		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void retryAfterInSecondsOrAsADateElseABackoff() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
		assertThat(Retries.delay(response(429, "7"), 0, clock)).isEqualTo(Duration.ofSeconds(7));
		assertThat(Retries.delay(response(503, "Sun, 29 Nov 2026 10:00:12 GMT"), 0, clock))
			.isEqualTo(Duration.ofSeconds(12));
		assertThat(Retries.delay(response(503, "Sun, 29 Nov 2026 09:00:00 GMT"), 0, clock)).isEqualTo(Duration.ZERO);
		assertThat(Retries.delay(response(503, "30"), 0, clock)).isEqualTo(Duration.ofSeconds(30));
		assertThat(Retries.delay(response(503, "31"), 0, clock)).isNull();
		assertThat(Retries.delay(response(503, "99999999999"), 0, clock)).isNull();
		assertThat(Retries.delay(response(429, ""), 0, clock)).isEqualTo(Duration.ofMillis(500));
		assertThat(Retries.delay(response(429, "soon"), 1, clock)).isEqualTo(Duration.ofSeconds(1));
		assertThat(Retries.delay(response(429, ""), 10, clock)).isEqualTo(Duration.ofSeconds(30));
		assertThat(Retries.delay(response(500, "1"), 0, clock)).isNull();
		assertThat(Retries.delay(response(502, ""), 0, clock)).isNull();
	}

	static HttpResponse response(int status, String retryAfter) {
		return new HttpResponse(status, "", "", retryAfter, List.of(), new byte[0]);
	}
}
