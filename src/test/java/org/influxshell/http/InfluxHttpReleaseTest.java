package org.influxshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.cli.Stderr;
import org.influxshell.connection.Connection;
import org.influxshell.connection.InfluxProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpMethod;

/**
 * A closed client leaves nothing behind: the daemon builds one per request, for hours. Reactor
 * Netty caches a DNS resolver group per event-loop set in a static map when {@code runOn} comes
 * before {@code resolver}; every request's event loops then stayed reachable from it (about
 * 16 KB a request, never freed).
 */
class InfluxHttpReleaseTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void aClosedClientsEventLoopsAreFreed() throws Exception {
		server.stubFor(get("/small").willReturn(aResponse().withStatus(200).withBody("ok")));
		ReferenceQueue<Object> freed = new ReferenceQueue<>();
		WeakReference<Object> loops = usedAndClosed(freed);
		long deadline = System.nanoTime() + 30_000_000_000L;
		Reference<?> gone = null;
		while (gone == null && System.nanoTime() < deadline) {
			System.gc();
			gone = freed.remove(100);
		}
		assertThat(gone).as("the event loops of a closed client are still reachable").isSameAs(loops);
	}

	private WeakReference<Object> usedAndClosed(ReferenceQueue<Object> freed) throws Exception {
		HttpClients clients = new HttpClients();
		InfluxHttp http = new InfluxHttp(new InfluxProperties(), new Stderr(new PrintStream(new ByteArrayOutputStream())), "test",
				Proxies.from(Map.of()), clients);
		http.exchange(new Connection("http://localhost:" + server.getPort(), "t", "", false, false), HttpMethod.GET, "/small", null);
		Object loops = clients.eventLoops();
		assertThat(loops).isNotNull();
		clients.close();
		return new WeakReference<>(loops, freed);
	}
}
