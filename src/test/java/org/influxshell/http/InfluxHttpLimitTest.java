package org.influxshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import reactor.netty.resources.LoopResources;

import org.influxshell.cli.Stderr;
import org.influxshell.connection.Connection;
import org.influxshell.connection.InfluxProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpMethod;

/** {@code influx.max-response-size}: a ceiling that names itself when a response passes it. */
class InfluxHttpLimitTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/**
	 * It used to throw "LoopResources couldn't be disposed within 0ms" at every exit, unseen with
	 * logging off. Close waits a bounded time for the event loops and throws when they are not
	 * stopped by then: returning quietly with the loops disposed is returning quickly.
	 */
	@Test
	void closingAfterARequestThrowsNothingAndIsQuick() throws Exception {
		server.stubFor(get("/small").willReturn(aResponse().withStatus(200).withBody("ok")));
		HttpClients clients = new HttpClients();
		InfluxHttp http = new InfluxHttp(new InfluxProperties(), new Stderr(new PrintStream(new ByteArrayOutputStream())), "test",
				Proxies.from(Map.of()), clients);
		http.exchange(new Connection("http://localhost:" + server.getPort(), "t", "", false, false), HttpMethod.GET, "/small", null);
		clients.close();
		assertThat(((LoopResources) clients.eventLoops()).isDisposed()).isTrue();
	}

	@Test
	void aResponsePastTheCeilingIsOneLineNamingTheSetting() {
		server.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody("x".repeat(100_000))));
		server.stubFor(get("/small").willReturn(aResponse().withStatus(200).withBody("x".repeat(60_000))));
		InfluxProperties properties = new InfluxProperties();
		properties.setMaxResponseSize("64KiB");
		try (HttpClients clients = new HttpClients()) {
			InfluxHttp http = new InfluxHttp(properties, new Stderr(new PrintStream(new ByteArrayOutputStream())), "test",
					Proxies.from(Map.of()), clients);
			Connection conn = new Connection("http://localhost:" + server.getPort(), "t", "", false, false);
			assertThat(http.exchange(conn, HttpMethod.GET, "/small", null).body()).hasSize(60_000);
			assertThatThrownBy(() -> http.exchange(conn, HttpMethod.GET, "/big", null))
				.isInstanceOf(TransportException.class)
				.hasMessage("GET http://localhost:" + server.getPort()
						+ "/big: the response is larger than influx.max-response-size (64KiB)");
		}
	}
}
