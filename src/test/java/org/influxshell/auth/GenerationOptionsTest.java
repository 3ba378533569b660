package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every option only one generation knows, given to an {@code auth} command on the other: a usage
 * error (exit 2) that names the option and both generations, before any request.
 */
class GenerationOptionsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@BeforeEach
	void reset() {
		server.resetAll();
	}

	Run auth(String args, String product) {
		return run("auth " + args + " --host http://localhost:" + server.getPort() + " -t tok --product " + product);
	}

	@ParameterizedTest(name = "{0} on InfluxDB 3")
	@CsvSource(delimiter = '|', value = {
			"list --user bob | --user",
			"list --user-id 0a6f1b2c3d4e4000 | --user-id",
			"list --org lab | --org",
			"list --org-id 0123456789abcdef | --org-id",
			"list --status active | --status",
			"create --name x --org lab | --org",
			"create --name x --org-id 0123456789abcdef | --org-id",
			"create --name x --user bob | --user",
			"create --name x --description d | --description",
			"create --name x --read-bucket 0123456789abcdef | --read-bucket",
			"create --name x --write-bucket 0123456789abcdef | --write-bucket",
			"create --name x --operator | --operator",
			"create --name x --all-access | --all-access",
			"create --name x --read-buckets | --read-buckets",
			"create --name x --write-dashboards | --write-dashboards",
			"delete --id 2 --user bob --force | --user" })
	void anInfluxDb2OptionOnInfluxDb3(String args, String option) {
		assertThat(auth(args, "v3")).isEqualTo(new Run(2, "",
				"Error: " + option + " works with InfluxDB 2 only; this server is InfluxDB 3 (product v3)\n"));
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest(name = "{0} on InfluxDB 2")
	@CsvSource(delimiter = '|', value = {
			"list --name x | --name",
			"list --expired | --expired",
			"list --description ci | --description",
			"create --name x | --name",
			"create --expiry 30d | --expiry",
			"create --permission db:sensors:read | --permission",
			"delete --name x | --name",
			"delete --expired | --expired",
			"undo --force | --force" })
	void anInfluxDb3OptionOnInfluxDb2(String args, String option) {
		assertThat(auth(args, "v2")).isEqualTo(new Run(2, "", "Error: " + option + " works with InfluxDB 3 only; this "
				+ "server is InfluxDB 2 (product v2): give --product v3, or keep it in the profile with config set -n NAME "
				+ "--product v3\n"));
		server.verify(0, anyRequestedFor(anyUrl()));
	}
}
