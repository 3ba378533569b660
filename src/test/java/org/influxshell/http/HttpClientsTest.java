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
			WebClient strict = clients.lease(settings(HTTPS, false, null)).web();
			assertThat(clients.lease(settings(HTTPS, false, null)).web()).isSameAs(strict);
			assertThat(clients.lease(settings(HTTP, false, null)).web()).isSameAs(strict);
			assertThat(clients.lease(settings(HTTPS, true, null)).web()).isNotSameAs(strict);
			WebClient tunnel = clients.lease(settings(HTTPS, false, PROXY)).web();
			assertThat(tunnel).isNotSameAs(strict);
			assertThat(clients.lease(settings(HTTPS, true, PROXY)).web()).isNotSameAs(tunnel);
			assertThat(clients.lease(settings(HTTPS, false, new Proxies.Proxy("proxy.corp", 3128, "u", "two"))).web())
				.isNotSameAs(tunnel);
			assertThat(clients.lease(settings(HTTPS, false, new Proxies.Proxy("proxy.corp", 3128, "u", "one"))).web())
				.isSameAs(tunnel);
			// plain http through a proxy carries no TLS: --skip-verify makes no other client there
			assertThat(clients.lease(settings(HTTP, true, PROXY)).web())
				.isSameAs(clients.lease(settings(HTTP, false, PROXY)).web());
		}
	}

	/** The CA file is part of the key by its path and content: a file changed on disk gets a client of its own. */
	@Test
	void aCaFileMakesItsOwnClientByPathAndContent(@TempDir Path dir) throws Exception {
		PrivateCa ca = PrivateCa.create(dir);
		Path copy = dir.resolve("copy.pem");
		Files.copy(ca.caPem(), copy);
		try (HttpClients clients = new HttpClients()) {
			WebClient strict = clients.lease(settings(HTTPS, false, null)).web();
			WebClient trusting = clients.lease(settings(HTTPS, false, null, CaFile.load(ca.caPem()))).web();
			assertThat(trusting).isNotSameAs(strict);
			assertThat(clients.lease(settings(HTTPS, false, null, CaFile.load(ca.caPem()))).web()).isSameAs(trusting);
			assertThat(clients.lease(settings(HTTPS, false, null, CaFile.load(copy))).web()).isNotSameAs(trusting);
			// the same path with other content: another CA now
			Files.writeString(copy, Files.readString(copy) + Files.readString(ca.caPem()));
			WebClient changed = clients.lease(settings(HTTPS, false, null, CaFile.load(copy))).web();
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

	/**
	 * In the warm console requests share the clients: one that falls out of the kept few while an
	 * exchange holds it is closed when that exchange lets go, not under it.
	 */
	@Test
	void aClientPastTheLimitIsClosedOnlyWhenNoExchangeHoldsIt() {
		try (HttpClients clients = new HttpClients()) {
			HttpClients.Lease held = clients.lease(settings(HTTPS, false, null));
			HttpClients.Lease idle = clients.lease(settings(HTTP, false, PROXY));
			idle.release();
			for (int i = 1; i <= HttpClients.KEPT; i++) {
				clients.lease(settings(HTTPS, false, new Proxies.Proxy("proxy" + i, 3128, null, null))).release();
			}
			assertThat(clients.kept()).doesNotContain(settings(HTTPS, false, null), settings(HTTP, false, PROXY));
			assertThat(idle.poolClosed()).as("an idle client is closed at once").isTrue();
			assertThat(held.poolClosed()).as("a held client stays open").isFalse();
			held.release();
			assertThat(held.poolClosed()).as("closed when let go").isTrue();
			// a second release changes nothing
			held.release();
			assertThat(clients.lease(settings(HTTPS, false, null)).poolClosed()).as("a new client for those settings")
				.isFalse();
		}
	}

	@Test
	void theLeastRecentlyUsedClientGoesPastTheLimit() {
		try (HttpClients clients = new HttpClients()) {
			HttpClients.Settings first = settings(HTTPS, false, null);
			WebClient kept = clients.lease(first).web();
			for (int i = 1; i <= HttpClients.KEPT; i++) {
				clients.lease(settings(HTTPS, false, new Proxies.Proxy("proxy" + i, 3128, null, null))).web();
				if (i == 3) {
					clients.lease(first).web();
				}
			}
			assertThat(clients.kept()).hasSize(HttpClients.KEPT).contains(first)
				.doesNotContain(settings(HTTPS, false, new Proxies.Proxy("proxy1", 3128, null, null)));
			assertThat(clients.lease(first).web()).isSameAs(kept);
		}
	}
}
