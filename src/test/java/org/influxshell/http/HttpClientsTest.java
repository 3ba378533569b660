package org.influxshell.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.influxshell.connection.InfluxProperties;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

/** A client is shared only between requests whose settings are all equal; a few are kept. */
class HttpClientsTest {

	static final URI HTTPS = URI.create("https://influx.test:8086/api/v2/me");

	static final URI HTTP = URI.create("http://influx.test:8086/api/v2/me");

	static final Proxies.Proxy PROXY = new Proxies.Proxy("proxy.corp", 3128, "u", "one");

	@Test
	void equalSettingsShareAClientAndAnyDifferenceMakesAnother() {
		try (HttpClients clients = new HttpClients(new InfluxProperties())) {
			WebClient strict = clients.get(HttpClients.Settings.of(HTTPS, false, null));
			assertThat(clients.get(HttpClients.Settings.of(HTTPS, false, null))).isSameAs(strict);
			assertThat(clients.get(HttpClients.Settings.of(HTTP, false, null))).isSameAs(strict);
			assertThat(clients.get(HttpClients.Settings.of(HTTPS, true, null))).isNotSameAs(strict);
			WebClient tunnel = clients.get(HttpClients.Settings.of(HTTPS, false, PROXY));
			assertThat(tunnel).isNotSameAs(strict);
			assertThat(clients.get(HttpClients.Settings.of(HTTPS, true, PROXY))).isNotSameAs(tunnel);
			assertThat(clients.get(HttpClients.Settings.of(HTTPS, false, new Proxies.Proxy("proxy.corp", 3128, "u", "two"))))
				.isNotSameAs(tunnel);
			assertThat(clients.get(HttpClients.Settings.of(HTTPS, false, new Proxies.Proxy("proxy.corp", 3128, "u", "one"))))
				.isSameAs(tunnel);
			// plain http through a proxy carries no TLS: --skip-verify makes no other client there
			assertThat(clients.get(HttpClients.Settings.of(HTTP, true, PROXY)))
				.isSameAs(clients.get(HttpClients.Settings.of(HTTP, false, PROXY)));
		}
	}

	@Test
	void theLeastRecentlyUsedClientGoesPastTheLimit() {
		try (HttpClients clients = new HttpClients(new InfluxProperties())) {
			HttpClients.Settings first = HttpClients.Settings.of(HTTPS, false, null);
			WebClient kept = clients.get(first);
			for (int i = 1; i <= HttpClients.KEPT; i++) {
				clients.get(HttpClients.Settings.of(HTTPS, false, new Proxies.Proxy("proxy" + i, 3128, null, null)));
				if (i == 3) {
					clients.get(first);
				}
			}
			assertThat(clients.kept()).hasSize(HttpClients.KEPT).contains(first)
				.doesNotContain(HttpClients.Settings.of(HTTPS, false, new Proxies.Proxy("proxy1", 3128, null, null)));
			assertThat(clients.get(first)).isSameAs(kept);
		}
	}
}
