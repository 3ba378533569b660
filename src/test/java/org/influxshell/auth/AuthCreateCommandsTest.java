package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.error;
import static org.influxshell.support.InfluxStub.json;
import static org.influxshell.support.InfluxStub.ok;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.configs.Profile;
import org.influxshell.configs.TomlProfileStore;
import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub.Perm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthCreateCommandsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ORG = "9c5955fc99a60b8f";

	static final String ME = "0d09973ac7605000";

	static final String BOB = "0d09973ac7606000";

	static final String NEW_TOKEN = "nEwToKeNwiRSOyEfxHpPSAEPYMxtU7-PJaEjtVvmC8L7C3bVMIooZyzfYcRkdB_DNbkWpYyBHUGTUsgZHqzJu9Z2A==";

	@BeforeEach
	void directory() {
		server.stubFor(get("/api/v2/orgs?org=my-org").willReturn(ok("{\n\t\"links\": {\n\t\t\"self\": \"/api/v2/orgs\"\n\t},\n"
				+ "\t\"orgs\": [\n\t\t{\n\t\t\t\"id\": \"" + ORG + "\",\n\t\t\t\"name\": \"my-org\",\n\t\t\t\"description\": \"\"\n\t\t}\n\t]\n}")));
		server.stubFor(get("/api/v2/orgs?org=nope").willReturn(error(404, "not found", "organization name \\\"nope\\\" not found")));
		server.stubFor(get("/api/v2/users?name=bob").willReturn(ok("{\n\t\"links\": {\n\t\t\"self\": \"/api/v2/users\"\n\t},\n"
				+ "\t\"users\": [\n\t\t{\n\t\t\t\"links\": {\n\t\t\t\t\"self\": \"/api/v2/users/" + BOB + "\"\n\t\t\t},\n"
				+ "\t\t\t\"id\": \"" + BOB + "\",\n\t\t\t\"name\": \"bob\",\n\t\t\t\"status\": \"active\"\n\t\t}\n\t]\n}")));
		server.stubFor(get("/api/v2/me").willReturn(ok("{\n\t\"id\": \"" + ME + "\",\n\t\"name\": \"me\",\n\t\"status\": \"active\"\n}")));
		server.stubFor(post("/api/v2/authorizations").willReturn(json(201, authorization("0d099b627e607000", NEW_TOKEN,
				"active", "new one", ME, "me", ORG, "my-org", List.of(Perm.orgScoped("read", "buckets", ORG, "my-org"))))));
	}

	Run create(String args) {
		return run("auth create " + args + " --host http://localhost:" + server.getPort() + " -t tok");
	}

	String sentBody() {
		return server.getAllServeEvents().stream().filter(e -> e.getRequest().getMethod().getName().equals("POST"))
			.findFirst().orElseThrow().getRequest().getBodyAsString();
	}

	static String perm(String action, String type, String id, String orgID) {
		return "{\"action\":\"" + action + "\",\"resource\":{\"type\":\"" + type + "\""
				+ (id == null ? "" : ",\"id\":\"" + id + "\"") + (orgID == null ? "" : ",\"orgID\":\"" + orgID + "\"") + "}}";
	}

	@Test
	void specificFlagsSendExactlyThosePermissionsAndPrintTheNewToken() {
		Run r = create("--org my-org -d 'new one' --read-bucket 3A6F4E21D8C07B5E --write-bucket 3a6f4e21d8c07b5e "
				+ "--write-bucket 4a6f4e21d8c07b5e --read-dashboards --write-tasks --read-tasks --hide-headers");
		assertThat(r.err()).isEmpty();
		assertThat(r.out()).isEqualTo("0d099b627e607000\tnew one\t" + NEW_TOKEN + "\tme\t" + ME
				+ "\t[read:orgs/9c5955fc99a60b8f/buckets]\n");
		assertThat(sentBody()).isEqualTo("{\"orgID\":\"" + ORG + "\",\"description\":\"new one\",\"permissions\":["
				+ perm("read", "buckets", "3a6f4e21d8c07b5e", ORG) + "," + perm("write", "buckets", "3a6f4e21d8c07b5e", ORG)
				+ "," + perm("write", "buckets", "4a6f4e21d8c07b5e", ORG) + "," + perm("read", "dashboards", null, ORG)
				+ "," + perm("read", "tasks", null, ORG) + "," + perm("write", "tasks", null, ORG) + "]}");
	}

	@Test
	void orgsAndUsersAreNeverScopedToTheOrg() {
		create("--org my-org --read-orgs --write-users --read-buckets");
		assertThat(sentBody()).isEqualTo("{\"orgID\":\"" + ORG + "\",\"permissions\":["
				+ "{\"action\":\"read\",\"resource\":{\"type\":\"buckets\",\"orgID\":\"" + ORG + "\"}},"
				+ "{\"action\":\"read\",\"resource\":{\"type\":\"orgs\"}},"
				+ "{\"action\":\"write\",\"resource\":{\"type\":\"users\"}}]}");
	}

	@Test
	void lookupsThatFindNothingSayItInUpstreamsWords() {
		server.stubFor(get("/api/v2/orgs?org=empty").willReturn(ok("{\n\t\"links\": {\n\t\t\"self\": \"/api/v2/orgs\"\n\t},"
				+ "\n\t\"orgs\": []\n}")));
		server.stubFor(get("/api/v2/users?name=nobody").willReturn(ok("{\n\t\"links\": {\n\t\t\"self\": \"/api/v2/users\"\n\t},"
				+ "\n\t\"users\": []\n}")));
		assertThat(create("--org empty --read-buckets")).isEqualTo(new Run(1, "", "Error: no organization with name \"empty\"\n"));
		assertThat(create("--org my-org --user nobody --read-buckets"))
			.isEqualTo(new Run(1, "", "Error: could not find user with name \"nobody\"\n"));
	}

	@Test
	void orgIdAndUserNameAreResolved() {
		create("--org-id " + ORG + " --user bob --read-buckets --json");
		assertThat(sentBody()).isEqualTo("{\"orgID\":\"" + ORG + "\",\"userID\":\"" + BOB + "\",\"permissions\":["
				+ perm("read", "buckets", null, ORG) + "]}");
	}

	@Test
	void quotesAndUnicodeInTheDescriptionAreSentAsJson() {
		assertThat(create("--org-id " + ORG + " -d 'say \"hi\" ☃ <&>' --read-buckets").exit()).isZero();
		assertThat(sentBody()).isEqualTo("{\"orgID\":\"" + ORG + "\",\"description\":\"say \\\"hi\\\" ☃ <&>\",\"permissions\":["
				+ perm("read", "buckets", null, ORG) + "]}");
	}

	@Test
	void theProfileOrgIsTheLastResort() {
		new TomlProfileStore(configs).update(p -> p.with(new Profile("main", "http://localhost:" + server.getPort(),
				"tok", "my-org", true, false, "")));
		assertThat(run("auth create --write-buckets --hide-headers").exit()).isZero();
		server.verify(postRequestedFor(urlEqualTo("/api/v2/authorizations"))
			.withRequestBody(equalToJson("{\"orgID\":\"" + ORG + "\",\"permissions\":[" + perm("write", "buckets", null, ORG) + "]}")));
	}

	/** Every 2.7 resource type but {@code instance}, in the server's own order (its {@code AllResourceTypes}). */
	static final List<String> SERVER_ORDER = List.of("authorizations", "buckets", "dashboards", "orgs", "sources", "tasks",
			"telegrafs", "users", "variables", "scrapers", "secrets", "labels", "views", "documents", "notificationRules",
			"notificationEndpoints", "checks", "dbrp", "notebooks", "annotations", "remotes", "replications");

	@Test
	void operatorIsEveryTypeWithoutOrg() {
		create("--org my-org --operator");
		List<String> perms = new ArrayList<>();
		for (String type : SERVER_ORDER) {
			perms.add(perm("read", type, null, null));
			perms.add(perm("write", type, null, null));
		}
		assertThat(sentBody()).isEqualTo("{\"orgID\":\"" + ORG + "\",\"permissions\":[" + String.join(",", perms) + "]}");
		assertThat(sentBody()).doesNotContain("instance");
	}

	@Test
	void allAccessIsScopedToTheOrgAndTheCallingUser() {
		create("--org my-org --all-access");
		List<String> perms = new ArrayList<>();
		for (String type : SERVER_ORDER) {
			if (type.equals("orgs")) {
				perms.add(perm("read", "orgs", ORG, null));
			}
			else if (type.equals("users")) {
				perms.add(perm("read", "users", ME, null));
				perms.add(perm("write", "users", ME, null));
			}
			else {
				perms.add(perm("read", type, null, ORG));
				perms.add(perm("write", type, null, ORG));
			}
		}
		assertThat(sentBody()).isEqualTo("{\"orgID\":\"" + ORG + "\",\"permissions\":[" + String.join(",", perms) + "]}");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			--org my-org --operator --read-buckets      => 1 => cannot compose other permissions with operator permissions
			--org my-org --all-access --read-bucket 3a6f4e21d8c07b5e => 1 => cannot compose other permissions with all access permissions
			--org my-org --all-access --operator        => 1 => cannot compose other permissions with all access permissions
			--org my-org --operator --read-bucket mybucket => 1 => invalid bucket ID 'mybucket': id must have a length of 16 bytes (did you pass a bucket name instead of an ID?)
			--org my-org                                => 2 => no permissions given: use --read-X/--write-X, --read-bucket/--write-bucket, --operator or --all-access
			--org my-org --read-bucket mybucket         => 1 => invalid bucket ID 'mybucket': id must have a length of 16 bytes (did you pass a bucket name instead of an ID?)
			--org my-org --write-bucket zzzzzzzzzzzzzzzz => 1 => invalid bucket ID 'zzzzzzzzzzzzzzzz': invalid ID (did you pass a bucket name instead of an ID?)
			--org my-org --read-bucket 0000000000000000 => 1 => invalid bucket ID '0000000000000000': invalid ID (did you pass a bucket name instead of an ID?)
			--org-id 9c5955fc99a60b8f --org my-org --read-buckets => 1 => ambiguous org: use OrgId or OrgName, but not both. OrgID: 9c5955fc99a60b8f, OrgName: my-org
			--read-buckets                              => 1 => must specify org ID or org name (--org-id, --org, or a profile with an org)
			""")
	void refusedBeforeAnyRequest(String args, int exit, String message) {
		assertThat(create(args)).isEqualTo(new Run(exit, "", "Error: " + message + "\n"));
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void serverRefusalsReadLikeUpstream() {
		assertThat(create("--org nope --read-buckets").err())
			.isEqualTo("Error: failed to lookup org with name \"nope\": 404 Not Found: organization name \"nope\" not found\n");
		server.stubFor(post("/api/v2/authorizations").willReturn(error(403, "forbidden",
				"permission write:orgs/9c5955fc99a60b8f/users is not allowed: write:orgs/9c5955fc99a60b8f/users is unauthorized")));
		assertThat(create("--org my-org --write-users").err()).isEqualTo("Error: could not write auth with provided arguments: "
				+ "403 Forbidden: permission write:orgs/9c5955fc99a60b8f/users is not allowed: write:orgs/9c5955fc99a60b8f/users is unauthorized\n");
	}
}
