package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import org.influxshell.support.InfluxStub.Perm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code auth list}: the server here ignores every query parameter and answers the whole list,
 * as influx-cli#515 shows upstream relying on; the filters must still hold.
 */
class AuthListCommandsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ORG_A = "9c5955fc99a60b8f";

	static final String ORG_B = "1111111111111111";

	static final String TOKEN_1 = "tvtsvwiRSOyEfxHpPSAEPYMxtU7-PJaEjtVvmC8L7C3bVMIooZyzfYcRkdB_DNbkWpYyBHUGTUsgZHqzJu9Z2A==";

	static final String TOKEN_2 = "aaaavwiRSOyEfxHpPSAEPYMxtU7-PJaEjtVvmC8L7C3bVMIooZyzfYcRkdB_DNbkWpYyBHUGTUsgZHqzJu9Z2A==";

	static final String TOKEN_3 = "bbbbvwiRSOyEfxHpPSAEPYMxtU7-PJaEjtVvmC8L7C3bVMIooZyzfYcRkdB_DNbkWpYyBHUGTUsgZHqzJu9Z2A==";

	static String telegraf(String token) {
		return authorization("0d099b627e605000", token, "active", "telegraf writer", "0d09973ac7605000", "alice", ORG_A,
				"my-org", List.of(new Perm("write", "buckets", "3a6f4e21d8c07b5e", ORG_A, "telegraf", "my-org")));
	}

	static String grafana(String token) {
		return authorization("0d099b627e606000", token, "inactive", "grafana reader", "0d09973ac7606000", "bob", ORG_A,
				"my-org", List.of(Perm.orgScoped("read", "buckets", ORG_A, "my-org")));
	}

	static String operator(String token) {
		return authorization("0d0990000e601000", token, "active", "", "0d09973ac7605000", "alice", ORG_B, "other-org",
				List.of(new Perm("read", "authorizations", null, null, null, null),
						new Perm("read", "orgs", ORG_B, null, null, null)));
	}

	@BeforeEach
	void everythingEveryTime() {
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations"))
			.willReturn(ok(InfluxStub.list(List.of(telegraf(TOKEN_1), operator(TOKEN_3), grafana(TOKEN_2))))));
	}

	Run auth(String args) {
		return run("auth " + args + " --host http://localhost:" + server.getPort() + " -t tok");
	}

	static final String HEADER = "ID\t\t\tDescription\tToken\t\t\t\t\t\t\t\t\t\t\t\tUser Name\tUser ID\t\t\tPermissions\n";

	@Test
	void listsEverythingSortedById() {
		Run r = auth("list");
		assertThat(r.err()).isEmpty();
		assertThat(r.out()).isEqualTo(HEADER
				+ "0d0990000e601000\t\t\t" + TOKEN_3 + "\talice\t\t0d09973ac7605000\t[read:/authorizations read:/orgs/1111111111111111]\n"
				+ "0d099b627e605000\ttelegraf writer\t" + TOKEN_1 + "\talice\t\t0d09973ac7605000\t[write:orgs/9c5955fc99a60b8f/buckets/3a6f4e21d8c07b5e]\n"
				+ "0d099b627e606000\tgrafana reader\t" + TOKEN_2 + "\tbob\t\t0d09973ac7606000\t[read:orgs/9c5955fc99a60b8f/buckets]\n");
	}

	@Test
	void userFilterHoldsEvenWhenTheServerIgnoresIt() {
		Run r = auth("ls --user bob --hide-headers");
		assertThat(r.out()).isEqualTo("0d099b627e606000\tgrafana reader\t" + TOKEN_2
				+ "\tbob\t0d09973ac7606000\t[read:orgs/9c5955fc99a60b8f/buckets]\n");
		server.verify(getRequestedFor(urlEqualTo("/api/v2/authorizations?user=bob")));
	}

	@Test
	void everyFilterIsSentAndApplied() {
		assertThat(ids(auth("find -u alice --org my-org --hide-headers"))).containsExactly("0d099b627e605000");
		server.verify(getRequestedFor(urlEqualTo("/api/v2/authorizations?user=alice&org=my-org")));
		assertThat(ids(auth("list --user-id 0d09973ac7605000 --org-id " + ORG_B + " --hide-headers")))
			.containsExactly("0d0990000e601000");
		server.verify(getRequestedFor(urlEqualTo("/api/v2/authorizations?userID=0d09973ac7605000&orgID=" + ORG_B)));
		assertThat(auth("list --user nobody --hide-headers").out()).isEmpty();
	}

	@Test
	void jsonIsAnArrayAndEmptyIsBrackets() {
		Run r = auth("list --user bob --json");
		assertThat(r.out()).isEqualTo("[\n\t{\n\t\t\"id\": \"0d099b627e606000\",\n\t\t\"description\": \"grafana reader\",\n"
				+ "\t\t\"token\": \"" + TOKEN_2 + "\",\n\t\t\"status\": \"inactive\",\n\t\t\"userName\": \"bob\",\n"
				+ "\t\t\"userID\": \"0d09973ac7606000\",\n\t\t\"permissions\": [\n\t\t\t\"read:orgs/9c5955fc99a60b8f/buckets\"\n\t\t]\n\t}\n]\n");
		assertThat(auth("list --user nobody --json").out()).isEqualTo("[]\n");
	}

	@Test
	void byIdUsesTheTokenEndpoint() {
		server.stubFor(get("/api/v2/authorizations/0d099b627e605000").willReturn(ok(telegraf(TOKEN_1))));
		assertThat(ids(auth("list --id 0D099B627E605000 --hide-headers"))).containsExactly("0d099b627e605000");
		assertThat(auth("list -i 0d099b627e605000 --json").out()).startsWith("{\n\t\"id\": \"0d099b627e605000\",");
		assertThat(auth("list -i 0d099b627e605000 --user bob --hide-headers").out()).isEmpty();
		assertThat(auth("list -i nope").err())
			.isEqualTo("Error: could not find authorization with ID \"nope\": id must have a length of 16 bytes\n");
	}

	@Test
	void severalIdsRepeatedOrCommaSeparatedAreEachListedOnce() {
		server.stubFor(get("/api/v2/authorizations/0d099b627e605000").willReturn(ok(telegraf(TOKEN_1))));
		server.stubFor(get("/api/v2/authorizations/0d099b627e606000").willReturn(ok(grafana(TOKEN_2))));
		List<String> both = List.of("0d099b627e605000", "0d099b627e606000");
		assertThat(ids(auth("list -i 0d099b627e606000 -i 0d099b627e605000 --hide-headers"))).isEqualTo(both);
		assertThat(ids(auth("list --id 0d099b627e606000,0d099b627e605000 --hide-headers"))).isEqualTo(both);
		assertThat(ids(auth("list --id 0d099b627e605000,0D099B627E605000 --hide-headers"))).containsExactly(both.get(0));
		Run json = auth("list --id 0d099b627e606000,0d099b627e605000 --json");
		assertThat(json.out()).startsWith("[\n\t{\n\t\t\"id\": \"0d099b627e605000\",")
			.contains("},\n\t{\n\t\t\"id\": \"0d099b627e606000\",").endsWith("\t}\n]\n");
		assertThat(auth("list -i 0d099b627e605000 -i 0d099b627e606000 --user bob --hide-headers").out())
			.startsWith("0d099b627e606000\t");
	}

	@Test
	void orgIdWithOrgIsAmbiguous() {
		Run r = auth("list --org-id " + ORG_A + " --org my-org");
		assertThat(r).isEqualTo(new Run(1, "", "Error: ambiguous org: use OrgId or OrgName, but not both. OrgID: "
				+ ORG_A + ", OrgName: my-org\n"));
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void unknownUserFromTheServerIsAnError() {
		server.stubFor(get(urlEqualTo("/api/v2/authorizations?user=ghost")).willReturn(error(404, "not found", "user not found")));
		assertThat(auth("list --user ghost")).isEqualTo(new Run(1, "",
				"Error: could not find authorization with given parameters: 404 Not Found: user not found\n"));
	}

	@Test
	void findsTheTokenOfALeakedValue() {
		Run r = auth("list --token-value " + TOKEN_2 + " --hide-headers");
		assertThat(ids(r)).containsExactly("0d099b627e606000");
		Run none = auth("list --token-value not-a-known-token");
		assertThat(none).isEqualTo(new Run(1, "", "Error: no authorization has that token value (3 tokens checked)\n"));
	}

	@Test
	void saysWhenTheServerHidesTokenValues() {
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations"))
			.willReturn(ok(InfluxStub.list(List.of(telegraf(""), grafana(""))))));
		assertThat(auth("list --token-value " + TOKEN_1)).isEqualTo(new Run(1, "", "Error: cannot match a token value: "
				+ "this server does not return token values (hashed tokens, InfluxDB 2.8+, or InfluxDB Cloud)\n"));
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations"))
			.willReturn(ok(InfluxStub.list(List.of(telegraf("redacted"))))));
		assertThat(auth("list --token-value " + TOKEN_1).err()).startsWith("Error: cannot match a token value");
	}

	@Test
	void anEmptyServerListGetsTheInactiveTokenHint() {
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of()))));
		Run r = auth("list");
		assertThat(r.exit()).isZero();
		assertThat(r.out()).isEqualTo("ID\tDescription\tToken\tUser Name\tUser ID\tPermissions\n");
		assertThat(r.err()).isEqualTo("Hint: the server returned no tokens at all; a 2.x server answers so when the "
				+ "token used is inactive or lacks the read:authorizations permission\n");
	}

	static List<String> ids(Run r) {
		return r.out().lines().map(l -> l.substring(0, l.indexOf('\t'))).toList();
	}
}
