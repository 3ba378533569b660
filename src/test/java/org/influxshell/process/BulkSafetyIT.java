package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.influxshell.support.InfluxStub;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Poll;
import org.influxshell.support.PtySession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk changes as a user meets them, the console a process of its own: the token in use is left alone,
 * questions on a real pseudo-terminal answered no by "n", Ctrl-C and Ctrl-D, and real SIGINT and
 * SIGTERM in the middle of a slow bulk run.
 */
class BulkSafetyIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(64))
		.build();

	/** Only stops a hang: a console starts, asks and ends within it even on a small, busy machine. */
	static final Duration LIMIT = Duration.ofSeconds(120);

	static final String ORG = "9c5955fc99a60b8f";

	static final String CAROL = "0d09973ac7603000";

	static final String IN_USE = "tokenInUse-" + "x".repeat(77);

	@TempDir
	Path home;

	JarProcess console;

	@BeforeEach
	void setUp() {
		console = new JarProcess(home);
		// the caller is an operator of its own: none of carol's tokens can be the one in use
		server.stubFor(get("/api/v2/me").willReturn(ok("{\n\t\"id\": \"0d09973ac7600001\",\n\t\"name\": \"admin\"\n}")));
	}

	String host() {
		return "http://localhost:" + server.getPort();
	}

	static String id(int i) {
		return String.format("0d099b627e7%05x", i);
	}

	static String token(String id, String value, String status, String description, String userID, String user) {
		return authorization(id, value, status, description, userID, user, ORG, "my-org", List.of());
	}

	static String row(int i) {
		return id(i) + "\tbulk " + i + "\t\tcarol\t" + CAROL + "\t[]";
	}

	/**
	 * {@code n} tokens of carol, hashed (no values); each change answers after {@code delayMs},
	 * those in {@code slow} after a minute.
	 */
	void carol(int n, int delayMs, Set<Integer> slow) {
		List<String> listed = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String id = id(i);
			String active = token(id, "", "active", "bulk " + i, CAROL, "carol");
			listed.add(active);
			int delay = slow.contains(i) ? 60_000 : delayMs;
			server.stubFor(get("/api/v2/authorizations/" + id).willReturn(ok(active)));
			server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + id))
				.willReturn(ok(token(id, "", "inactive", "bulk " + i, CAROL, "carol")).withFixedDelay(delay)));
			server.stubFor(delete("/api/v2/authorizations/" + id).willReturn(noContent().withFixedDelay(delay)));
		}
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(listed))));
	}

	Set<String> patched() {
		Set<String> ids = new TreeSet<>();
		for (LoggedRequest r : server.findAll(patchRequestedFor(anyUrl()))) {
			ids.add(r.getUrl().substring(r.getUrl().lastIndexOf('/') + 1));
		}
		return ids;
	}

	void awaitPatches(int count) throws Exception {
		Poll.until(count + " PATCH requests", LIMIT, () -> server.findAll(patchRequestedFor(anyUrl())).size() >= count);
	}

	// 1. the credential in use

	@Test
	void aSelectorLeavesTheTokenInUseAloneAndIdStillNamesIt() throws Exception {
		String mine = "0d099b627e602000";
		String other = "0d099b627e601000";
		String alice = "0d09973ac7602000";
		for (String id : List.of(other, mine)) {
			String value = id.equals(mine) ? IN_USE : "someone-else-" + "y".repeat(75);
			String body = token(id, value, "active", "alice " + id, alice, "alice");
			server.stubFor(get("/api/v2/authorizations/" + id).willReturn(ok(body)));
			server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + id))
				.willReturn(ok(body.replace("\"active\"", "\"inactive\""))));
		}
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(
				token(other, "someone-else-" + "y".repeat(75), "active", "alice " + other, alice, "alice"),
				token(mine, IN_USE, "active", "alice " + mine, alice, "alice"))))));
		console.env("INFLUX_HOST", host()).env("INFLUX_TOKEN", IN_USE);
		Result r = console.run(null, "auth", "inactive", "--user", "alice", "--json");
		assertThat(r.exit()).isZero();
		assertThat(r.err()).isEqualTo("skipped " + mine + ": it is the token this command uses; name it with --id to "
				+ "change it\n");
		assertThat(r.out()).contains("\"id\": \"" + other + "\"").doesNotContain(mine).doesNotContain(IN_USE);
		server.verify(0, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + mine)));

		assertThat(console.run(null, "auth", "inactive", "--id", mine, "--hide-headers").exit()).isZero();
		server.verify(1, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + mine)));
	}

	@Test
	void onAServerThatHidesTokenValuesTheCallersOwnTokensNeedForce() throws Exception {
		carol(3, 0, Set.of());
		server.stubFor(get("/api/v2/me").willReturn(ok("{\n\t\"id\": \"" + CAROL + "\",\n\t\"name\": \"carol\"\n}")));
		console.env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "carols-token");
		assertThat(console.run(null, "auth", "inactive", "--user", "carol")).isEqualTo(new Result(2, "",
				"Error: the selection holds 3 token(s) of the user this command runs as (carol), and this server does "
						+ "not return token values, so the token in use cannot be recognised and left out: name the "
						+ "tokens with --id, or add --force to go ahead\n"));
		server.verify(0, patchRequestedFor(anyUrl()));
		Result forced = console.run(null, "auth", "inactive", "--user", "carol", "--force", "--hide-headers");
		assertThat(forced).isEqualTo(new Result(0, row(0) + "\n" + row(1) + "\n" + row(2) + "\n", ""));
	}

	// 2. questions

	@Test
	void onATerminalDeletingSeveralTokensAsksAndNoCtrlCAndCtrlDAnswerNo() throws Exception {
		carol(3, 0, Set.of());
		Path out = home.resolve("deleted.txt");
		String line = "auth delete --user carol --hide-headers --host " + host() + " -t tok > '" + out + "'";
		String question = "Delete 3 tokens? [y/N] ";
		for (String no : List.of("n\r", "\u0003", "\u0004")) {
			try (PtySession tty = PtySession.start(home, line)) {
				tty.await(question, LIMIT).type(no);
				assertThat(tty.exitCode(LIMIT)).as("answered %s", no.strip()).isEqualTo(1);
				assertThat(tty.plain()).contains("ID\t\t\tDescription\tUser\n" + id(0) + "\tbulk 0\t\tcarol\n"
						+ id(1) + "\tbulk 1\t\tcarol\n" + id(2) + "\tbulk 2\t\tcarol\n" + question)
					.endsWith("Error: nothing deleted\n");
			}
		}
		server.verify(0, deleteRequestedFor(anyUrl()));
		assertThat(Files.readString(out)).isEmpty();

		try (PtySession tty = PtySession.start(home, line)) {
			tty.await(question, LIMIT).type("y\r");
			assertThat(tty.exitCode(LIMIT)).isZero();
		}
		server.verify(3, deleteRequestedFor(anyUrl()));
		assertThat(Files.readString(out)).isEqualTo(row(0) + "\ttrue\n" + row(1) + "\ttrue\n" + row(2) + "\ttrue\n");
	}

	@Test
	void scriptsAndStdinNeverAskEvenOnATerminal() throws Exception {
		carol(3, 0, Set.of());
		Path script = home.resolve("incident.influx");
		Files.writeString(script, "auth inactive --user carol --hide-headers\nauth delete --user carol\n");
		Path out = home.resolve("out.txt");
		try (PtySession tty = PtySession.start(home, "@'" + script + "' --influx.host=" + host()
				+ " > '" + out + "'")) {
			// the host comes from the environment of the script run
			assertThat(tty.exitCode(LIMIT)).isEqualTo(2);
			// stderr is a terminal: the first line's progress shows, no question
			assertThat(tty.raw()).contains("\r3/3");
			assertThat(tty.plain()).endsWith(script + ":2: Error: deleting 3 tokens needs --force when not run "
					+ "from a terminal\n").doesNotContain("[y/N]");
		}
		assertThat(Files.readString(out)).isEqualTo(row(0) + "\n" + row(1) + "\n" + row(2) + "\n");
		server.verify(3, patchRequestedFor(anyUrl()));

		console.env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "tok");
		assertThat(console.run("auth delete --user carol\n")).isEqualTo(new Result(2, "",
				"stdin:1: Error: deleting 3 tokens needs --force when not run from a terminal\n"));
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void inTheReplCtrlCAtAQuestionAnswersNoAndTheSessionGoesOn() throws Exception {
		carol(3, 0, Set.of());
		try (PtySession tty = PtySession.start(home, "")) {
			tty.await("influx-shell:default> ", LIMIT)
				.type("auth delete --user carol --host " + host() + " -t tok\r")
				.await("Delete 3 tokens? [y/N] ", LIMIT)
				.type("\u0003")
				.await("Error: nothing deleted\n", LIMIT)
				.type("debug on\r")
				.await("debug is on\n", LIMIT)
				.type("exit\r");
			assertThat(tty.exitCode(LIMIT)).isZero();
		}
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	// 4. interruption and progress

	static final Pattern SUMMARY = Pattern
		.compile("interrupted: (\\d+) inactivated, (\\d+) unknown \\(in flight\\), (\\d+) not started\n");

	void aSignalStopsTheRun(String signal, int exitCode) throws Exception {
		// a second a change: tokens are still waiting to start when the signal comes, on any machine
		carol(40, 1000, Set.of(5, 6));
		console.env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "tok");
		JarProcess.Running run = console.start("auth", "inactive", "--user", "carol", "--hide-headers");
		awaitPatches(12);
		long signalled = System.nanoTime();
		run.signal(signal);
		Result r = run.await(LIMIT);
		Duration took = Duration.ofNanos(System.nanoTime() - signalled);

		assertThat(r.exit()).isEqualTo(exitCode);
		Matcher summary = SUMMARY.matcher(r.err());
		assertThat(summary.matches()).as("stderr is the summary alone: %s", r.err()).isTrue();
		int done = Integer.parseInt(summary.group(1));
		int unknown = Integer.parseInt(summary.group(2));
		int notStarted = Integer.parseInt(summary.group(3));
		assertThat(unknown).as("the two slow tokens").isEqualTo(2);
		assertThat(done + unknown + notStarted).isEqualTo(40);
		assertThat(notStarted).isPositive();
		// the rows done are the first tokens in ID order but the slow ones; nothing was sent after the stop
		List<String> rows = r.out().lines().toList();
		assertThat(rows).hasSize(done);
		assertThat(rows).allSatisfy(row -> assertThat(row).doesNotStartWith(id(5)).doesNotStartWith(id(6)));
		Set<String> patched = patched();
		assertThat(patched).hasSize(done + unknown).contains(id(5), id(6));
		rows.forEach(row -> assertThat(patched).contains(row.substring(0, 16)));
		// the two slow tokens answer a minute after they were sent: the run ended long before, without them
		assertThat(took).as("at most 2 s for what is in flight, then the JVM's exit").isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void sigintStopsABulkRunPrintsWhatWasDoneAndExits130() throws Exception {
		aSignalStopsTheRun("INT", 130);
	}

	@Test
	void sigtermStopsABulkRunPrintsWhatWasDoneAndExits143() throws Exception {
		aSignalStopsTheRun("TERM", 143);
	}

	@Test
	void onATerminalProgressIsShownAndCtrlCInTheReplReportsAndGoesOn() throws Exception {
		carol(40, 300, Set.of(5));
		try (PtySession tty = PtySession.start(home, "")) {
			tty.await("influx-shell:default> ", LIMIT)
				.type("auth inactive --user carol --force --hide-headers --host " + host() + " -t tok\r");
			awaitPatches(20);
			tty.type("\u0003").await("interrupted: ", LIMIT)
				.await(" not started\n", LIMIT)
				.type("debug on\r")
				.await("debug is on\n", LIMIT)
				.type("exit\r");
			assertThat(tty.exitCode(LIMIT)).isZero();
			assertThat(tty.raw()).containsPattern("\r\\d+/40");
			Matcher summary = Pattern.compile("interrupted: (\\d+) inactivated, 1 unknown \\(in flight\\), (\\d+) not "
					+ "started\n").matcher(tty.plain());
			assertThat(summary.find()).as(tty.plain()).isTrue();
			assertThat(tty.plain()).contains(row(0) + "\n");
		}
	}

	@Test
	void offATerminalThereIsNoProgressAndAFinishedRunSaysNothing() throws Exception {
		carol(12, 50, Set.of());
		console.env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "tok");
		Result r = console.run(null, "auth", "inactive", "--user", "carol", "--hide-headers");
		assertThat(r.err()).isEmpty();
		assertThat(r.out().lines()).hasSize(12);
	}
}
