package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.error;
import static org.influxshell.support.InfluxStub.ok;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthBulkCommandsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ORG = "9c5955fc99a60b8f";

	static final String A = "0d099b627e601000";

	static final String B = "0d099b627e602000";

	static final String C = "0d099b627e603000";

	static final String MISSING = "0d099b627e609000";

	static final String ME = "{\n\t\"links\": {\n\t\t\"self\": \"/api/v2/users/0d09973ac7600001\"\n\t},\n"
			+ "\t\"id\": \"0d09973ac7600001\",\n\t\"name\": \"admin\",\n\t\"status\": \"active\"\n}";

	static String token(String id, String status, String description, String user) {
		return authorization(id, "", status, description, "0d09973ac760" + id.substring(12), user, ORG, "my-org", List.of());
	}

	@BeforeEach
	void tokens() {
		for (String[] t : new String[][] { { A, "telegraf writer", "alice" }, { B, "telegraf reader", "bob" },
				{ C, "grafana", "alice" } }) {
			String path = "/api/v2/authorizations/" + t[0];
			server.stubFor(get(path).willReturn(ok(token(t[0], "active", t[1], t[2]))));
			server.stubFor(patch(urlEqualTo(path)).withRequestBody(equalToJson("{\"status\":\"inactive\"}"))
				.willReturn(ok(token(t[0], "inactive", t[1], t[2]))));
			server.stubFor(delete(path).willReturn(noContent()));
		}
		// the caller is an operator of its own: none of alice's or bob's tokens can be the one in use
		server.stubFor(get("/api/v2/me").willReturn(ok(ME)));
		server.stubFor(get("/api/v2/authorizations/" + MISSING).willReturn(error(404, "not found", "authorization not found")));
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(
				token(C, "active", "grafana", "alice"), token(A, "active", "telegraf writer", "alice"),
				token(B, "active", "telegraf reader", "bob"))))));
	}

	Run auth(String args) {
		return run("auth " + args + " --host http://localhost:" + server.getPort() + " -t tok");
	}

	static List<String> ids(Run r) {
		return r.out().lines().map(l -> l.substring(0, l.indexOf('\t'))).toList();
	}

	@Test
	void repeatedAndCommaSeparatedIdsAreEachDoneOnceInIdOrder() {
		Run r = auth("inactive --id " + C + "," + A + " -i " + A.toUpperCase() + " --id=" + C + " --hide-headers");
		assertThat(r.exit()).isZero();
		assertThat(ids(r)).containsExactly(A, C);
		server.verify(1, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + A)));
		server.verify(1, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + C)));
		assertThat(auth("inactive --id " + A + "," + C + " --json").out()).startsWith("[\n\t{\n\t\t\"id\": \"" + A);
	}

	@Test
	void selectorsPickFromTheListOnTheClient() {
		assertThat(ids(auth("inactive --user alice --hide-headers"))).containsExactly(A, C);
		assertThat(ids(auth("inactive --description '^telegraf' --hide-headers"))).containsExactly(A, B);
		assertThat(ids(auth("inactive --user alice --description telegraf --hide-headers"))).containsExactly(A);
		assertThat(ids(auth("inactive --user bob --id " + C + " --hide-headers"))).containsExactly(B, C);
	}

	@Test
	void repeatedSelectorsSelectTheUnionAndDifferentSelectorsNarrow() {
		assertThat(ids(auth("inactive --user bob --user alice --dry-run --hide-headers"))).containsExactly(A, B, C);
		assertThat(ids(auth("inactive --description ^grafana --description reader --dry-run --hide-headers")))
			.containsExactly(B, C);
		assertThat(ids(auth("inactive --user alice --description writer --description grafana --hide-headers")))
			.containsExactly(A, C);
		assertThat(ids(auth("active --user bob --user nobody --description telegraf --dry-run --hide-headers")))
			.containsExactly(B);
		server.verify(0, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + B)));
	}

	@Test
	void deleteByRepeatedUsersDeletesExactlyTheirTokens() {
		assertThat(ids(auth("delete --user alice --user bob --force --hide-headers"))).containsExactly(A, B, C);
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/authorizations/" + A)));
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/authorizations/" + B)));
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/authorizations/" + C)));
	}

	@Test
	void inAScriptEveryFailedTokenIsNamedWithItsLine() throws Exception {
		java.nio.file.Path script = home.resolve("incident.influx");
		java.nio.file.Files.writeString(script, "# cut them off\nauth inactive --id " + A + "," + MISSING
				+ " --hide-headers --host http://localhost:" + server.getPort() + " -t tok\nconfig ls\n");
		Run r = runArgs(new String[] { "--spring.shell.script=" + script }, "");
		assertThat(r).isEqualTo(new Run(1, A + "\ttelegraf writer\t\talice\t0d09973ac7601000\t[]\n",
				script + ":2: Error: could not find auth with ID \"" + MISSING + "\": 404 Not Found: authorization not found\n"
						+ script + ":2: failed: " + MISSING + "\n" + script + ":2: Error: 1 of 2 tokens failed\n"));
	}

	@Test
	void partialFailureDoesTheRestNamesTheFailureAndExitsOne() {
		Run r = auth("inactive --id " + A + "," + MISSING + "," + B + " --hide-headers");
		assertThat(r.exit()).isEqualTo(1);
		assertThat(ids(r)).containsExactly(A, B);
		assertThat(r.err()).isEqualTo("Error: could not find auth with ID \"" + MISSING
				+ "\": 404 Not Found: authorization not found\nfailed: " + MISSING + "\nError: 1 of 3 tokens failed\n");
		server.verify(2, patchRequestedFor(anyUrl()));
	}

	@Test
	void dryRunChangesNothing() {
		Run r = auth("inactive --user alice --dry-run --hide-headers");
		assertThat(r.exit()).isZero();
		assertThat(ids(r)).containsExactly(A, C);
		assertThat(r.err()).isEqualTo("Dry run: 2 token(s) would be inactivated; nothing was changed.\n");
		Run d = auth("delete --description . --dry-run --hide-headers");
		assertThat(ids(d)).containsExactly(A, B, C);
		server.verify(0, patchRequestedFor(anyUrl()));
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void deleteOneShowsDeletedAndManyNeedForceOffATerminal() {
		Run one = auth("delete --id " + B);
		assertThat(one.out()).isEqualTo("ID\t\t\tDescription\tToken\tUser Name\tUser ID\t\t\tPermissions\tDeleted\n"
				+ B + "\ttelegraf reader\t\tbob\t\t0d09973ac7602000\t[]\t\ttrue\n");
		assertThat(auth("delete --id " + B + " --json").out()).isEqualTo("{\n\t\"id\": \"" + B
				+ "\",\n\t\"description\": \"telegraf reader\",\n\t\"token\": \"\",\n\t\"status\": \"active\",\n"
				+ "\t\"userName\": \"bob\",\n\t\"userID\": \"0d09973ac7602000\",\n\t\"permissions\": []\n}\n");
		server.verify(2, deleteRequestedFor(urlEqualTo("/api/v2/authorizations/" + B)));

		Run many = auth("delete --user alice");
		assertThat(many).isEqualTo(new Run(2, "", "Error: deleting 2 tokens needs --force when not run from a terminal\n"));
		assertThat(ids(auth("delete --user alice --force --hide-headers"))).containsExactly(A, C);
		server.verify(4, deleteRequestedFor(anyUrl()));
	}

	@Test
	void noSelectionIsAUsageErrorAndAnEmptyOneSaysSo() {
		assertThat(auth("active")).isEqualTo(new Run(2, "", "Error: at least one of --id, --user, --description, --token-value is required\n"));
		Run none = auth("inactive --user nobody --hide-headers");
		assertThat(none).isEqualTo(new Run(0, "", "No token matches the selection; nothing inactivated.\n"));
		assertThat(auth("inactive --description '(' ").err()).startsWith("Error: invalid --description pattern: ");
	}

	@Test
	@Timeout(60)
	void descriptionsAreGoRegularExpressionsMatchedInLinearTime() {
		// (?P<name>...) is Go's named group; Java's engine refuses it
		assertThat(ids(auth("inactive --description '^(?P<kind>telegraf) writer$' --dry-run --hide-headers")))
			.containsExactly(A);
		// a pattern that sends a backtracking engine into exponential time against this description
		String slow = "a".repeat(20_000) + "b";
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(
				token(A, "active", slow, "alice"), token(B, "active", "a".repeat(40), "bob"))))));
		Run r = auth("inactive --description '(.*a){30}$' --dry-run --hide-headers");
		assertThat(r.exit()).isZero();
		assertThat(ids(r)).containsExactly(B);
		assertThat(auth("inactive --description '(a+a+)+y' --user alice --hide-headers")).isEqualTo(new Run(0, "",
				"No token matches the selection; nothing inactivated.\n"));
	}
}
