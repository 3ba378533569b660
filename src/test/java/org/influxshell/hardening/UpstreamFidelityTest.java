package org.influxshell.hardening;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.error;
import static org.influxshell.support.InfluxStub.ok;

import java.nio.file.Files;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same bytes and words as upstream {@code influx} where a script would notice, and terminal-safe text. */
class UpstreamFidelityTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ID = "0d099b627e605000";

	Run auth(String args) {
		return run("auth " + args + " --host http://localhost:" + server.getPort() + " -t tok");
	}

	@Test
	void hostUrlsAreStoredAsGoWritesThem() throws Exception {
		assertThat(run("config create -n a -u HTTP://Example.COM:8086/ --hide-headers").out())
			.isEqualTo("\ta\thttp://Example.COM:8086/\t\n");
		assertThat(run("config create -n b -u 'https://gw.example.com/in flux/<x>?q=<1>&r=a%20b' --json").out())
			.isEqualTo("{\n\t\"url\": \"https://gw.example.com/in%20flux/%3Cx%3E?q=\\u003c1\\u003e\\u0026r=a%20b\",\n"
					+ "\t\"token\": \"\",\n\t\"org\": \"\"\n}\n");
		assertThat(run("config create -n c -u http://h:1/a%2Fb%20c --hide-headers").out())
			.isEqualTo("\tc\thttp://h:1/a%2Fb%20c\t\n");
		assertThat(run("config set -n c -u http://h:1/ü --hide-headers").out()).isEqualTo("\tc\thttp://h:1/%C3%BC\t\n");
		assertThat(Files.readString(configs)).contains("url = \"http://Example.COM:8086/\"",
				"url = \"https://gw.example.com/in%20flux/%3Cx%3E?q=<1>&r=a%20b\"");
		assertThat(run("config create -n d -u http://h:1/a%zz"))
			.isEqualTo(new Run(1, "", "Error: host URL \"http://h:1/a%zz\" is invalid: invalid URL escape \"%zz\"\n"));
	}

	@Test
	void aUserWithoutPasswordIsStoredForSignInToAsk() throws Exception {
		assertThat(run("config create -n p -u http://h:1 -p bob").exit()).isZero();
		assertThat(Files.readString(configs)).contains("  token = \"\"\n", "  cookie = \"Ym9i\"\n");
	}

	@Test
	void failuresBeginWithUpstreamsWords() {
		server.stubFor(get("/api/v2/authorizations/" + ID).willReturn(error(404, "not found", "authorization not found")));
		assertThat(auth("list --id " + ID).err()).isEqualTo("Error: could not find authorization with ID \"" + ID
				+ "\": 404 Not Found: authorization not found\n");
		String other = "0d099b627e606000";
		server.stubFor(get("/api/v2/authorizations/" + other).willReturn(ok(authorization(other, "", "active", "d", "0d09973ac7605000",
				"alice", "9c5955fc99a60b8f", "o", List.of()))));
		server.stubFor(delete("/api/v2/authorizations/" + other).willReturn(error(403, "forbidden", "insufficient permissions")));
		assertThat(auth("delete --id " + other).err()).isEqualTo("Error: could not remove auth with ID \"" + other
				+ "\": 403 Forbidden: insufficient permissions\n");
		assertThat(run("config create -n x -u http://x:1 -t t -p u:p").err()).isEqualTo("Error: "
				+ "cannot specify `--token` and `--username-password` together, please choose one\n");
	}

	@Test
	void serverTextCannotBreakATableOrForgeALine() {
		String sneaky = "legit\\tcolumn\\n\\u001b]0;pwned\\u0007\\u001b[31mred\\u009b";
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(
				authorization(ID, "", "active", sneaky, "0d09973ac7605000", "alice", "9c5955fc99a60b8f", "o", List.of()))))));
		Run table = auth("list --hide-headers");
		assertThat(table.out()).isEqualTo(ID + "\tlegit\\tcolumn\\n\\x1b]0;pwned\\x07\\x1b[31mred\\u009b\t\talice\t"
				+ "0d09973ac7605000\t[]\n");
		// JSON escapes as Go does (C1 characters are written as they are)
		assertThat(auth("list --json").out())
			.contains("\"description\": \"legit\\tcolumn\\n\\u001b]0;pwned\\u0007\\u001b[31mred\u009b\",");
		server.stubFor(get("/api/v2/authorizations/" + ID).willReturn(ok(authorization(ID, "", "active", "x",
				"0d09973ac7605000", "alice", "9c5955fc99a60b8f", "o", List.of()))));
		server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + ID))
			.willReturn(error(500, "internal error", "boom\\nError: everything is fine\\u001b[2J")));
		assertThat(auth("inactive --id " + ID)).isEqualTo(new Run(1, "", "Error: could not update status of auth with ID \""
				+ ID + "\": 500 Internal Server Error: boom\\nError: everything is fine\\x1b[2J\n"));
	}
}
