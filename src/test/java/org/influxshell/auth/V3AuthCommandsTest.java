package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.V3Stub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token commands on InfluxDB 3 Core and Enterprise, against a stub that answers as the 3.10
 * server does: list from {@code system.tokens}, a leaked token found by its hash, create (admin
 * and resource tokens), delete down the one path with its safety rules, undo, and the refusals.
 */
class V3AuthCommandsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ROWS = "[{\"token_id\":0,\"name\":\"_admin\",\"hash\":\"" + V3Stub.OPERATOR_HASH
			+ "\",\"created_at\":\"2026-11-02T09:00:00\",\"permissions\":\"*:*:*\"},"
			+ "{\"token_id\":1,\"name\":\"ci-writer\",\"hash\":\"" + V3Stub.CI_HASH
			+ "\",\"created_at\":\"2026-11-02T09:05:10\",\"expiry\":\"2026-11-30T09:05:10\",\"permissions\":\"*:*:*\"},"
			+ "{\"token_id\":2,\"name\":\"leaked\",\"hash\":\"" + V3Stub.LEAKED_HASH
			+ "\",\"created_at\":\"2026-11-20T14:02:45.331\",\"permissions\":\"*:*:*\"},"
			+ "{\"token_id\":3,\"name\":\"dash\",\"hash\":\"" + V3Stub.DASH_HASH
			+ "\",\"created_at\":\"2026-12-01T08:00:00\",\"expiry\":\"2099-12-01T08:00:00\","
			+ "\"permissions\":\"db:sensors,lab:read,write\"}]";

	static final String QUERY = "{\"db\":\"_internal\",\"q\":\"SELECT * FROM system.tokens\",\"format\":\"json\"}";

	Path journal;

	@BeforeEach
	void v3Server() {
		journal = home.resolve(".influxdbv2/influx-shell-journal.jsonl");
		server.resetAll();
		server.stubFor(post(urlEqualTo("/api/v3/query_sql")).withRequestBody(equalToJson(QUERY))
			.withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR)).willReturn(V3Stub.rows(ROWS)));
		server.stubFor(get(urlEqualTo("/ping")).willReturn(V3Stub.ping("Core")));
	}

	Run auth(String args) {
		return run("auth " + args + " --host http://localhost:" + server.getPort() + " -t " + V3Stub.OPERATOR
				+ " --product v3");
	}

	String journalText() throws IOException {
		return Files.exists(journal) ? Files.readString(journal) : "";
	}

	static final String TABLE_HEADER = "ID\tName\t\tHash\t\tCreated\t\t\tExpiry\t\t\tPermissions\n";

	static final String ROW_0 = "0\t_admin\t\tbf8b0384a\t2026-11-02T09:00:00\t\t\t\t*:*:*\n";

	static final String ROW_1 = "1\tci-writer\t1a9b9ff04\t2026-11-02T09:05:10\t2026-11-30T09:05:10\t*:*:*\n";

	@Test
	void listsSystemTokensAsATable() {
		assertThat(auth("list")).isEqualTo(new Run(0, TABLE_HEADER + ROW_0 + ROW_1
				+ "2\tleaked\t\t7e27dfe58\t2026-11-20T14:02:45.331\t\t\t\t*:*:*\n"
				+ "3\tdash\t\td6cca1ce4\t2026-12-01T08:00:00\t2099-12-01T08:00:00\tdb:sensors,lab:read,write\n", ""));
	}

	@Test
	void listsAsJsonWithTheServersKeysAndNullsLeftOut() {
		Run r = auth("list --json --name _admin --name ci-writer");
		assertThat(r).isEqualTo(new Run(0, """
				[
				\t{
				\t\t"token_id": 0,
				\t\t"name": "_admin",
				\t\t"hash": "bf8b0384a",
				\t\t"created_at": "2026-11-02T09:00:00",
				\t\t"permissions": "*:*:*"
				\t},
				\t{
				\t\t"token_id": 1,
				\t\t"name": "ci-writer",
				\t\t"hash": "1a9b9ff04",
				\t\t"created_at": "2026-11-02T09:05:10",
				\t\t"expiry": "2026-11-30T09:05:10",
				\t\t"permissions": "*:*:*"
				\t}
				]
				""", ""));
	}

	@Test
	void filtersByIdAndExpiry() {
		assertThat(auth("list --expired")).isEqualTo(new Run(0, TABLE_HEADER + ROW_1, ""));
		assertThat(auth("list --id 0 --hide-headers")).isEqualTo(
				new Run(0, "0\t_admin\tbf8b0384a\t2026-11-02T09:00:00\t\t*:*:*\n", ""));
		assertThat(auth("list --id x")).isEqualTo(
				new Run(2, "", "Error: invalid token ID \"x\": an InfluxDB 3 token ID is a number\n"));
	}

	@Test
	void findsALeakedTokenByItsValueReadFromStdin() {
		Run r = runArgs(new String[] { "auth", "list", "--token-value", "-", "--hide-headers", "--host",
				"http://localhost:" + server.getPort(), "-t", V3Stub.OPERATOR, "--product", "v3" }, V3Stub.LEAKED + "\n");
		assertThat(r).isEqualTo(new Run(0, "2\tleaked\t7e27dfe58\t2026-11-20T14:02:45.331\t\t*:*:*\n", ""));
		Run none = runArgs(new String[] { "auth", "list", "--token-value", "-", "--host",
				"http://localhost:" + server.getPort(), "-t", V3Stub.OPERATOR, "--product", "v3" }, "apiv3_nothing\n");
		assertThat(none).isEqualTo(new Run(1, "", "Error: no token on this server has this value (compared by the "
				+ "SHA-512 hash the server shows)\n"));
	}

	@Test
	void errorsAreTheServersOwnWordsOnOneLine() {
		server.stubFor(post(urlEqualTo("/api/v3/query_sql")).withHeader("Authorization", equalTo("Token bad"))
			.willReturn(V3Stub.notAuthenticated()));
		Run r = run("auth list --host http://localhost:" + server.getPort() + " -t bad --product v3");
		assertThat(r).isEqualTo(new Run(1, "",
				"Error: could not list tokens: 401 Unauthorized: the request was not authenticated\n"));
	}

	@Test
	void createsANamedAdminTokenAndJournalsItWithoutItsValue() throws IOException {
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/named_admin"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"token_name\":\"ci\",\"expiry_secs\":2592000}"))
			.willReturn(V3Stub.created(4, "ci", V3Stub.CI, "2027-01-06T05:10:00.120Z")));
		assertThat(auth("create --name ci --expiry 30d")).isEqualTo(new Run(0, V3Stub.CREATED_TEXT, ""));
		String journaled = journalText();
		assertThat(journaled).contains("\"action\":\"create\"").contains("\"id\":\"4\"").contains("\"kind\":\"v3\"")
			.doesNotContain(V3Stub.CI).doesNotContain(V3Stub.OPERATOR);
	}

	@Test
	void createWithoutExpirySendsNullAndPrintsTheServersFieldsAsJson() {
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/named_admin"))
			.withRequestBody(equalToJson("{\"token_name\":\"ci\",\"expiry_secs\":null}"))
			.willReturn(V3Stub.created(4, "ci", V3Stub.CI, null)));
		assertThat(auth("create --name ci --json")).isEqualTo(new Run(0, "{\n\t\"id\": 4,\n\t\"name\": \"ci\",\n\t\"token\": \""
				+ V3Stub.CI + "\",\n\t\"hash\": \"" + "ab".repeat(64) + "\",\n\t\"created_at\": \"2026-12-07T05:10:00.120Z\",\n"
				+ "\t\"expiry\": null\n}\n", ""));
	}

	@Test
	void aTakenNameIsRefusedInTheServersWords() {
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/named_admin"))
			.willReturn(V3Stub.text(409, "token name already exists, ci")));
		assertThat(auth("create --name ci")).isEqualTo(new Run(1, "",
				"Error: could not create token \"ci\": 409 Conflict: token name already exists, ci\n"));
	}

	@Test
	void resourceTokensOnCoreAreRefusedBeforeAnyTokenRequest() {
		Run r = auth("create --name dash --permission db:sensors:read");
		assertThat(r).isEqualTo(new Run(2, "", "Error: " + V3Auth.CORE_HAS_NO_RESOURCE_TOKENS + "\n"));
		server.verify(0, postRequestedFor(anyUrl()));
		assertThat(auth("create --permission db:sensors:read")).isEqualTo(new Run(2, "",
				"Error: auth create on InfluxDB 3 needs --name: every token there has a unique name\n"));
		assertThat(auth("create --name x --permission db:sensors")).isEqualTo(new Run(2, "",
				"Error: invalid --permission \"db:sensors\": it takes TYPE:NAMES:ACTIONS, such as db:sensors,lab:read,write "
						+ "or system:health:read\n"));
		server.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void resourceTokensOnEnterprise() {
		server.stubFor(get(urlEqualTo("/ping")).willReturn(V3Stub.ping("Enterprise")));
		server.stubFor(post(urlEqualTo("/api/v3/enterprise/configure/token"))
			.withRequestBody(equalToJson("{\"token_name\":\"dash\",\"permissions\":[{\"resource_type\":\"db\","
					+ "\"resource_names\":[\"sensors\",\"lab\"],\"actions\":[\"read\",\"write\"]},{\"resource_type\":\"system\","
					+ "\"resource_names\":[\"health\"],\"actions\":[\"read\"]}],\"expiry_secs\":604800}"))
			.willReturn(V3Stub.created(5, "dash", V3Stub.CI, "2026-12-14T05:10:00.120Z")));
		Run r = auth("create --name dash --expiry 1w --permission db:sensors,lab:read,write --permission system:health:read");
		assertThat(r).isEqualTo(new Run(0, V3Stub.CREATED_TEXT, ""));
	}

	@Test
	void anEnterpriseThatWantsTheEarlierFieldNameGetsItOnce() {
		server.stubFor(get(urlEqualTo("/ping")).willReturn(V3Stub.ping("Enterprise")));
		server.stubFor(post(urlEqualTo("/api/v3/enterprise/configure/token"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"resource_names\""))
			.willReturn(V3Stub.text(400, "serde json error: missing field `resource_identifier` at line 1 column 98")));
		server.stubFor(post(urlEqualTo("/api/v3/enterprise/configure/token"))
			.withRequestBody(equalToJson("{\"token_name\":\"dash\",\"permissions\":[{\"resource_type\":\"db\","
					+ "\"resource_identifier\":[\"*\"],\"actions\":[\"read\"]}],\"expiry_secs\":null}"))
			.willReturn(V3Stub.created(5, "dash", V3Stub.CI, null)));
		assertThat(auth("create --name dash --permission db:*:read")).isEqualTo(new Run(0, V3Stub.CREATED_TEXT, ""));
		server.verify(2, postRequestedFor(urlEqualTo("/api/v3/enterprise/configure/token")));
	}

	@Test
	void aPermissionTheServerRefusesIsSaidInItsWords() {
		server.stubFor(get(urlEqualTo("/ping")).willReturn(V3Stub.ping("Enterprise")));
		server.stubFor(post(urlEqualTo("/api/v3/enterprise/configure/token"))
			.willReturn(V3Stub.text(500, "cannot parse token permission, action not supported, database action drop")));
		assertThat(auth("create --name dash --permission db:sensors:drop")).isEqualTo(new Run(1, "",
				"Error: could not create token \"dash\": 500 Internal Server Error: cannot parse token permission, action not "
						+ "supported, database action drop\n"));
	}

	@Test
	void theOperatorTokenIsRefusedBeforeAnyRequest() {
		Run r = auth("delete --name _admin --force");
		assertThat(r).isEqualTo(new Run(2, "", "Error: " + V3Tokens.OPERATOR_REFUSED + "\n"));
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aDeleteOffATerminalNeedsForce() {
		Run r = auth("delete --name leaked");
		assertThat(r).isEqualTo(new Run(2, "", "Error: deleting InfluxDB 3 tokens needs --force when not run from a "
				+ "terminal: a deleted token cannot be brought back\n"));
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void deletesByNameWithForceAndJournalsIt() throws IOException {
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked")).willReturn(V3Stub.deleted()));
		Run r = auth("delete --name leaked --force");
		assertThat(r).isEqualTo(new Run(0, "ID\tName\tHash\t\tCreated\t\t\tExpiry\tPermissions\tDeleted\n"
				+ "2\tleaked\t7e27dfe58\t2026-11-20T14:02:45.331\t\t*:*:*\t\ttrue\n", ""));
		assertThat(journalText()).contains("\"action\":\"delete\"").contains("\"id\":\"2\"").contains("\"kind\":\"v3\"")
			.contains("\"description\":\"leaked\"");
	}

	@Test
	void onATerminalADeleteIsAskedFirst() {
		server.stubFor(delete(urlPathEqualTo("/api/v3/configure/token")).willReturn(V3Stub.deleted()));
		questions.onTerminalAnswering(false);
		Run r = auth("delete --id 2 --id 3");
		assertThat(r).isEqualTo(new Run(1, "", "Error: nothing deleted\n"));
		assertThat(questions.shown()).containsExactly("ID\tName\tPermissions", "2\tleaked\t*:*:*",
				"3\tdash\tdb:sensors,lab:read,write",
				"Delete 2 token(s)? InfluxDB 3 cannot bring a deleted token back. [y/N] ");
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void aSelectorNeverPicksTheTokenInUseNorTheOperatorToken() {
		server.stubFor(post(urlEqualTo("/api/v3/query_sql")).withHeader("Authorization", equalTo("Token " + V3Stub.CI))
			.willReturn(V3Stub.rows(ROWS)));
		server.stubFor(delete(urlPathEqualTo("/api/v3/configure/token")).willReturn(V3Stub.deleted()));
		// the token in use is ci-writer, and it has expired: --expired picks it, and it is left out
		Run r = run("auth delete --expired --force --host http://localhost:" + server.getPort() + " -t " + V3Stub.CI
				+ " --product v3");
		assertThat(r).isEqualTo(new Run(0, "ID\tName\tHash\tCreated\tExpiry\tPermissions\n", "skipped 1 (ci-writer): it is the token this command uses; name it with "
				+ "--name to delete it\nNo token matches the selection; nothing deleted.\n"));
		server.verify(0, deleteRequestedFor(anyUrl()));
		Run operator = run("auth delete --token-value " + V3Stub.OPERATOR + " --force --host http://localhost:"
				+ server.getPort() + " -t " + V3Stub.CI + " --product v3");
		assertThat(operator).isEqualTo(new Run(0, "ID\tName\tHash\tCreated\tExpiry\tPermissions\n",
				"skipped 0 (_admin): the operator token cannot be deleted\nNo token matches the selection; nothing deleted.\n"));
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void aDryRunShowsWhatWouldGo() {
		Run r = auth("delete --expired --dry-run --hide-headers");
		assertThat(r).isEqualTo(new Run(0, ROW_1.replace("ci-writer\t", "ci-writer\t"),
				"Dry run: 1 token(s) would be deleted; nothing was deleted.\n"));
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void aFailedDeleteSaysWhatTheServerSaid() {
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked"))
			.willReturn(V3Stub.text(404, "the requested resource was not found: leaked")));
		assertThat(auth("delete --name leaked --force")).isEqualTo(new Run(1, "", "Error: could not delete token "
				+ "\"leaked\" (ID 2): 404 Not Found: the requested resource was not found: leaked\n"));
		assertThat(auth("delete --name nobody --force")).isEqualTo(
				new Run(1, "", "Error: could not find token \"nobody\": no such token\n"));
	}

	@Test
	void undoDeletesWhatARunMadeAndSaysADeletedTokenCannotComeBack() throws IOException {
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/named_admin"))
			.willReturn(V3Stub.created(2, "leaked", V3Stub.LEAKED, null)));
		server.stubFor(delete(urlPathEqualTo("/api/v3/configure/token")).willReturn(V3Stub.deleted()));
		assertThat(auth("create --name leaked").exit()).isZero();
		Run offTerminal = auth("undo");
		assertThat(offTerminal.exit()).isEqualTo(2);
		assertThat(offTerminal.err()).endsWith("Error: deleting InfluxDB 3 tokens needs --force when not run from a "
				+ "terminal: a deleted token cannot be brought back\n");
		server.verify(0, deleteRequestedFor(anyUrl()));
		Run undone = auth("undo --force --hide-headers");
		assertThat(undone.exit()).isZero();
		assertThat(undone.out()).isEqualTo("2\tleaked\t\t\t\t*:*:*\ttrue\n".replace("\t*:*:*", "\t"));
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked")));
		// the undo deleted it: undoing the undo cannot bring it back
		Run again = auth("undo --force");
		assertThat(again.exit()).isEqualTo(1);
		assertThat(again.err()).contains("cannot bring back deleted token 2 (leaked): InfluxDB 3 cannot restore a deleted "
				+ "token; make a new one with: auth create --name leaked\n")
			.endsWith("Error: 1 change(s) could not be put back\n");
	}

	@Test
	void influxDb3CannotDeactivateATokenAndOptionsOfTheOtherGenerationAreRefused() {
		String noStatus = "Error: InfluxDB 3 cannot deactivate a token: replace it with auth rotate, or delete it with "
				+ "auth delete (a deleted token cannot be brought back)\n";
		assertThat(auth("inactive --id 2")).isEqualTo(new Run(2, "", noStatus));
		assertThat(auth("active --id 2")).isEqualTo(new Run(2, "", noStatus));
		assertThat(auth("list --user bob")).isEqualTo(new Run(2, "",
				"Error: --user works with InfluxDB 2 only; this server is InfluxDB 3 (product v3)\n"));
		assertThat(auth("create --name x --org-id 0123456789abcdef")).isEqualTo(new Run(2, "",
				"Error: --org-id works with InfluxDB 2 only; this server is InfluxDB 3 (product v3)\n"));
		Run v2 = run("auth list --name x --host http://localhost:" + server.getPort() + " -t tok");
		assertThat(v2).isEqualTo(new Run(2, "", "Error: --name works with InfluxDB 3 only; this server is InfluxDB 2 "
				+ "(product v2): give --product v3, or keep it in the profile with config set -n NAME --product v3\n"));
		assertThat(run("auth list --product v4 --host http://localhost:" + server.getPort()).err()).isEqualTo("Error: --product takes v2 (InfluxDB 2) or v3 (InfluxDB 3 "
				+ "Core and Enterprise), not \"v4\"\n");
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void expiryDurations() {
		assertThat(V3Commands.seconds("30d")).isEqualTo(2_592_000);
		assertThat(V3Commands.seconds("1y")).isEqualTo(31_557_600);
		assertThat(V3Commands.seconds("1d12h")).isEqualTo(129_600);
		assertThat(V3Commands.seconds("90m")).isEqualTo(5_400);
		assertThat(auth("create --name x --expiry soon")).isEqualTo(new Run(2, "",
				"Error: invalid --expiry \"soon\": give a duration such as 90m, 12h, 30d, 1w or 1y\n"));
	}
}
