package org.influxshell.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.auth.V3Client;
import org.influxshell.cli.Stderr;
import org.influxshell.connection.Connection;
import org.influxshell.connection.InfluxProperties;
import org.influxshell.support.TestProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpMethod;

/**
 * Requests through a real proxy process that demands credentials ({@link TestProxy}), in one JVM:
 * what one request chose ({@code --skip-verify}, a proxy and its credentials) never reaches
 * another's. {@code influx.test} is a name only the proxy knows (it maps it to the loopback stub).
 */
class InfluxHttpProxyTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().dynamicHttpsPort())
		.build();

	static final String TOKEN = "tok-0123456789abcdef";

	static TestProxy.Running proxy;

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	InfluxHttp http;

	final HttpClients clients = new HttpClients();

	@BeforeAll
	static void startProxy() throws Exception {
		proxy = TestProxy.start("pxuser:px secret", "influx.test=127.0.0.1");
	}

	@AfterAll
	static void stopProxy() throws Exception {
		proxy.close();
	}

	@BeforeEach
	void stub() {
		server.stubFor(get("/x").willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
	}

	@AfterEach
	void close() {
		clients.close();
	}

	InfluxHttp through(String proxyUrl) {
		http = new InfluxHttp(new InfluxProperties(), new Stderr(new PrintStream(err, true, StandardCharsets.UTF_8)),
				"test", Proxies.from(Map.of("HTTP_PROXY", proxyUrl, "HTTPS_PROXY", proxyUrl)), clients);
		return http;
	}

	static Connection https(boolean skipVerify) {
		return new Connection("https://influx.test:" + server.getHttpsPort(), TOKEN, "", skipVerify, false);
	}

	static Connection plain(boolean httpDebug) {
		return new Connection("http://influx.test:" + server.getPort(), TOKEN, "", false, httpDebug);
	}

	String refusedTls(Connection conn) {
		return "GET " + conn.baseUrl() + "/x: TLS certificate verification failed (";
	}

	@Test
	void skipVerifyHoldsForItsOwnRequestsOnlyInEitherOrder() {
		InfluxHttp http = through(proxy.url("pxuser:px%20secret"));
		for (int round = 0; round < 2; round++) {
			assertThatThrownBy(() -> http.send(https(false), HttpMethod.GET, "/x", null))
				.isInstanceOf(TransportException.class)
				.hasMessageStartingWith(refusedTls(https(false)));
			assertThat(http.send(https(true), HttpMethod.GET, "/x", null).text()).isEqualTo("{\"ok\":true}");
		}
		assertThatThrownBy(() -> http.send(https(false), HttpMethod.GET, "/x", null))
			.hasMessageStartingWith(refusedTls(https(false)));
		assertThat(System.getProperties().keySet()).noneMatch(k -> k.toString().startsWith("jdk.internal.httpclient")
				|| k.toString().startsWith("jdk.http.auth"));
	}

	@Test
	void plainHttpIsAnAbsoluteUriRequestWithBothCredentialsUpFront() throws Exception {
		String body = "{\"tokens\":\"" + "x".repeat(200_000) + "\"}";
		server.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody(body)));
		InfluxHttp http = through(proxy.url("pxuser:px%20secret"));
		assertThat(http.send(plain(false), HttpMethod.GET, "/x", null).text()).isEqualTo("{\"ok\":true}");
		// a large answer comes gzipped (Accept-Encoding: gzip, as Go asks) and is inflated
		assertThat(http.send(plain(false), HttpMethod.GET, "/big", null).text()).isEqualTo(body);
		String target = "http://influx.test:" + server.getPort();
		assertThat(proxy.awaitSeen("GET " + target + "/x auth=ok", "GET " + target + "/big auth=ok"))
			.noneMatch(line -> line.contains(target) && !line.endsWith("auth=ok"));
		server.verify(getRequestedFor(urlEqualTo("/x")).withHeader("Authorization", equalTo("Token " + TOKEN))
			.withHeader("Host", equalTo("influx.test:" + server.getPort())));
	}

	@Test
	void httpsTunnelsWithTheCredentialsOnTheConnectAndTheTokenInside() throws Exception {
		InfluxHttp http = through(proxy.url("pxuser:px%20secret"));
		assertThat(http.send(https(true), HttpMethod.GET, "/x", null).status()).isEqualTo(200);
		String connect = "CONNECT influx.test:" + server.getHttpsPort();
		assertThat(proxy.awaitSeen(connect + " auth=ok")).noneMatch(line -> line.startsWith(connect + " auth=none"));
		server.verify(getRequestedFor(urlEqualTo("/x")).withHeader("Authorization", equalTo("Token " + TOKEN)));
	}

	@Test
	void wrongProxyCredentialsAreRefusedInPlainWordsWithoutQuotingThePage() {
		InfluxHttp http = through(proxy.url("pxuser:wrong%20secret"));
		String proxyName = "http://127.0.0.1:" + proxy.port();
		assertThatThrownBy(() -> http.send(plain(true), HttpMethod.GET, "/x", null))
			.isInstanceOf(TransportException.class)
			.hasMessage("GET http://influx.test:" + server.getPort() + "/x: the proxy " + proxyName
					+ " did not accept the user name and password of the proxy URL (407 Proxy Authentication Required)");
		assertThatThrownBy(() -> http.send(https(true), HttpMethod.GET, "/x", null))
			.isInstanceOf(TransportException.class)
			.hasMessage("GET https://influx.test:" + server.getHttpsPort() + "/x: the proxy " + proxyName
					+ " did not accept the user name and password of the proxy URL (407 Proxy Authentication Required)");
		String debug = err.toString(StandardCharsets.UTF_8);
		assertThat(debug).contains("* via proxy " + proxyName + "\n", "> Proxy-Authorization: Basic ***\n",
				"< 407\n");
		assertThat(debug).doesNotContain("wrong secret").doesNotContain("pxuser").doesNotContain("Access denied");
	}

	@Test
	void aProxyThatWantsCredentialsSaysHowToGiveThem() {
		InfluxHttp http = through(proxy.url(null));
		assertThatThrownBy(() -> http.send(plain(false), HttpMethod.GET, "/x", null))
			.hasMessage("GET http://influx.test:" + server.getPort() + "/x: the proxy http://127.0.0.1:" + proxy.port()
					+ " asks for a user name and password (407 Proxy Authentication Required); give them in the proxy URL: "
					+ "http://USER:PASSWORD@HOST:PORT");
	}

	@Test
	void anInfluxDb3RefusalNeverShowsTheProxysCredentials() {
		// a server (or something between) that echoes what it was sent: the proxy's password and Basic value
		String basic = Base64.getEncoder().encodeToString("pxuser:px secret".getBytes(StandardCharsets.UTF_8));
		server.stubFor(delete(urlPathEqualTo("/api/v3/configure/token"))
			.willReturn(aResponse().withStatus(500).withBody("refused: px secret / Basic " + basic + " / " + TOKEN)));
		InfluxHttp http = through(proxy.url("pxuser:px%20secret"));
		assertThatThrownBy(() -> new V3Client(http).delete(plain(false), "ci"))
			.isInstanceOf(InfluxApiException.class)
			.hasMessage("500 Internal Server Error: refused: *** / Basic *** / ***");
	}

	@Test
	void anUnreachableProxyIsNamed() {
		InfluxHttp http = through("http://u:secret-pw@127.0.0.1:9");
		assertThatThrownBy(() -> http.send(plain(false), HttpMethod.GET, "/x", null))
			.isInstanceOf(TransportException.class)
			.hasMessage("GET http://influx.test:" + server.getPort()
					+ "/x: cannot reach the proxy http://127.0.0.1:9: connection refused");
		assertThatThrownBy(() -> http.send(https(true), HttpMethod.GET, "/x", null))
			.hasMessage("GET https://influx.test:" + server.getHttpsPort()
					+ "/x: cannot reach the proxy http://127.0.0.1:9: connection refused");
	}

	@Test
	void aMalformedProxyVariableIsAnErrorNamingIt() {
		http = new InfluxHttp(new InfluxProperties(), new Stderr(new PrintStream(err)), "test",
				Proxies.from(Map.of("http_proxy", "http://u:secret-pw@proxy.corp:notaport")), clients);
		assertThatThrownBy(() -> http.send(plain(false), HttpMethod.GET, "/x", null))
			.isInstanceOf(TransportException.class)
			.hasMessage("GET http://influx.test:" + server.getPort() + "/x: http_proxy is not a usable proxy URL "
					+ "(\"http://u:***@proxy.corp:notaport\": invalid port)");
	}
}
