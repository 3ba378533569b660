package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.error;
import static org.influxshell.support.InfluxStub.json;
import static org.influxshell.support.InfluxStub.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code v1 auth} against a stub that answers as an InfluxDB 2.7 server answers on
 * {@code /private/legacy/authorizations}: exact stdout bytes, error lines and exit codes, the
 * journal and {@code auth undo}, and passwords kept out of everything printed or kept.
 */
class V1AuthCommandsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String PREFIX = "/private/legacy/authorizations";

	static final String A = "0d0a1b2c3d4e5001";

	static final String B = "0d0a1b2c3d4e5002";

	static final String NEW = "0d0a1b2c3d4e5003";

	static final String ORG_ID = "9c5955fc99a60b8f";

	static final String BUCKET = "0d0b0c0d0e0f1001";

	static final String PASSWORD = "s3cret-pass-word";

	Path journal;

	@BeforeEach
	void stubs() {
		journal = home.resolve(".influxdbv2/influx-shell-journal.jsonl");
		stateful(A, "grafana", "grafana reader");
		stateful(B, "telegraf", "telegraf writer");
		server.stubFor(get(urlPathEqualTo(PREFIX)).atPriority(5).willReturn(ok(list(v1(A, "grafana", "active",
				"grafana reader"), v1(B, "telegraf", "active", "telegraf writer")))));
	}

	/** A v1 authorization as the server writes it: the username in token. */
	static String v1(String id, String username, String status, String description) {
		return InfluxStub.authorization(id, username, status, description, "0d09973ac7600001", "ops", ORG_ID, "my-org",
				List.of(new InfluxStub.Perm("read", "buckets", BUCKET, ORG_ID, "telegraf", "my-org")))
			.replace("/api/v2/authorizations/", PREFIX + "/");
	}

	static String list(String... auths) {
		return InfluxStub.list(List.of(auths)).replace("\"/api/v2/authorizations\"", "\"" + PREFIX + "\"");
	}

	/** GET, PATCH and DELETE of one v1 authorization, following its status as a server would. */
	void stateful(String id, String username, String description) {
		String path = PREFIX + "/" + id;
		String active = v1(id, username, "active", description);
		String inactive = v1(id, username, "inactive", description);
		for (String state : new String[] { STARTED, "inactive" }) {
			server.stubFor(get(path).inScenario(id).whenScenarioStateIs(state)
				.willReturn(ok(state.equals(STARTED) ? active : inactive)));
			server.stubFor(patch(urlEqualTo(path)).inScenario(id).whenScenarioStateIs(state)
				.withRequestBody(equalToJson("{\"status\":\"inactive\"}")).willReturn(ok(inactive)).willSetStateTo("inactive"));
			server.stubFor(patch(urlEqualTo(path)).inScenario(id).whenScenarioStateIs(state)
				.withRequestBody(equalToJson("{\"status\":\"active\"}")).willReturn(ok(active)).willSetStateTo(STARTED));
			server.stubFor(delete(path).inScenario(id).whenScenarioStateIs(state).willReturn(noContent())
				.willSetStateTo("deleted"));
		}
		server.stubFor(get(path).inScenario(id).whenScenarioStateIs("deleted")
			.willReturn(error(404, "not found", "authorization not found")));
	}

	String host() {
		return "http://localhost:" + server.getPort();
	}

	Run v1(String args) {
		return run("v1 auth " + args + " --host " + host() + " -t secretToken");
	}

	Run v1(String args, String stdin) {
		List<String> words = new java.util.ArrayList<>(org.influxshell.shell.Words.split("v1 auth " + args));
		words.addAll(List.of("--host", host(), "-t", "secretToken"));
		return runArgs(words.toArray(String[]::new), stdin);
	}

	static final String HEADER = "ID\t\t\tDescription\tUsername\tv2 User Name\tv2 User ID\t\tPermissions\n";

	static final String ROW_A = A + "\tgrafana reader\tgrafana\t\tops\t\t" + "0d09973ac7600001\t[read:orgs/" + ORG_ID
			+ "/buckets/" + BUCKET + "]\n";

	static final String ROW_B = B + "\ttelegraf writer\ttelegraf\tops\t\t" + "0d09973ac7600001\t[read:orgs/" + ORG_ID
			+ "/buckets/" + BUCKET + "]\n";

	static final String EMPTY = "ID\tDescription\tUsername\tv2 User Name\tv2 User ID\tPermissions\n";

	/** Without the header line, "v2 User Name" no longer widens its column. */
	static final String HIDDEN_A = ROW_A.replace("\tops\t\t", "\tops\t");

	static final String HIDDEN_B = ROW_B.replace("\tops\t\t", "\tops\t");

	@Test
	void listPrintsUpstreamsTable() {
		assertThat(v1("list")).isEqualTo(new Run(0, HEADER + ROW_A + ROW_B, ""));
	}

	static final String JSON_A = "{\n\t\"id\": \"" + A + "\",\n\t\"description\": \"grafana reader\",\n"
			+ "\t\"token\": \"grafana\",\n\t\"status\": \"%s\",\n\t\"userName\": \"ops\",\n"
			+ "\t\"userID\": \"0d09973ac7600001\",\n\t\"permissions\": [\n\t\t\"read:orgs/" + ORG_ID + "/buckets/" + BUCKET
			+ "\"\n\t]\n}\n";

	@Test
	void listJsonAsUpstreamPrintsIt() {
		String one = JSON_A.formatted("active").replace("\n", "\n\t");
		assertThat(v1("list --json --id " + A).out()).isEqualTo("[\n\t" + one.substring(0, one.length() - 1) + "]\n");
		// the server reads the ID as id (upstream sends authID, which the server ignores)
		server.verify(getRequestedFor(urlEqualTo(PREFIX + "?id=" + A)));
		// as for tokens, none is [] (upstream: null)
		assertThat(v1("list --json --username nobody")).isEqualTo(new Run(0, "[]\n", ""));
	}

	@Test
	void listFiltersWhatTheServerIgnores() {
		// the server looks the user up and then lists everyone's: the filter is applied here
		server.stubFor(get(urlEqualTo(PREFIX + "?user=bob")).willReturn(ok(list(v1(A, "grafana", "active",
				"grafana reader"), v1(B, "telegraf", "active", "telegraf writer")))));
		assertThat(v1("list --user bob")).isEqualTo(new Run(0, EMPTY, ""));
		assertThat(v1("list --user ops --hide-headers").out()).isEqualTo(HIDDEN_A + HIDDEN_B);
		assertThat(v1("list --id " + B + " --hide-headers").out()).startsWith(B).doesNotContain(A);
	}

	@Test
	void listWithAnUnknownUsernameIsEmptyNotAnError() {
		server.stubFor(get(urlEqualTo(PREFIX + "?token=nobody"))
			.willReturn(error(404, "not found", "authorization not found")));
		assertThat(v1("list --username nobody")).isEqualTo(new Run(0, EMPTY, ""));
		server.stubFor(get(urlEqualTo(PREFIX + "?user=nobody")).willReturn(error(404, "not found", "user not found")));
		assertThat(v1("list --user nobody")).isEqualTo(new Run(1, "",
				"Error: could not find Authorizations for specified arguments: 404 Not Found: user not found\n"));
	}

	@Test
	void setInactiveThenUndoThroughTheJournal() throws Exception {
		assertThat(v1("set-inactive --id " + A + " --json")).isEqualTo(new Run(0, JSON_A.formatted("inactive"), ""));
		server.verify(1, patchRequestedFor(urlEqualTo(PREFIX + "/" + A)).withRequestBody(equalToJson("{\"status\":\"inactive\"}")));
		String line = Files.readAllLines(journal).get(0);
		assertThat(line).contains("\"action\":\"inactivate\"", "\"id\":\"" + A + "\"", "\"kind\":\"v1\"");
		Run shown = run("auth journal --hide-headers");
		assertThat(shown.out()).endsWith("\t1 v1 inactivated\n");
		Run undo = run("auth undo --host " + host() + " -t secretToken --hide-headers");
		assertThat(undo.exit()).as(undo.err()).isZero();
		server.verify(1, patchRequestedFor(urlEqualTo(PREFIX + "/" + A)).withRequestBody(equalToJson("{\"status\":\"active\"}")));
		assertThat(v1("list --id " + A + " --json").out()).contains("\"status\": \"active\"");
	}

	@Test
	void bulkSelectionByUsernameAndDescription() {
		Run dry = v1("set-inactive --username grafana --username telegraf --dry-run --hide-headers");
		assertThat(dry).isEqualTo(new Run(0, HIDDEN_A + HIDDEN_B,
				"Dry run: 2 v1 authorization(s) would be inactivated; nothing was changed.\n"));
		server.verify(0, patchRequestedFor(anyUrl()));
		Run r = v1("set-inactive --description '^telegraf' --hide-headers");
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.out()).startsWith(B).doesNotContain(A);
		server.verify(1, patchRequestedFor(urlEqualTo(PREFIX + "/" + B)));
		Run again = v1("set-inactive --id " + A + "," + B + " --hide-headers");
		assertThat(again.err()).isEqualTo("1 v1 authorization(s) already inactive: " + B + "\n");
		assertThat(run("auth journal --hide-headers").out().lines().toList()).hasSize(2);
	}

	@Test
	void deleteShowsTheDeletedColumnAndCannotBeUndone() {
		Run r = v1("delete --id " + A);
		assertThat(r).isEqualTo(new Run(0, "ID\t\t\tDescription\tUsername\tv2 User Name\tv2 User ID\t\tPermissions\t\t\t\t\t\tDeleted\n"
				+ ROW_A.replace("]\n", "]\ttrue\n"), ""));
		server.verify(1, deleteRequestedFor(urlEqualTo(PREFIX + "/" + A)));
		Run undo = run("auth undo --host " + host() + " -t secretToken");
		assertThat(undo.exit()).isEqualTo(1);
		assertThat(undo.err()).contains("cannot bring back deleted token " + A);
	}

	@Test
	void deletingSeveralOffATerminalNeedsForce() {
		Run r = v1("delete --description .");
		assertThat(r).isEqualTo(new Run(2, "", "Error: deleting 2 v1 authorizations needs --force when not run from a terminal\n"));
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void aQuestionOnATerminalNamesTheV1Authorizations() {
		questions.onTerminalAnswering(false);
		Run r = v1("set-inactive --description .");
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.err()).isEqualTo("Error: nothing inactivated\n");
		assertThat(questions.shown()).last().isEqualTo("Inactivate 2 v1 authorizations? [y/N] ");
		server.verify(0, patchRequestedFor(anyUrl()));
	}

	void stubCreate() {
		server.stubFor(get("/api/v2/orgs?org=my-org").willReturn(ok("{\n\t\"links\": {\n\t\t\"self\": \"/api/v2/orgs\"\n\t},\n"
				+ "\t\"orgs\": [\n\t\t{\n\t\t\t\"id\": \"" + ORG_ID + "\",\n\t\t\t\"name\": \"my-org\",\n\t\t\t\"description\": \"\"\n\t\t}\n\t]\n}")));
		server.stubFor(get(urlEqualTo(PREFIX + "?token=influxql")).willReturn(error(404, "not found", "authorization not found")));
		server.stubFor(post(urlEqualTo(PREFIX)).willReturn(json(201, v1(NEW, "influxql", "active", "for grafana"))));
		server.stubFor(post(urlEqualTo(PREFIX + "/" + NEW + "/password")).willReturn(noContent()));
		stateful(NEW, "influxql", "for grafana");
	}

	static final String CREATE = "create --org my-org --username influxql -d 'for grafana' --read-bucket " + BUCKET;

	@Test
	void createPostsTheUsernameThenThePasswordAndUndoInactivatesIt() throws Exception {
		stubCreate();
		Run r = v1(CREATE + " --password -", PASSWORD + "\n");
		assertThat(r).isEqualTo(new Run(0, HEADER.replace("\t\tPermissions", "\t\tPermissions")
				+ NEW + "\tfor grafana\tinfluxql\tops\t\t0d09973ac7600001\t[read:orgs/" + ORG_ID + "/buckets/" + BUCKET + "]\n", ""));
		server.verify(1, postRequestedFor(urlEqualTo(PREFIX)).withRequestBody(equalToJson("{\"orgID\":\"" + ORG_ID
				+ "\",\"description\":\"for grafana\",\"token\":\"influxql\",\"permissions\":[{\"action\":\"read\","
				+ "\"resource\":{\"type\":\"buckets\",\"id\":\"" + BUCKET + "\",\"orgID\":\"" + ORG_ID + "\"}}]}")));
		server.verify(1, postRequestedFor(urlEqualTo(PREFIX + "/" + NEW + "/password"))
			.withRequestBody(equalToJson("{\"password\":\"" + PASSWORD + "\"}")));
		assertThat(Files.readString(journal)).contains("\"action\":\"create\"", "\"kind\":\"v1\"").doesNotContain(PASSWORD);
		assertThat(run("auth journal --json").out()).doesNotContain(PASSWORD);
		Run undo = run("auth undo --host " + host() + " -t secretToken --hide-headers");
		assertThat(undo.exit()).as(undo.err()).isZero();
		server.verify(1, patchRequestedFor(urlEqualTo(PREFIX + "/" + NEW)).withRequestBody(equalToJson("{\"status\":\"inactive\"}")));
	}

	@Test
	void offATerminalThePasswordIsTheFirstLineOfStdinAndAnEmptyOneIsAnError() {
		stubCreate();
		Run empty = v1(CREATE, "");
		assertThat(empty).isEqualTo(new Run(2, "", "Error: no --password given: the password read is empty\n"));
		server.verify(0, postRequestedFor(anyUrl()));
		Run read = v1(CREATE, PASSWORD + "\nnot read\n");
		assertThat(read.exit()).as(read.err()).isZero();
		server.verify(1, postRequestedFor(urlEqualTo(PREFIX + "/" + NEW + "/password"))
			.withRequestBody(equalToJson("{\"password\":\"" + PASSWORD + "\"}")));
	}

	@Test
	void noPasswordSetsNoneAndTheTwoPasswordOptionsExcludeEachOther() {
		stubCreate();
		assertThat(v1(CREATE + " --no-password").exit()).isZero();
		server.verify(0, postRequestedFor(urlEqualTo(PREFIX + "/" + NEW + "/password")));
		assertThat(v1(CREATE + " --no-password --password x")).isEqualTo(
				new Run(2, "", "Error: only one of --password and --no-password may be specified\n"));
		assertThat(v1(CREATE + " --password short")).isEqualTo(
				new Run(2, "", "Error: a password must be 8 to 72 bytes long, not 5\n"));
	}

	@Test
	void aPasswordTheServerRefusesDeletesTheNewAuthorizationAgain() {
		stubCreate();
		server.stubFor(post(urlEqualTo(PREFIX + "/" + NEW + "/password"))
			.willReturn(error(500, "internal error", "unable to set password")));
		Run r = v1(CREATE + " --password " + PASSWORD);
		assertThat(r).isEqualTo(new Run(1, "", "Error: failed to set password for \"influxql\": 500 Internal Server Error: "
				+ "unable to set password; the new authorization " + NEW + " was deleted again\n"));
		server.verify(1, deleteRequestedFor(urlEqualTo(PREFIX + "/" + NEW)));
	}

	@Test
	void anExistingUsernameIsRefusedBeforeAnythingIsMadeOrAsked() {
		stubCreate();
		server.stubFor(get(urlEqualTo(PREFIX + "?token=influxql")).willReturn(ok(list(v1(NEW, "influxql", "active", "x")))));
		assertThat(v1(CREATE + " --password -", PASSWORD + "\n")).isEqualTo(
				new Run(1, "", "Error: authorization with username \"influxql\" already exists\n"));
		server.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void theServersConflictIsReportedInUpstreamsWords() {
		stubCreate();
		server.stubFor(post(urlEqualTo(PREFIX)).willReturn(error(422, "conflict", "token already exists")));
		assertThat(v1(CREATE + " --password " + PASSWORD)).isEqualTo(new Run(1, "",
				"Error: failed to create new authorization: 422 Unprocessable Entity: token already exists\n"));
	}

	@Test
	void setPasswordNeedsASelectorAndChangesNothingWithout() {
		assertThat(v1("set-password --password " + PASSWORD)).isEqualTo(new Run(2, "", "Error: id or username required\n"));
		assertThat(v1("set-password --id " + A + " --username grafana --password " + PASSWORD))
			.isEqualTo(new Run(2, "", "Error: specify id or username, not both\n"));
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void setPasswordByUsernameIsJournaledWithoutThePasswordAndUndoSaysItCannot() throws Exception {
		server.stubFor(get(urlEqualTo(PREFIX + "?token=grafana")).willReturn(ok(list(v1(A, "grafana", "active",
				"grafana reader")))));
		server.stubFor(post(urlEqualTo(PREFIX + "/" + A + "/password")).willReturn(noContent()));
		Run r = v1("set-password --username grafana --password -", PASSWORD + "\n");
		assertThat(r).isEqualTo(new Run(0, "", ""));
		server.verify(1, postRequestedFor(urlEqualTo(PREFIX + "/" + A + "/password"))
			.withRequestBody(equalToJson("{\"password\":\"" + PASSWORD + "\"}")));
		assertThat(Files.readString(journal)).contains("\"action\":\"set-password\"", "\"kind\":\"v1\"")
			.doesNotContain(PASSWORD);
		assertThat(run("auth journal --hide-headers").out()).endsWith("\t1 v1 password set\n");
		Run undo = run("auth undo --host " + host() + " -t secretToken");
		assertThat(undo.exit()).isEqualTo(1);
		assertThat(undo.err()).contains("cannot undo the password set on " + A + " (description \"grafana reader\"): "
				+ "the old password is not known; set another with: v1 auth set-password --id " + A + "\n");
	}

	@Test
	void thePasswordNeverShowsInHttpDebugOrTheJournal() throws Exception {
		server.stubFor(post(urlEqualTo(PREFIX + "/" + A + "/password")).willReturn(noContent()));
		Run r = v1("set-password --id " + A + " --password " + PASSWORD + " --http-debug");
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.err()).contains("\"password\":\"***\"").doesNotContain(PASSWORD);
		// given on the command line, it is masked in the journal's copy of the line too
		assertThat(Files.readString(journal)).contains("--password *** ").doesNotContain(PASSWORD);
	}

	@Test
	void unknownUsernameInUpstreamsWords() {
		server.stubFor(get(urlEqualTo(PREFIX + "?token=nobody")).willReturn(error(404, "not found", "authorization not found")));
		assertThat(v1("set-password --username nobody --password " + PASSWORD)).isEqualTo(
				new Run(1, "", "Error: could not find v1 auth with token (username) \"nobody\"\n"));
	}

	@Test
	void helpNamesTheGroupAndItsCommands() {
		String help = """
				NAME:
				   v1 auth - v1-compatibility authorizations (username and password for the 1.x
				   APIs): list, create, inactivate, activate, delete, set a password

				USAGE:
				   v1 auth COMMAND [options]

				COMMANDS:
				   create        Create a v1 authorization: a username and password with bucket
				                 permissions
				   delete        Delete v1 authorizations
				   list          List v1 authorizations (also: ls, find)
				   set-active    Activate v1 authorizations
				   set-inactive  Inactivate v1 authorizations: they stay, but their clients are
				                 refused
				   set-password  Set the password of a v1 authorization (asked twice on a
				                 terminal)

				Run 'v1 auth COMMAND --help' for a command's options.
				""";
		assertThat(run("v1 auth --help")).isEqualTo(new Run(0, help, ""));
		assertThat(run("v1 auth")).isEqualTo(new Run(0, help, ""));
		assertThat(run("v1").out()).contains("   auth set-inactive  ");
		Run create = run("v1 auth create --help");
		assertThat(create.out()).contains("--username NAME", "--password PASSWORD", "--no-password", "--read-bucket ID");
	}

	@Test
	void completionOffersV1IdsAndUsernamesFromTheServer() {
		List<String> line = List.of("__complete", "--", "v1", "auth", "set-inactive", "--host", host(), "-t", "secretToken");
		assertThat(runWords(concat(line, "--id", "")).out()).isEqualTo(A + "\tgrafana grafana reader (active)\n" + B
				+ "\ttelegraf telegraf writer (active)\n");
		assertThat(runWords(concat(line, "--username", "t")).out()).isEqualTo("telegraf\ttelegraf writer (active)\n");
		assertThat(runWords(List.of("__complete", "--", "v1", "")).out()).startsWith("auth\t");
		assertThat(runWords(List.of("__complete", "--", "v1", "auth", "set-p")).out()).startsWith("set-password\t");
		assertThat(run("completion bash").out()).contains("set-inactive", "set-password");
	}

	private static List<String> concat(List<String> words, String... more) {
		List<String> all = new java.util.ArrayList<>(words);
		all.addAll(List.of(more));
		return all;
	}
}
