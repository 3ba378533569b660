package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.influxshell.support.StatefulTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every change journaled, {@code auth journal} reads it, {@code auth undo} puts runs back. */
class JournalCommandsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String A = "0d099b627e601000";

	static final String B = "0d099b627e602000";

	static final String C = "0d099b627e603000";

	Path journal;

	@BeforeEach
	void tokens() {
		server.resetAll();
		StatefulTokens.stub(server, A, "telegraf writer", "alice");
		StatefulTokens.stub(server, B, "telegraf reader", "bob");
		StatefulTokens.stub(server, C, "grafana", "alice");
		journal = home.resolve(".influxdbv2/influx-shell-journal.jsonl");
	}

	Run auth(String args) {
		return run("auth " + args + " --host http://localhost:" + server.getPort() + " -t secret-token-value");
	}

	String status(String id) {
		return server.getAllScenarios().getScenarios().stream().filter(s -> s.getName().equals(id)).findFirst()
			.orElseThrow().getState();
	}

	@Test
	void aBulkRunIsJournaledPrivatelyWithoutTokenValuesAndUndoneByUndo() throws Exception {
		assertThat(auth("inactive --id " + A + "," + B + " --hide-headers").exit()).isZero();
		assertThat(status(A)).isEqualTo("inactive");
		List<String> lines = Files.readAllLines(journal);
		assertThat(lines).hasSize(2);
		assertThat(lines.stream().filter(l -> l.contains("\"id\":\"" + A)).findFirst().orElseThrow()).contains("\"action\":\"inactivate\"", "\"id\":\"" + A + "\"", "\"before\":\"active\"",
				"\"after\":\"inactive\"", "\"description\":\"telegraf writer\"", "\"user\":\"alice\"",
				"\"server\":\"http://localhost:" + server.getPort() + "\"", "-t ***")
			.doesNotContain("secret-token-value");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");

		Run undo = auth("undo --hide-headers");
		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(undo.out().lines().map(l -> l.substring(0, 16)).sorted().toList()).containsExactly(A, B);
		assertThat(status(A)).isEqualTo(StatefulTokens.ACTIVE);
		assertThat(status(B)).isEqualTo(StatefulTokens.ACTIVE);
		assertThat(Files.readAllLines(journal)).hasSize(4);

		// undo is journaled, so undoing again inactivates them once more
		assertThat(auth("undo").exit()).isZero();
		assertThat(status(A)).isEqualTo("inactive");
	}

	@Test
	void aTokenChangedByHandIsNamedAndLeftAlone() {
		auth("inactive --id " + A + "," + B);
		StatefulTokens.set(server, B, "active");
		Run undo = auth("undo --hide-headers");
		assertThat(undo.exit()).isZero();
		assertThat(undo.out()).startsWith(A).doesNotContain(B);
		assertThat(undo.err()).contains("left alone: " + B + " (telegraf reader) is active now; the run left it inactive");
	}

	@Test
	void aDryRunWritesNothingAndUndoDryRunChangesNothing() {
		assertThat(auth("inactive --id " + A + " --dry-run").exit()).isZero();
		assertThat(journal).doesNotExist();
		auth("inactive --id " + A);
		Run dry = auth("undo --dry-run --hide-headers");
		assertThat(dry.out()).startsWith(A);
		assertThat(dry.err()).endsWith("Dry run: 1 token(s) would be changed back (1 to be activated); nothing was changed.\n");
		assertThat(status(A)).isEqualTo("inactive");
	}

	@Test
	void aChangeThatChangesNothingIsNeitherCountedNorJournaled() throws Exception {
		assertThat(auth("inactive --id " + A).exit()).isZero();
		Run dry = auth("inactive --id " + A + "," + B + " --dry-run --hide-headers");
		assertThat(dry.err()).isEqualTo("Dry run: 1 token(s) would be inactivated, 1 already inactive; nothing was changed.\n");
		Run again = auth("inactive --id " + A + "," + B + " --hide-headers");
		assertThat(again.exit()).isZero();
		assertThat(again.err()).isEqualTo("1 token(s) already inactive: " + A + "\n");
		assertThat(again.out().lines().map(l -> l.substring(0, 16)).toList()).containsExactly(A, B);
		List<String> lines = Files.readAllLines(journal);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains("\"id\":\"" + B + "\"");
	}

	@Test
	void undoNamesTheRunItRevertsBeforeItStarts() {
		assertThat(auth("inactive --id " + A + "," + B).exit()).isZero();
		Run undo = auth("undo --hide-headers");
		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(undo.err()).matches("undoing run [0-9a-f]{16} of \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z on http://localhost:"
				+ server.getPort() + ": auth inactive --id " + A + "," + B + " --host http://localhost:" + server.getPort()
				+ " -t \\*\\*\\* \\(2 inactivated\\)\n");
	}

	@Test
	void aDeletedTokenIsListedToBeRecreated() {
		assertThat(auth("delete --id " + C).exit()).isZero();
		Run undo = auth("undo");
		// what cannot be put back is a failure: the run is not undone
		assertThat(undo.exit()).isEqualTo(1);
		assertThat(undo.err()).endsWith("cannot bring back deleted token " + C
				+ " (description \"grafana\", user alice); re-create it with: [read:orgs/9c5955fc99a60b8f/buckets]\n"
				+ "Error: 1 change(s) could not be put back\n");
	}

	@Test
	void aCreatedTokenIsInactivatedNotDeleted() {
		server.stubFor(get("/api/v2/me").willReturn(ok("{\"id\": \"0d09973ac7600001\", \"name\": \"me\"}")));
		server.stubFor(post("/api/v2/authorizations").willReturn(InfluxStub.json(201, InfluxStub.authorization(C,
				"new-secret-value", "active", "grafana", "0d09973ac7600001", "alice", "9c5955fc99a60b8f", "my-org",
				List.of()))));
		Run create = auth("create --org-id 9c5955fc99a60b8f --read-buckets -d grafana");
		assertThat(create.exit()).as(create.err()).isZero();
		Run undo = auth("undo --hide-headers");
		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(status(C)).isEqualTo("inactive");
	}

	@Test
	void journalListsRunsNewestFirstAndFilters() throws Exception {
		auth("inactive --id " + A);
		auth("inactive --id " + B + "," + C);
		Run list = run("auth journal --hide-headers");
		List<String> rows = list.out().lines().toList();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).contains("auth inactive --id " + B + "," + C, "2 inactivated");
		assertThat(rows.get(1)).contains("1 inactivated");
		String newest = rows.get(0).substring(0, rows.get(0).indexOf('\t'));
		Run one = run("auth journal --json --run " + newest);
		assertThat(one.out()).startsWith("[\n\t{\n\t\t\"run\": \"" + newest + "\"").contains("\"entries\": [");
		assertThat(run("auth journal --session nope").out()).isEqualTo("Run ID\tTime\tSession\tServer\tCommand\tChanges\n");
	}

	@Test
	void aPartlyFailedRunIsMarkedAndItsUndoPutsBackWhatItChanged() {
		String unknown = "0d099b627e609000";
		server.stubFor(get("/api/v2/authorizations/" + unknown).willReturn(InfluxStub.json(404,
				"{\"code\":\"not found\",\"message\":\"authorization not found\"}")));
		Run partly = auth("inactive --id " + A + "," + unknown + " --hide-headers");
		assertThat(partly.exit()).isEqualTo(1);
		assertThat(status(A)).isEqualTo("inactive");
		assertThat(run("auth journal --hide-headers").out()).endsWith("\t1 inactivated (partly failed)\n");
		assertThat(run("auth journal --json").out()).contains("\"ended\": \"partly failed\"",
				"\"note\": \"1 of 2 tokens failed\"");

		Run undo = auth("undo --hide-headers");
		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(undo.err()).endsWith("(1 inactivated)\n");
		assertThat(status(A)).isEqualTo(StatefulTokens.ACTIVE);
		assertThat(run("auth journal --hide-headers").out().lines().findFirst().orElseThrow()).endsWith("\t1 activated");
	}

	@Test
	void journalFiltersByCountTimeAndServerAndCutsLongCommands() {
		auth("inactive --id " + A);
		auth("inactive --id " + B + " --configs-path /nowhere/" + "x".repeat(80));
		String host = "http://localhost:" + server.getPort();
		assertThat(run("auth journal --hide-headers --limit 1").out().lines()).singleElement().asString()
			.contains("\tauth inactive --id " + B + " --configs-path /nowhere…\t1 inactivated");
		assertThat(run("auth journal --hide-headers --since 1h").out().lines()).hasSize(2);
		assertThat(run("auth journal --hide-headers --since 2999-01-01T00:00:00Z").out()).isEmpty();
		assertThat(run("auth journal --hide-headers --host " + host + "/").out().lines()).hasSize(2);
		assertThat(run("auth journal --hide-headers --host http://elsewhere:8086").out()).isEmpty();
		assertThat(run("auth journal --json --limit 1").out()).contains("x".repeat(80));
		assertThat(run("auth journal --limit 0")).isEqualTo(new Run(2, "",
				"Error: invalid --limit \"0\": a whole number of runs, 1 or more\n"));
		assertThat(run("auth journal --since yesterday").exit()).isEqualTo(2);
	}

	@Test
	void anUnwritableJournalWarnsOnceAndTheChangeStillHappens() throws Exception {
		Files.createDirectories(journal);
		Run r = auth("inactive --id " + A + "," + B);
		assertThat(r.exit()).isZero();
		assertThat(status(A)).isEqualTo("inactive");
		assertThat(r.err().lines().filter(l -> l.contains("cannot write the journal")).count()).isEqualTo(1);
	}

	@Test
	void undoWithNothingJournaledFails() {
		Run r = auth("undo");
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.err()).startsWith("Error: the journal ").contains("holds no run on http://localhost:");
	}
}
