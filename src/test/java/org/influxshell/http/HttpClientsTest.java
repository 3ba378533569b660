package org.influxshell.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.influxshell.connection.InfluxProperties;
import org.influxshell.support.PrivateCa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.web.reactive.function.client.WebClient;

/** A client is shared only between requests whose settings are all equal; a few are kept. */
class HttpClientsTest {

	static final URI HTTPS = URI.create("https://influx.test:8086/api/v2/me");

	static final URI HTTP = URI.create("http://influx.test:8086/api/v2/me");

	static final Proxies.Proxy PROXY = new Proxies.Proxy("proxy.corp", 3128, "u", "one");

	static final HttpClients.Limits LIMITS = HttpClients.Limits.of(new InfluxProperties());

	static HttpClients.Settings settings(URI target, boolean skipVerify, Proxies.Proxy proxy) {
		return settings(target, skipVerify, proxy, null);
	}

	static HttpClients.Settings settings(URI target, boolean skipVerify, Proxies.Proxy proxy, CaFile caFile) {
		return HttpClients.Settings.of(target, skipVerify, proxy, caFile, LIMITS);
	}

	@Test
	void equalSettingsShareAClientAndAnyDifferenceMakesAnother() {
		try (HttpClients clients = new HttpClients()) {
			WebClient strict = clients.get(settings(HTTPS, false, null));
			assertThat(clients.get(settings(HTTPS, false, null))).isSameAs(strict);
			assertThat(clients.get(settings(HTTP, false, null))).isSameAs(strict);
			assertThat(clients.get(settings(HTTPS, true, null))).isNotSameAs(strict);
			WebClient tunnel = clients.get(settings(HTTPS, false, PROXY));
			assertThat(tunnel).isNotSameAs(strict);
			assertThat(clients.get(settings(HTTPS, true, PROXY))).isNotSameAs(tunnel);
			assertThat(clients.get(settings(HTTPS, false, new Proxies.Proxy("proxy.corp", 3128, "u", "two"))))
				.isNotSameAs(tunnel);
			assertThat(clients.get(settings(HTTPS, false, new Proxies.Proxy("proxy.corp", 3128, "u", "one"))))
				.isSameAs(tunnel);
			// plain http through a proxy carries no TLS: --skip-verify makes no other client there
			assertThat(clients.get(settings(HTTP, true, PROXY)))
				.isSameAs(clients.get(settings(HTTP, false, PROXY)));
		}
	}

	/** The CA file is part of the key by its path and content: a file changed on disk gets a client of its own. */
	@Test
	void aCaFileMakesItsOwnClientByPathAndContent(@TempDir Path dir) throws Exception {
		PrivateCa ca = PrivateCa.create(dir);
		Path copy = dir.resolve("copy.pem");
		Files.copy(ca.caPem(), copy);
		try (HttpClients clients = new HttpClients()) {
			WebClient strict = clients.get(settings(HTTPS, false, null));
			WebClient trusting = clients.get(settings(HTTPS, false, null, CaFile.load(ca.caPem())));
			assertThat(trusting).isNotSameAs(strict);
			assertThat(clients.get(settings(HTTPS, false, null, CaFile.load(ca.caPem())))).isSameAs(trusting);
			assertThat(clients.get(settings(HTTPS, false, null, CaFile.load(copy)))).isNotSameAs(trusting);
			// the same path with other content: another CA now
			Files.writeString(copy, Files.readString(copy) + Files.readString(ca.caPem()));
			WebClient changed = clients.get(settings(HTTPS, false, null, CaFile.load(copy)));
			assertThat(CaFile.load(copy)).isNotEqualTo(CaFile.load(dir.resolve("copy.pem").resolveSibling("ca.pem")));
			assertThat(clients.kept()).hasSize(4);
			assertThat(changed).isNotSameAs(trusting);
			// skip-verify trusts anything, and plain http carries no TLS: the CA file changes neither key
			assertThat(settings(HTTPS, true, null, CaFile.load(copy)))
				.isEqualTo(settings(HTTPS, true, null));
			assertThat(settings(HTTP, false, null, CaFile.load(copy)))
				.isEqualTo(settings(HTTP, false, null));
			assertThat(CaFile.check(copy).size()).isEqualTo(2);
		}
	}

	@Test
	void theLeastRecentlyUsedClientGoesPastTheLimit() {
		try (HttpClients clients = new HttpClients()) {
			HttpClients.Settings first = settings(HTTPS, false, null);
			WebClient kept = clients.get(first);
			for (int i = 1; i <= HttpClients.KEPT; i++) {
				clients.get(settings(HTTPS, false, new Proxies.Proxy("proxy" + i, 3128, null, null)));
				if (i == 3) {
					clients.get(first);
				}
			}
			assertThat(clients.kept()).hasSize(HttpClients.KEPT).contains(first)
				.doesNotContain(settings(HTTPS, false, new Proxies.Proxy("proxy1", 3128, null, null)));
			assertThat(clients.get(first)).isSameAs(kept);
		}
	}
}
