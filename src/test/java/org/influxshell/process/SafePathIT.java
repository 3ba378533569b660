package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.ok;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.InfluxStub;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Needs;
import org.influxshell.support.Poll;
import org.influxshell.support.PtySession;
import org.influxshell.support.StatefulTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What went wrong when operators and attackers tried the console's token changes, each case
 * replayed against the packaged console and shown fixed: the credentials in use are never changed
 * by a selection or an undo, counts say only what the server confirmed, an undo says what it
 * reverts and works as fast as the run it reverts, and the journal survives cut-off lines, locks,
 * links and growth without giving away a password.
 */
@Timeout(600)
class SafePathIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(64))
		.build();

	/** Only stops a hang. */
	static final Duration LIMIT = Duration.ofSeconds(120);

	static final ObjectMapper JSON = new ObjectMapper();

	static final String ORG = "9c5955fc99a60b8f";

	static final String ALICE = "0d09973ac7602000";

	static final String IN_USE = "tokenInUse-" + "x".repeat(77);

	@TempDir
	Path home;

	JarProcess console;

	Path journal;

	@BeforeEach
	void setUp() {
		server.resetAll();
		console = new JarProcess(home);
		journal = home.resolve(".influxdbv2/influx-shell-journal.jsonl");
	}

	String host() {
		return "http://localhost:" + server.getPort();
	}

	static String id(int n) {
		return String.format("0d099b627e61%04x", n);
	}

	/** The console with the stub's address and a token. */
	JarProcess on(String token) {
		return console.env("INFLUX_HOST", host()).env("INFLUX_TOKEN", token);
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

	/** Two of alice's tokens, one of them the token in use; listed, read and changed as a server would. */
	void aliceWithTheTokenInUse(String mine, String other) {
		for (String id : List.of(other, mine)) {
			String value = id.equals(mine) ? IN_USE : "someone-else-" + "y".repeat(75);
			String body = authorization(id, value, "active", "alice " + id, ALICE, "alice", ORG, "my-org", List.of());
			server.stubFor(get("/api/v2/authorizations/" + id).willReturn(ok(body)));
			server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + id))
				.willReturn(ok(body.replace("\"active\"", "\"inactive\""))));
		}
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(
				authorization(other, "someone-else-" + "y".repeat(75), "active", "alice " + other, ALICE, "alice", ORG,
						"my-org", List.of()),
				authorization(mine, IN_USE, "active", "alice " + mine, ALICE, "alice", ORG, "my-org", List.of()))))));
	}

	// the credentials in use

	@Test
	void theTokenInUseWithATrailingSpaceOrTabIsStillLeftAlone() throws Exception {
		String mine = id(2);
		String other = id(1);
		aliceWithTheTokenInUse(mine, other);
		for (String sent : List.of(IN_USE + " ", IN_USE + "\t", " " + IN_USE)) {
			server.resetRequests();
			Result r = on(sent).run(null, "auth", "inactive", "--user", "alice", "--hide-headers");
			assertThat(r.exit()).as(r.err()).isZero();
			assertThat(r.err()).isEqualTo("skipped " + mine + ": it is the token this command uses; name it with --id to "
					+ "change it\n");
			server.verify(0, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + mine)));
			server.verify(1, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + other)));
		}
	}

	@Test
	void withAPasswordProfileTheSignedInUsersTokensNeedForce() throws Exception {
		server.stubFor(post("/api/v2/signin").willReturn(
				aResponse().withStatus(204).withHeader("Set-Cookie", "influxdb-oss-session=s; Path=/api/; HttpOnly")));
		server.stubFor(get("/api/v2/me").willReturn(ok("{\"id\": \"" + ALICE + "\", \"name\": \"alice\"}")));
		aliceWithTheTokenInUse(id(2), id(1));
		assertThat(console.run(null, "config", "create", "-n", "pw", "-u", host(), "-p", "alice:a-password", "-a").exit())
			.isZero();
		Result refused = console.run(null, "auth", "inactive", "-c", "pw", "--user", "alice");
		assertThat(refused).isEqualTo(new Result(2, "", "Error: the selection holds 2 token(s) of the user this command "
				+ "runs as (alice), and this command signs in with a password, so the tokens the signed-in user depends on "
				+ "cannot be told apart: name the tokens with --id, or add --force to go ahead\n"));
		server.verify(0, patchRequestedFor(anyUrl()));
		Result forced = console.run(null, "auth", "inactive", "-c", "pw", "--user", "alice", "--force", "--hide-headers");
		assertThat(forced.exit()).as(forced.err()).isZero();
		server.verify(2, patchRequestedFor(anyUrl()));
	}

	@Test
	void undoNeverChangesTheTokenItUsesAndSaysWhatIsLeft() throws Exception {
		for (int n = 1; n <= 3; n++) {
			StatefulTokens.stub(server, id(n), "token " + n, "bob");
		}
		// the spare token: the one undo will run with; its value is shown on GET, so it is recognised
		String spare = "spare-token-" + "s".repeat(76);
		String spareActive = authorization(id(3), spare, "active", "token 3", "0d09973ac7600001", "bob", ORG, "my-org",
				List.of());
		String spareInactive = spareActive.replace("\"status\": \"active\"", "\"status\": \"inactive\"");
		for (String state : new String[] { StatefulTokens.ACTIVE, "inactive" }) {
			server.stubFor(get("/api/v2/authorizations/" + id(3)).inScenario(id(3)).whenScenarioStateIs(state)
				.willReturn(ok(state.equals(StatefulTokens.ACTIVE) ? spareActive : spareInactive)));
			server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + id(3))).inScenario(id(3)).whenScenarioStateIs(state)
				.withRequestBody(equalToJson("{\"status\":\"inactive\"}")).willReturn(ok(spareInactive))
				.willSetStateTo("inactive"));
			server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + id(3))).inScenario(id(3)).whenScenarioStateIs(state)
				.withRequestBody(equalToJson("{\"status\":\"active\"}")).willReturn(ok(spareActive))
				.willSetStateTo(StatefulTokens.ACTIVE));
		}
		StatefulTokens.set(server, id(3), "inactive");
		// one session: two tokens cut off, the spare switched on
		Path script = home.resolve("incident.txt");
		Files.writeString(script, "auth inactive --id " + id(1) + "," + id(2) + " --hide-headers\nauth active --id " + id(3)
				+ " --hide-headers\n");
		Result session = on("t").run(null, "--spring.shell.script=" + script);
		assertThat(session.exit()).as(session.err()).isZero();
		String sessionId = entries().get(0).get("session").asText();

		Result undo = on(spare).run(null, "auth", "undo", "--session", sessionId, "--hide-headers");
		assertThat(undo.exit()).isEqualTo(1);
		assertThat(undo.err()).contains("left as it is: " + id(3) + " (token 3) is the token this command uses; change it "
				+ "back with another token: auth inactive --id " + id(3) + "\n")
			.endsWith("Error: 1 change(s) could not be put back\n");
		assertThat(List.of(status(1), status(2), status(3))).containsExactly("active", "active", "active");
		server.verify(0, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + id(3)))
			.withRequestBody(equalToJson("{\"status\":\"inactive\"}")));
	}

	// honest counts

	@Test
	void aDryRunAndARerunCountOnlyWhatChanges() throws Exception {
		StatefulTokens.stub(server, id(1), "token 1", "bob");
		StatefulTokens.stub(server, id(2), "token 2", "bob");
		StatefulTokens.set(server, id(1), "inactive");
		Result dry = on("t").run(null, "auth", "inactive", "--id", id(1) + "," + id(2), "--dry-run", "--hide-headers");
		assertThat(dry.err()).isEqualTo("Dry run: 1 token(s) would be inactivated, 1 already inactive; nothing was changed.\n");
		assertThat(journal).doesNotExist();

		assertThat(on("t").run(null, "auth", "inactive", "--id", id(1) + "," + id(2), "--hide-headers").exit()).isZero();
		assertThat(entries()).extracting(e -> e.get("id").asText()).containsExactly(id(2));
		// the re-run (after a Ctrl-C, say) sends nothing and journals nothing
		server.resetRequests();
		Result again = on("t").run(null, "auth", "inactive", "--id", id(1) + "," + id(2), "--hide-headers");
		assertThat(again.exit()).isZero();
		assertThat(again.err()).isEqualTo("2 token(s) already inactive: " + id(1) + ", " + id(2) + "\n");
		server.verify(0, patchRequestedFor(anyUrl()));
		assertThat(entries()).hasSize(1);
	}

	@Test
	void aServerThatAnswersWithTheWrongStatusIsNotBelieved() throws Exception {
		String body = authorization(id(1), "", "active", "token 1", "0d09973ac7600001", "bob", ORG, "my-org", List.of());
		server.stubFor(get("/api/v2/authorizations/" + id(1)).willReturn(ok(body)));
		server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + id(1))).willReturn(ok(body)));
		Result r = on("t").run(null, "auth", "inactive", "--id", id(1));
		assertThat(r).isEqualTo(new Result(1, "", "Error: could not update status of auth with ID \"" + id(1)
				+ "\": the server answered with status \"active\", not \"inactive\"\n"));
		assertThat(journal).doesNotExist();
	}

	// undo says what it does

	@Test
	void undoNamesItsRunAndDirectionAndADeleteIsNotASuccess() throws Exception {
		StatefulTokens.stub(server, id(1), "token 1", "bob");
		StatefulTokens.stub(server, id(2), "token 2", "bob");
		assertThat(on("t").run(null, "auth", "inactive", "--id", id(1)).exit()).isZero();
		String run = entries().get(0).get("run").asText();
		Result dry = on("t").run(null, "auth", "undo", "--dry-run", "--hide-headers");
		assertThat(dry.err()).startsWith("would undo run " + run + " of ").contains(": auth inactive --id " + id(1)
				+ " (1 inactivated)\n").endsWith("Dry run: 1 token(s) would be changed back (1 to be activated); nothing was changed.\n");
		assertThat(status(1)).isEqualTo("inactive");

		assertThat(on("t").run(null, "auth", "delete", "--id", id(2)).exit()).isZero();
		Result undo = on("t").run(null, "auth", "undo");
		assertThat(undo.exit()).isEqualTo(1);
		assertThat(undo.err()).endsWith("cannot bring back deleted token " + id(2) + " (description \"token 2\", user bob); "
				+ "re-create it with: [read:orgs/" + ORG + "/buckets]\nError: 1 change(s) could not be put back\n");
	}

	@Test
	void undoSendsItsChangesTogetherAsTheRunItRevertsDid() throws Exception {
		// every change back answers after a minute: one at a time, only one would be under way
		int tokens = 8;
		List<String> ids = new ArrayList<>();
		for (int n = 1; n <= tokens; n++) {
			StatefulTokens.stub(server, id(n), "token " + n, "bob", 60_000);
			ids.add(id(n));
		}
		assertThat(on("t").run(null, "auth", "inactive", "--id", String.join(",", ids), "--hide-headers").exit()).isZero();
		JarProcess.Running undo = on("t").start("auth", "undo");
		Poll.until("4 changes back under way at once", LIMIT, () -> server.findAll(patchRequestedFor(anyUrl())
			.withRequestBody(equalToJson("{\"status\":\"active\"}"))).size() >= 4);
		undo.signal("TERM");
		Result stopped = undo.await(LIMIT);
		assertThat(stopped.exit()).isEqualTo(143);
		assertThat(stopped.err()).contains("\ninterrupted: ");
	}

	@Test
	void ctrlCDuringUndoInTheReplSaysOnceWhatWasDoneAndTheSessionGoesOn() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int n = 1; n <= 8; n++) {
			StatefulTokens.stub(server, id(n), "token " + n, "bob", 60_000);
			ids.add(id(n));
		}
		assertThat(on("t").run(null, "auth", "inactive", "--id", String.join(",", ids), "--hide-headers").exit()).isZero();
		try (PtySession tty = PtySession.start(home, "")) {
			tty.await("influx-shell:default> ", LIMIT).type("auth undo --hide-headers --host " + host() + " -t t\r")
				.await("Change back 8 token(s)? [y/N] ", LIMIT)
				.type("y\r");
			Poll.until("changes back under way", LIMIT, () -> server.findAll(patchRequestedFor(anyUrl())
				.withRequestBody(equalToJson("{\"status\":\"active\"}"))).size() >= 2);
			tty.type("\u0003").await("interrupted: ", LIMIT)
				.await(" not started\n", LIMIT)
				.type("exit\r");
			assertThat(tty.exitCode(LIMIT)).isZero();
			String said = tty.plain();
			assertThat(said.split("interrupted: ", -1)).as(said).hasSize(2);
			assertThat(said).as(said).doesNotContain("Error:");
		}
	}

	// the journal

	@Test
	void aCutOffLastLineNeverSwallowsTheNextRun() throws Exception {
		StatefulTokens.stub(server, id(1), "token 1", "bob");
		StatefulTokens.stub(server, id(2), "token 2", "bob");
		assertThat(on("t").run(null, "auth", "inactive", "--id", id(1)).exit()).isZero();
		// a full disk cut the last line short
		String whole = Files.readString(journal);
		Files.writeString(journal, whole.substring(0, whole.length() / 2));
		assertThat(on("t").run(null, "auth", "inactive", "--id", id(2)).exit()).isZero();

		Result list = on("t").run(null, "auth", "journal", "--hide-headers");
		assertThat(list.err()).isEqualTo("Warning: the journal " + journal + " has a damaged line, skipped: line 1\n");
		assertThat(list.out().lines()).singleElement().asString().contains("auth inactive --id " + id(2));
		// undo reverts the run after the damage, not the one before it
		Result undo = on("t").run(null, "auth", "undo", "--hide-headers");
		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(List.of(status(1), status(2))).containsExactly("inactive", "active");
	}

	@Test
	void aLockedJournalCostsOneTimeoutAndLosesNoEntry() throws Exception {
		Needs.program("python3", "holds a POSIX lock on the journal from another process");
		for (int n = 1; n <= 3; n++) {
			StatefulTokens.stub(server, id(n), "token " + n, "bob");
		}
		Files.createDirectories(journal.getParent());
		Files.writeString(journal, "");
		Process holder = new ProcessBuilder("python3", "-c", "import fcntl, sys\nf = open(sys.argv[1], 'a')\n"
				+ "fcntl.lockf(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\nsys.stdin.read()\n", journal.toString())
			.redirectErrorStream(true).start();
		try {
			BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
			assertThat(said.readLine()).isEqualTo("locked");
			Result r = on("t").run(null, "auth", "inactive", "--id", id(1) + "," + id(2) + "," + id(3), "--hide-headers",
					"--influx.lock-timeout=1s");
			assertThat(r.exit()).as(r.err()).isZero();
			List<String> warnings = r.err().lines().toList();
			assertThat(warnings.get(0)).isEqualTo("Warning: cannot write the journal " + journal + ": locked by another "
					+ "process for longer than 1000ms; changes are made, and each entry that is not journaled follows here");
			assertThat(warnings.subList(1, warnings.size())).hasSize(3).allSatisfy(w -> assertThat(w)
				.startsWith("Warning: not journaled: {\"time\":").contains("\"action\":\"inactivate\""));
			assertThat(List.of(status(1), status(2), status(3))).containsOnly("inactive");
		}
		finally {
			holder.getOutputStream().close();
			holder.waitFor(30, TimeUnit.SECONDS);
			holder.destroyForcibly();
		}
	}

	@Test
	void aPasswordInTheUrlIsNeverJournaled() throws Exception {
		StatefulTokens.stub(server, id(1), "token 1", "bob");
		String withPassword = "http://ops:url-password-123@localhost:" + server.getPort();
		Result r = console.run(null, "auth", "inactive", "--id", id(1), "--host", withPassword, "-t", "t", "--hide-headers");
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(Files.readString(journal)).doesNotContain("url-password-123").contains("http://ops:***@localhost:");
	}

	@Test
	void theJournalRotatesAndBothFilesStayReadable() throws Exception {
		StatefulTokens.stub(server, id(1), "token 1", "bob");
		StatefulTokens.stub(server, id(2), "token 2", "bob");
		assertThat(on("t").run(null, "auth", "inactive", "--id", id(1)).exit()).isZero();
		String first = entries().get(0).get("run").asText();
		// grow the journal past 10 MiB with runs on another server
		String line = Files.readAllLines(journal).get(0).replace(host(), "http://elsewhere:8086").replace(first, "%s");
		StringBuilder filler = new StringBuilder();
		for (int i = 0; filler.length() < 10 * 1024 * 1024 + 1; i++) {
			filler.append(String.format(line, String.format("%016x", i))).append('\n');
		}
		Files.writeString(journal, filler, java.nio.file.StandardOpenOption.APPEND);
		assertThat(on("t").run(null, "auth", "inactive", "--id", id(2)).exit()).isZero();

		Path previous = journal.resolveSibling(journal.getFileName() + ".1");
		assertThat(previous).exists();
		assertThat(Files.size(journal)).isLessThan(4096);
		assertThat(on("t").run(null, "auth", "journal", "--hide-headers", "--host", host()).out().lines()).hasSize(2);
		// the run before the rotation can still be undone
		Result undo = on("t").run(null, "auth", "undo", "--run", first, "--hide-headers");
		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(status(1)).isEqualTo("active");
	}

	@Test
	void aRootRunNeverWritesWhereAUsersLinkPoints() throws Exception {
		Needs.root("writes as root into a folder another user owns");
		Needs.program("setpriv", "makes the user's files as that user");
		StatefulTokens.stub(server, id(1), "token 1", "bob");
		// a user's home, with a journal that is a link to a file in a root-only folder
		Path userHome = home.resolve("user");
		Path folder = userHome.resolve(".influxdbv2");
		Files.createDirectories(folder);
		Path rootOnly = home.resolve("root-only");
		Files.createDirectories(rootOnly);
		Files.setPosixFilePermissions(rootOnly, PosixFilePermissions.fromString("rwx------"));
		Path target = rootOnly.resolve("profile.sh");
		Files.writeString(target, "# root's own file\n");
		Files.createSymbolicLink(folder.resolve("influx-shell-journal.jsonl"), target);
		chownNobody(userHome);
		chownNobody(folder);
		new ProcessBuilder("chown", "-h", "nobody", folder.resolve("influx-shell-journal.jsonl").toString()).start()
			.waitFor();

		Result r = new JarProcess(userHome).env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "t")
			.run(null, "auth", "inactive", "--id", id(1), "--hide-headers");
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.err()).startsWith("Warning: cannot write the journal " + folder.resolve("influx-shell-journal.jsonl")
				+ ": it is a symbolic link; changes are made");
		assertThat(Files.readString(target)).isEqualTo("# root's own file\n");
		assertThat(status(1)).isEqualTo("inactive");

		// a link to a file that does not exist yet: nothing is created there either
		Path absent = rootOnly.resolve("created-by-root");
		Files.delete(folder.resolve("influx-shell-journal.jsonl"));
		Files.createSymbolicLink(folder.resolve("influx-shell-journal.jsonl"), absent);
		StatefulTokens.set(server, id(1), "active");
		assertThat(new JarProcess(userHome).env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "t")
			.run(null, "auth", "inactive", "--id", id(1), "--hide-headers").exit()).isZero();
		assertThat(absent).doesNotExist();
	}

	private static void chownNobody(Path path) throws Exception {
		assertThat(new ProcessBuilder("chown", "nobody", path.toString()).start().waitFor()).isZero();
	}

	// the server a profile's token goes to

	@Test
	void influxHostOverridingAChosenProfileIsSaidOnce() throws Exception {
		StatefulTokens.stub(server, id(1), "token 1", "bob");
		assertThat(console.run(null, "config", "create", "-n", "local", "-u", "http://localhost:1", "-t", "local-token")
			.exit()).isZero();
		Result r = console.env("INFLUX_HOST", host()).run(null, "auth", "inactive", "-c", "local", "--id", id(1),
				"--hide-headers");
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.err().lines().filter(l -> l.contains("INFLUX_HOST sends the token of config \"local\" to " + host())))
			.hasSize(1);
		server.verify(patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + id(1)))
			.withHeader("Authorization", equalTo("Token local-token")));
	}
}
