package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.InfluxStub;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.StatefulTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal of changes, with the packaged console: what a run leaves, and undo putting it back, across
 * processes, scripts and hand changes; concurrent writers; a journal that cannot be written.
 */
class JournalIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(64))
		.build();

	static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path home;

	JarProcess console;

	Path journal;

	static String id(int n) {
		return String.format("0d099b627e60%04x", n);
	}

	@BeforeEach
	void stubs() {
		server.resetAll();
		for (int n = 1; n <= 12; n++) {
			StatefulTokens.stub(server, id(n), "token " + n, n % 2 == 0 ? "bob" : "alice");
		}
		console = new JarProcess(home);
		journal = home.resolve(".influxdbv2/influx-shell-journal.jsonl");
	}

	String[] auth(String... words) {
		List<String> args = new ArrayList<>(List.of(words));
		args.addAll(List.of("--host", "http://localhost:" + server.getPort(), "-t", "the-secret-token"));
		return args.toArray(String[]::new);
	}

	Result run(String... words) throws Exception {
		return console.run(null, auth(words));
	}

	String status(int n) {
		String state = server.getAllScenarios().getScenarios().stream().filter(s -> s.getName().equals(id(n)))
			.findFirst().orElseThrow().getState();
		return state.equals(StatefulTokens.ACTIVE) ? "active" : state;
	}

	List<JsonNode> entries() throws Exception {
		List<JsonNode> out = new ArrayList<>();
		for (String line : Files.readAllLines(journal)) {
			out.add(JSON.readTree(line));
		}
		return out;
	}

	@Test
	void aBulkRunThenUndoThenUndoOfTheUndo() throws Exception {
		Result bulk = run("auth", "inactive", "--id", id(1) + "," + id(2) + "," + id(3), "--hide-headers");
		assertThat(bulk.exit()).as(bulk.err()).isZero();
		assertThat(Files.readString(journal)).doesNotContain("the-secret-token").contains("-t ***");
		assertThat(entries()).hasSize(3);

		Result undo = run("auth", "undo", "--hide-headers");
		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(undo.out().lines()).hasSize(3);
		assertThat(List.of(status(1), status(2), status(3))).containsOnly("active");

		Result again = run("auth", "undo");
		assertThat(again.exit()).as(again.err()).isZero();
		assertThat(List.of(status(1), status(2), status(3))).containsOnly("inactive");
		assertThat(entries()).hasSize(9);

		Result list = console.run(null, "auth", "journal", "--hide-headers");
		assertThat(list.out().lines()).hasSize(3);
		assertThat(list.out().lines().findFirst().orElseThrow()).contains("auth undo", "3 inactivated");
	}

	@Test
	void aPartlyChangedByHandRunLeavesTheHandChangesAndNamesThem() throws Exception {
		run("auth", "inactive", "--id", id(1) + "," + id(2));
		StatefulTokens.set(server, id(2), "active");
		Result undo = run("auth", "undo", "--hide-headers");
		assertThat(undo.exit()).isZero();
		assertThat(undo.out()).startsWith(id(1)).doesNotContain(id(2));
		assertThat(undo.err()).contains("left alone: " + id(2));
		assertThat(status(1)).isEqualTo("active");
	}

	@Test
	void undoOfASessionRevertsEveryRunOfAScript() throws Exception {
		String host = " --host http://localhost:" + server.getPort() + " -t the-secret-token";
		Path script = home.resolve("incident.influx");
		Files.writeString(script, "auth inactive --id " + id(4) + host + "\nauth inactive --id " + id(5) + "," + id(6)
				+ host + "\nauth delete --id " + id(7) + host + "\n");
		Result ran = console.run(null, "@" + script);
		assertThat(ran.exit()).as(ran.err()).isZero();
		// a later run of another process: the session's undo leaves it alone
		run("auth", "inactive", "--id", id(8));
		JsonNode runs = JSON.readTree(console.run(null, "auth", "journal", "--json").out());
		assertThat(runs).hasSize(4);
		String session = runs.get(1).get("session").asText();
		assertThat(runs.get(2).get("session").asText()).isEqualTo(session);
		assertThat(runs.get(0).get("session").asText()).isNotEqualTo(session);

		Result undo = run("auth", "undo", "--session", session, "--hide-headers");
		// everything else is put back; the deleted token cannot be, and the undo says so and fails
		assertThat(undo.exit()).as(undo.err()).isEqualTo(1);
		assertThat(List.of(status(4), status(5), status(6))).containsOnly("active");
		assertThat(status(8)).isEqualTo("inactive");
		assertThat(undo.err()).contains("cannot bring back deleted token " + id(7) + " (description \"token 7\", user alice)")
			.endsWith("Error: 1 change(s) could not be put back\n");
	}

	@Test
	void aDeleteIsListedAndACreateIsInactivatedByUndo() throws Exception {
		assertThat(run("auth", "delete", "--id", id(9)).exit()).isZero();
		JsonNode deleted = entries().get(0);
		assertThat(deleted.get("action").asText()).isEqualTo("delete");
		assertThat(deleted.get("before").asText()).isEqualTo("active");
		assertThat(deleted.get("after").isNull()).isTrue();
		assertThat(deleted.get("permissions").get(0).asText()).isEqualTo("read:orgs/9c5955fc99a60b8f/buckets");

		// the stub answers the create with token 12, which the stub then knows as active
		server.stubFor(get("/api/v2/me").willReturn(InfluxStub.ok("{\"id\": \"0d09973ac7600001\", \"name\": \"me\"}")));
		server.stubFor(post("/api/v2/authorizations").willReturn(InfluxStub.json(201, InfluxStub.authorization(id(12),
				"the-new-token-value", "active", "token 12", "0d09973ac7600001", "bob", "9c5955fc99a60b8f", "my-org",
				List.of()))));
		Result create = run("auth", "create", "--org-id", "9c5955fc99a60b8f", "--read-buckets", "-d", "token 12");
		assertThat(create.exit()).as(create.err()).isZero();
		assertThat(Files.readString(journal)).doesNotContain("the-new-token-value");
		assertThat(entries().get(1).get("action").asText()).isEqualTo("create");
		Result undo = run("auth", "undo", "--hide-headers");
		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(status(12)).isEqualTo("inactive");
		Result undoDelete = run("auth", "undo", "--run", entries().get(0).get("run").asText());
		assertThat(undoDelete.exit()).isEqualTo(1);
		assertThat(undoDelete.err()).contains("cannot bring back deleted token " + id(9));
	}

	@Test
	void concurrentWritersNeverInterleave() throws Exception {
		List<JarProcess.Running> running = new ArrayList<>();
		for (int n = 1; n <= 12; n++) {
			running.add(console.spawn(auth("auth", "inactive", "--id", id(n))));
		}
		for (JarProcess.Running r : running) {
			assertThat(r.await(Duration.ofSeconds(300)).exit()).isZero();
		}
		List<JsonNode> entries = entries();
		assertThat(entries).hasSize(12);
		Set<String> ids = new HashSet<>();
		entries.forEach(e -> ids.add(e.get("id").asText()));
		assertThat(ids).hasSize(12);
	}

	@Test
	void anUnwritableJournalWarnsOnceAndTheChangeStillHappens() throws Exception {
		Path file = home.resolve("a-file");
		Files.writeString(file, "");
		Result r = console.run(null, auth("auth", "inactive", "--id", id(10) + "," + id(11),
				"--influx.journal-path=" + file.resolve("journal.jsonl")));
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(List.of(status(10), status(11))).containsOnly("inactive");
		assertThat(r.err().lines().filter(l -> l.startsWith("Warning: cannot write the journal")).count()).isEqualTo(1);
	}
}
