package org.influxshell.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.V3Stub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A profile knows its server's generation: {@code config create} asks {@code /ping} (InfluxDB 3
 * answers 200 with its build, InfluxDB 2 answers 204 with a 2.x version), {@code --product}
 * overrides it, the configs file keeps it as {@code product}, {@code config list} shows it, and
 * the {@code auth} commands follow it.
 */
class ProductProfilesTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension v3 = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension v2 = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@BeforeEach
	void servers() {
		v3.resetAll();
		v2.resetAll();
		v3.stubFor(get(urlEqualTo("/ping")).withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR))
			.willReturn(V3Stub.ping("Core")));
		v3.stubFor(get(urlEqualTo("/ping")).withHeader("Authorization", equalTo("Token " + V3Stub.CI))
			.willReturn(V3Stub.notAuthenticated()));
		v2.stubFor(get(urlEqualTo("/ping")).willReturn(aResponse().withStatus(204)
			.withHeader("X-Influxdb-Build", "OSS").withHeader("X-Influxdb-Version", "v2.7.12")));
	}

	String v3Url() {
		return "http://127.0.0.1:" + v3.getPort();
	}

	String v2Url() {
		return "http://127.0.0.1:" + v2.getPort();
	}

	@Test
	void createAsksTheServerAndKeepsItsGeneration() throws Exception {
		Run r = run("config create -n core -u " + v3Url() + " -t " + V3Stub.OPERATOR);
		assertThat(r.exit()).isZero();
		assertThat(r.err()).isEmpty();
		assertThat(run("config create -n oss -u " + v2Url() + " -t tok").exit()).isZero();
		assertThat(Files.readString(configs)).isEqualTo("[core]\n"
				+ "  url = \"" + v3Url() + "\"\n"
				+ "  token = \"" + V3Stub.OPERATOR + "\"\n"
				+ "  org = \"\"\n"
				+ "  product = \"v3\"\n"
				+ "\n"
				+ "[oss]\n"
				+ "  url = \"" + v2Url() + "\"\n"
				+ "  token = \"tok\"\n"
				+ "  org = \"\"\n"
				+ "  product = \"v2\"\n"
				+ "# \n# [eu-central]\n#   url = \"https://eu-central-1-1.aws.cloud2.influxdata.com\"\n#   token = \"XXX\"\n"
				+ "#   org = \"\"\n# \n# [us-central]\n#   url = \"https://us-central1-1.gcp.cloud2.influxdata.com\"\n"
				+ "#   token = \"XXX\"\n#   org = \"\"\n# \n# [us-west]\n#   url = \"https://us-west-2-1.aws.cloud2.influxdata.com\"\n"
				+ "#   token = \"XXX\"\n#   org = \"\"\n");
	}

	@Test
	void aTokenThatServerRefusesStillShowsInfluxDb3() throws Exception {
		assertThat(run("config create -n core -u " + v3Url() + " -t " + V3Stub.CI).exit()).isZero();
		assertThat(Files.readString(configs)).contains("  product = \"v3\"\n");
	}

	@Test
	void productGivenIsKeptWithoutAsking() throws Exception {
		assertThat(run("config create -n later -u http://127.0.0.1:9 --product v3").exit()).isZero();
		assertThat(Files.readString(configs)).contains("[later]\n  url = \"http://127.0.0.1:9\"\n  token = \"\"\n"
				+ "  org = \"\"\n  product = \"v3\"\n");
		assertThat(run("config set -n later --product v2").exit()).isZero();
		assertThat(Files.readString(configs)).contains("  product = \"v2\"\n");
		assertThat(run("config create -n bad -u http://127.0.0.1:9 --product v9")).isEqualTo(new Run(2, "",
				"Error: --product takes v2 (InfluxDB 2) or v3 (InfluxDB 3 Core and Enterprise), not \"v9\"\n"));
	}

	@Test
	void aServerThatDoesNotAnswerLeavesTheGenerationOut() throws Exception {
		Run r = run("config create -n gone -u http://127.0.0.1:9 -t tok");
		assertThat(r.exit()).isZero();
		assertThat(Files.readString(configs)).doesNotContain("product");
	}

	@Test
	void listShowsTheGenerationInWideAndAlwaysInJson() {
		run("config create -n core -u " + v3Url() + " -t " + V3Stub.OPERATOR + " -a");
		run("config create -n plain -u http://127.0.0.1:9 -t tok");
		assertThat(run("config list").out()).doesNotContain("Product");
		assertThat(run("config list --wide").out()).isEqualTo("Active\tName\tURL\t\t\tOrg\tProduct\n"
				+ "*\tcore\t" + v3Url() + "\t\tv3\n"
				+ "\tplain\thttp://127.0.0.1:9\t\t\n");
		assertThat(run("config list --json").out()).isEqualTo("{\n\t\"core\": {\n\t\t\"url\": \"" + v3Url() + "\",\n"
				+ "\t\t\"token\": \"" + V3Stub.OPERATOR + "\",\n\t\t\"org\": \"\",\n\t\t\"active\": true,\n\t\t\"product\": \"v3\"\n"
				+ "\t},\n\t\"plain\": {\n\t\t\"url\": \"http://127.0.0.1:9\",\n\t\t\"token\": \"tok\",\n\t\t\"org\": \"\"\n"
				+ "\t}\n}\n");
	}

	@Test
	void theAuthCommandsFollowTheProfilesGeneration() {
		run("config create -n core -u " + v3Url() + " -t " + V3Stub.OPERATOR + " -a");
		v3.stubFor(post(urlEqualTo("/api/v3/query_sql")).willReturn(V3Stub.rows("[]")));
		assertThat(run("auth list")).isEqualTo(new Run(0, "ID\tName\tHash\tCreated\tExpiry\tPermissions\n", ""));
		// --product overrides the profile: v2's path is asked
		v3.resetRequests();
		Run asV2 = run("auth list --product v2");
		assertThat(asV2.exit()).isEqualTo(1);
		v3.verify(1, getRequestedFor(urlEqualTo("/api/v2/authorizations")));
		v2.verify(0, anyRequestedFor(anyUrl()));
	}
}
