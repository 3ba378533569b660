package org.influxshell.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.influxshell.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code http.ProxyFromEnvironment} rules, case by case. */
class ProxiesTest {

	static String proxyFor(String noProxy, String target) {
		Map<String, String> env = new HashMap<>();
		env.put("HTTP_PROXY", "http://hp:3128");
		env.put("HTTPS_PROXY", "https://sp:8443");
		if (!noProxy.isEmpty()) {
			env.put("NO_PROXY", noProxy);
		}
		return Proxies.from(env).forTarget(URI.create(target)).map(Proxies.Proxy::toString).orElse("direct");
	}

	@ParameterizedTest(name = "NO_PROXY={0} {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			~~                        | http://influx.test:8086     | http://hp:3128
			~~                        | https://influx.test         | http://sp:8443
			~~                        | http://localhost:8086       | direct
			~~                        | http://127.0.0.1:8086       | direct
			~~                        | http://127.9.9.9:8086       | direct
			~~                        | http://[::1]:8086           | direct
			*                         | http://influx.test          | direct
			example.com               | http://example.com          | direct
			example.com               | http://db.example.com       | direct
			example.com               | http://notexample.com       | http://hp:3128
			.example.com              | http://example.com          | http://hp:3128
			.example.com              | http://db.example.com       | direct
			*.example.com             | http://db.example.com       | direct
			EXAMPLE.com               | http://Db.Example.COM       | direct
			example.com:8086          | http://example.com:8086     | direct
			example.com:8086          | http://example.com:9999     | http://hp:3128
			example.com:443           | https://example.com         | direct
			10.1.2.3                  | http://10.1.2.3:8086        | direct
			10.1.2.3                  | http://10.1.2.4:8086        | http://hp:3128
			10.0.0.0/8                | http://10.200.1.1           | direct
			10.0.0.0/8                | http://11.0.0.1             | http://hp:3128
			192.168.1.0/24            | http://192.168.2.1          | http://hp:3128
			~ foo.com , influx.test ~ | http://influx.test          | direct
			""")
	void goRules(String noProxy, String target, String expected) {
		assertThat(proxyFor(noProxy, target)).isEqualTo(expected);
	}

	@Test
	void upperCaseWinsBareHostPortMeansHttpAndCredentialsNeverShow() {
		Map<String, String> env = Map.of("HTTP_PROXY", "proxy.corp:3128", "http_proxy", "http://other:1",
				"https_proxy", "http://user:p%40ss@sp:8080");
		Proxies proxies = Proxies.from(env);
		Proxies.Proxy http = proxies.forTarget(URI.create("http://influx.test")).orElseThrow();
		assertThat(http).isEqualTo(new Proxies.Proxy("proxy.corp", 3128, null, null));
		Proxies.Proxy https = proxies.forTarget(URI.create("https://influx.test")).orElseThrow();
		assertThat(https.user()).isEqualTo("user");
		assertThat(https.password()).isEqualTo("p@ss");
		assertThat(https.toString()).isEqualTo("http://sp:8080").doesNotContain("p@ss");
		assertThat(Proxies.from(Map.of()).isEmpty()).isTrue();
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			HTTP_PROXY  | :notaport                     | http://influx.test  | HTTP_PROXY is not a usable proxy URL (":notaport": invalid port)
			http_proxy  | http://proxy.corp:99999       | http://influx.test  | http_proxy is not a usable proxy URL ("http://proxy.corp:99999": port out of range)
			HTTPS_PROXY | ftp://proxy.corp:21           | https://influx.test | HTTPS_PROXY is not a usable proxy URL ("ftp://proxy.corp:21": unsupported proxy scheme "ftp", use http://)
			HTTPS_PROXY | socks5://u:pw@proxy.corp:1080 | https://influx.test | HTTPS_PROXY is not a usable proxy URL ("socks5://u:***@proxy.corp:1080": unsupported proxy scheme "socks5", use http://)
			HTTP_PROXY  | http://u:s3cret pw@proxy:3128 | http://influx.test  | HTTP_PROXY is not a usable proxy URL ("http://u:***@proxy:3128": not a URL)
			HTTP_PROXY  | http://                       | http://influx.test  | HTTP_PROXY is not a usable proxy URL ("http://": not a URL)
			""")
	void aMalformedProxyIsAnErrorNamingTheVariableNeverThePassword(String name, String value, String target,
			String message) {
		Proxies proxies = Proxies.from(Map.of(name, value));
		assertThatThrownBy(() -> proxies.forTarget(URI.create(target))).isInstanceOf(CliException.class)
			.hasMessage(message);
	}

	@Test
	void aMalformedProxyIsNoErrorWhereNoProxyIsUsed() {
		Proxies proxies = Proxies.from(Map.of("HTTP_PROXY", ":notaport", "NO_PROXY", "db.corp"));
		assertThat(proxies.forTarget(URI.create("http://localhost:8086"))).isEmpty();
		assertThat(proxies.forTarget(URI.create("http://db.corp:8086"))).isEmpty();
		assertThat(proxies.forTarget(URI.create("https://influx.test"))).isEmpty();
	}
}
