package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.cli.ExitCodes;
import org.influxshell.cli.RunStopped;
import org.influxshell.command.Notes;
import org.influxshell.command.StopSignals;
import org.influxshell.command.StopSignals.Stop;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.configs.ProfileStore;
import org.influxshell.configs.Profiles;
import org.influxshell.connection.Connection;
import org.influxshell.connection.HostUrl;
import org.influxshell.support.ConsoleTest;
import org.influxshell.support.FakeSignals;
import org.influxshell.support.V3Stub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code auth rotate} on InfluxDB 3 Core and Enterprise, against a stub that answers as the 3.10
 * server does: a named admin token replaced (create, check with {@code GET /ping}, rewrite the
 * profiles, delete the old one) and taken back by {@code auth undo}; the operator token
 * regenerated with its profiles, which undo cannot take back; dry runs, questions and refusals.
 */
class V3RotateCommandsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/** The operator token's value once regenerated. */
	static final String NEW_OPERATOR = "apiv3_" + "E".repeat(86);

	static final String CI_WRITER = "{\"token_id\":1,\"name\":\"ci-writer\",\"hash\":\"ffffffff0\""
			+ ",\"created_at\":\"2026-11-02T09:05:10\",\"expiry\":\"2026-11-30T09:05:10\",\"permissions\":\"*:*:*\"}";

	static final String DASH = "{\"token_id\":3,\"name\":\"dash\",\"hash\":\"" + V3Stub.DASH_HASH
			+ "\",\"created_at\":\"2026-12-01T08:00:00\",\"permissions\":\"db:sensors,lab:read,write\"}";

	static final String NEW = "{\"token_id\":4,\"name\":\"leaked-2\",\"hash\":\"" + V3Stub.CI_HASH
			+ "\",\"created_at\":\"2026-12-07T05:10:00.12\",\"permissions\":\"*:*:*\"}";

	static final String REGENERATED_TEXT = V3Stub.CREATED_TEXT.replace(V3Stub.CI, NEW_OPERATOR);

	static final String QUERY = "/api/v3/query_sql";

	static final String REGENERATE = "/api/v3/configure/token/admin/regenerate";

	String original;

	Path journal;

	V3Client v3Client;

	V3Auth v3Auth;

	ChangeJournal changeJournal;

	ConfigsFile configsFile;

	Notes notes;

	@BeforeEach
	void v3ServerAndProfiles() throws Exception {
		v3Client = bean(V3Client.class);
		v3Auth = bean(V3Auth.class);
		changeJournal = bean(ChangeJournal.class);
		configsFile = bean(ConfigsFile.class);
		notes = bean(Notes.class);
		journal = home.resolve(".influxdbv2/influx-shell-journal.jsonl");
		server.resetAll();
		original = """
				[core]
				  url = "http://localhost:%1$d"
				  token = "%2$s"
				  active = true
				  product = "v3"

				[app]
				  url = "http://localhost:%1$d/"   # the same server
				  token = "%3$s"
				  product = "v3"

				[elsewhere]
				  url = "http://127.0.0.1:9"
				  token = "%3$s"
				  product = "v3"
				""".formatted(server.getPort(), V3Stub.OPERATOR, V3Stub.LEAKED);
		Files.createDirectories(configs.getParent());
		Files.writeString(configs, original);
		Files.setPosixFilePermissions(configs, PosixFilePermissions.fromString("rw-------"));
		rows(STARTED, V3Stub.OPERATOR_ROW, CI_WRITER, V3Stub.LEAKED_ROW, DASH);
		rows("made", V3Stub.OPERATOR_ROW, CI_WRITER, V3Stub.LEAKED_ROW, DASH, NEW);
		rows("rotated", V3Stub.OPERATOR_ROW, CI_WRITER, DASH, NEW);
		rows("undone", V3Stub.OPERATOR_ROW, CI_WRITER, DASH);
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/named_admin")).inScenario("tokens")
			.whenScenarioStateIs(STARTED).withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"token_name\":\"leaked-2\",\"expiry_secs\":null}")).willSetStateTo("made")
			.willReturn(V3Stub.created(4, "leaked-2", V3Stub.CI, null)));
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked")).inScenario("tokens")
			.whenScenarioStateIs("made").willSetStateTo("rotated").willReturn(V3Stub.deleted()));
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked-2")).inScenario("tokens")
			.whenScenarioStateIs("rotated").willSetStateTo("undone").willReturn(V3Stub.deleted()));
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked-2")).inScenario("tokens")
			.whenScenarioStateIs("made").willSetStateTo("undone").willReturn(V3Stub.deleted()));
		ping("Core");
	}

	private void rows(String state, String... rows) {
		rowsFor(V3Stub.OPERATOR, state, rows);
	}

	/** {@code system.tokens} as this token lists it in this state. */
	private void rowsFor(String token, String state, String... rows) {
		server.stubFor(post(urlEqualTo(QUERY)).inScenario("tokens").whenScenarioStateIs(state)
			.withRequestBody(equalToJson(V3AuthCommandsTest.QUERY))
			.withHeader("Authorization", equalTo("Token " + token))
			.willReturn(V3Stub.rows("[" + String.join(",", rows) + "]")));
	}

	/** The rotation the console runs, with signals the test raises and this configs file. */
	private V3Rotation rotation(StopSignals signals, ConfigsFile configs) {
		return new V3Rotation(v3Client, v3Auth, changeJournal, configs, questions, signals, notes);
	}

	/** The connection of profile core, with the operator token. */
	private Connection core() {
		return new Connection(HostUrl.base("http://localhost:" + server.getPort()), V3Stub.OPERATOR, "", false, false,
				null, "core", false, "", Connection.V3);
	}

	/** The configs file, each store of it opened through {@code wrap}. */
	private ConfigsFile configsThrough(UnaryOperator<ProfileStore> wrap) {
		return new ConfigsFile(() -> configs.toString(), path -> wrap.apply(configsFile.store(path.toString())),
				() -> home.toString());
	}

	private String runId() throws Exception {
		return journalText().lines().findFirst().orElseThrow().replaceAll(".*\"run\":\"([^\"]+)\".*", "$1");
	}

	private void ping(String build) {
		for (String token : List.of(V3Stub.OPERATOR, V3Stub.CI, NEW_OPERATOR)) {
			server.stubFor(get(urlEqualTo("/ping")).withHeader("Authorization", equalTo("Token " + token))
				.willReturn(V3Stub.ping(build)));
		}
	}

	String configsText() {
		return new String(configsBytes(), StandardCharsets.UTF_8);
	}

	String journalText() throws Exception {
		return Files.exists(journal) ? Files.readString(journal) : "";
	}

	/** The lines of stderr after the first: undo's first line names its run and time. */
	static String afterFirstLine(String err) {
		return err.substring(err.indexOf('\n') + 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Core", "Enterprise" })
	void aLeakedTokenIsReplacedInItsProfilesThenDeletedAndUndoCannotBringItBack(String build) throws Exception {
		ping(build);
		Run rotate = run("auth rotate --name leaked --new-name leaked-2 --force");

		assertThat(rotate).isEqualTo(new Run(0, V3Stub.CREATED_TEXT, "rewrote profile \"app\": token 2 (leaked) -> 4 (leaked-2)\n"));
		assertThat(configsText()).isEqualTo(original.replace("  token = \"" + V3Stub.LEAKED + "\"\n  product = \"v3\"\n\n[elsewhere]",
				"  token = \"" + V3Stub.CI + "\"\n  product = \"v3\"\n\n[elsewhere]"));
		server.verify(1, getRequestedFor("/ping", V3Stub.CI));
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked")));
		String journaled = journalText();
		assertThat(journaled).contains("\"action\":\"create\",\"id\":\"4\",\"description\":\"leaked-2\"")
			.contains("\"action\":\"rewrite\",\"id\":\"4\",\"description\":\"leaked-2\"")
			.contains("\"action\":\"delete\",\"id\":\"2\",\"description\":\"leaked\"")
			.contains("\"rewritten\":\"app\"").contains("\"replaced\":\"2\"")
			.doesNotContain(V3Stub.LEAKED).doesNotContain(V3Stub.CI).doesNotContain(V3Stub.OPERATOR);
		assertThat(journaled.lines().filter(l -> l.contains("\"kind\":\"v3\"")).count()).isEqualTo(3);

		// the old token is gone for good: no profile is given it back, and the new token stays in them
		String rotated = configsText();
		Run undo = run("auth undo --force --hide-headers");
		assertThat(undo).isEqualTo(new Run(1, "", undo.err()));
		assertThat(afterFirstLine(undo.err())).isEqualTo("cannot bring back deleted token 2 (leaked): InfluxDB 3 cannot "
				+ "restore a deleted token; make a new one with: auth create --name leaked\n"
				+ "left as it is: token 4 (leaked-2) replaced a token that was deleted; the profiles keep it\n"
				+ "Error: 2 change(s) could not be put back\n");
		assertThat(configsText()).isEqualTo(rotated);
		server.verify(0, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked-2")));
	}

	@Test
	void aRotationStoppedBeforeTheDeleteIsTakenBackWholeByUndo() throws Exception {
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked")).inScenario("tokens")
			.whenScenarioStateIs("made").willReturn(V3Stub.text(500, "catalog error: the object store did not answer")));
		Run rotate = run("auth rotate --name leaked --new-name leaked-2 --force");
		String run = journalText().lines().findFirst().orElseThrow().replaceAll(".*\"run\":\"([^\"]+)\".*", "$1");
		assertThat(rotate).isEqualTo(new Run(1, V3Stub.CREATED_TEXT, "rewrote profile \"app\": token 2 (leaked) -> 4 (leaked-2)\n"
				+ "rotate token 2 (leaked): done: created 4 (leaked-2)\n"
				+ "rotate token 2 (leaked): done: checked 4 (GET /ping)\n"
				+ "rotate token 2 (leaked): done: rewrote profile(s) app\n"
				+ "rotate token 2 (leaked): failed: delete: could not delete token \"leaked\" (ID 2): 500 Internal Server "
				+ "Error: catalog error: the object store did not answer\n"
				+ "Error: rotation of token 2 (leaked) stopped; the old token is still usable; auth undo --run " + run
				+ " takes back what was done\n"));

		Run undo = run("auth undo --force --hide-headers");
		assertThat(undo.exit()).isZero();
		assertThat(undo.out()).isEqualTo("4\tleaked-2\t\t\t\t\ttrue\n");
		assertThat(afterFirstLine(undo.err())).isEqualTo("restored profile \"app\": token 4 -> 2\n");
		assertThat(configsText()).isEqualTo(original);
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked-2")));
	}

	private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder getRequestedFor(String url, String token) {
		return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(url))
			.withHeader("Authorization", equalTo("Token " + token));
	}

	@Test
	void theTokenInUseIsDeletedWithTheNewOneAlreadyInItsPlace() throws Exception {
		server.stubFor(post(urlEqualTo("/api/v3/query_sql")).withHeader("Authorization", equalTo("Token " + V3Stub.LEAKED))
			.willReturn(V3Stub.rows("[" + String.join(",", V3Stub.OPERATOR_ROW, CI_WRITER, V3Stub.LEAKED_ROW, DASH) + "]")));
		Run r = run("auth rotate --name leaked --new-name leaked-2 --force -c app");
		assertThat(r).isEqualTo(new Run(0, V3Stub.CREATED_TEXT, "rewrote profile \"app\": token 2 (leaked) -> 4 (leaked-2)\n"));
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked"))
			.withHeader("Authorization", equalTo("Token " + V3Stub.CI)));
		server.verify(1, postRequestedFor(urlEqualTo("/api/v3/configure/token/named_admin"))
			.withHeader("Authorization", equalTo("Token " + V3Stub.LEAKED)));
		assertThat(configsText()).contains("[app]\n  url = \"http://localhost:" + server.getPort() + "/\"   # the same "
				+ "server\n  token = \"" + V3Stub.CI + "\"\n");
	}

	@Test
	void theOperatorsValueGivenMustBeItsOwn() {
		assertThat(run("auth rotate --operator --token-value " + V3Stub.LEAKED + " --force")).isEqualTo(new Run(2, "",
				"Error: the value given with --token-value is not the operator token's\n"));
		server.verify(0, postRequestedFor(urlEqualTo("/api/v3/configure/token/admin/regenerate")));
	}

	@Test
	void theNewTokenGetsTheOldOnesExpiryLengthAndADatedName() throws Exception {
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/named_admin"))
			.withRequestBody(matchingJsonPath("$.token_name", matching("ci-writer-\\d{8}-\\d{4}")))
			.withRequestBody(matchingJsonPath("$.expiry_secs", equalTo("2419200")))
			.willReturn(V3Stub.created(4, "ci-writer-20261207-0510", V3Stub.CI, "2027-01-04T05:10:00.120Z")));
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=ci-writer")).willReturn(V3Stub.deleted()));
		Run r = run("auth rotate --id 1 --force");
		assertThat(r).isEqualTo(new Run(0, V3Stub.CREATED_TEXT, ""));
		assertThat(configsText()).isEqualTo(original);
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=ci-writer")));
	}

	@Test
	void namesAndExpiryLengths() {
		assertThat(V3Rotation.newName("ci", Instant.parse("2026-12-07T05:09:59.900Z"))).isEqualTo("ci-20261207-0509");
		assertThat(V3Rotation.expiryLength(new V3Token(1, "a", "", "2026-11-02T09:05:10", "", "", "2026-11-30T09:05:10",
				"*:*:*"))).isEqualTo(2_419_200L);
		assertThat(V3Rotation.expiryLength(new V3Token(1, "a", "", "2026-11-02T09:05:10.250", "", "",
				"2026-11-02T10:05:10.250", "*:*:*"))).isEqualTo(3_600L);
		assertThat(V3Rotation.expiryLength(new V3Token(1, "a", "", "2026-11-02T09:05:10", "", "", "", "*:*:*"))).isNull();
	}

	@Test
	void aSignalWhileTheRegenerateRequestIsOutWaitsForItsAnswer() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch answer = new CountDownLatch(1);
		AtomicBoolean callInterrupted = new AtomicBoolean();
		AtomicBoolean callStarted = new AtomicBoolean();
		AtomicBoolean answered = new AtomicBoolean();
		Thread caller = Thread.currentThread();
		Thread signal = new Thread(() -> {
			try {
				// asserted on the test thread: an assertion failing here would end this thread unseen
				callStarted.set(started.await(30, TimeUnit.SECONDS));
				caller.interrupt();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				answer.countDown();
			}
		});
		signal.start();
		String value = V3Rotation.throughSignals(() -> {
			started.countDown();
			try {
				answered.set(answer.await(30, TimeUnit.SECONDS));
			}
			catch (InterruptedException ex) {
				callInterrupted.set(true);
			}
			return NEW_OPERATOR;
		});
		signal.join();
		Thread.interrupted();
		assertThat(callStarted).isTrue();
		assertThat(answered).isTrue();
		assertThat(value).isEqualTo(NEW_OPERATOR);
		assertThat(callInterrupted).isFalse();
	}

	@Test
	void aNewTokenTheServerRefusesNeverReachesAProfileAndTheOldOneStays() throws Exception {
		server.stubFor(get(urlEqualTo("/ping")).withHeader("Authorization", equalTo("Token " + V3Stub.CI))
			.willReturn(V3Stub.notAuthenticated()));
		Run r = run("auth rotate --token-value " + V3Stub.LEAKED + " --new-name leaked-2 --force");
		assertThat(r.exit()).isEqualTo(1);
		// the new value is printed all the same: it exists nowhere else
		assertThat(r.out()).isEqualTo(V3Stub.CREATED_TEXT);
		String run = journalText().lines().findFirst().orElseThrow().replaceAll(".*\"run\":\"([^\"]+)\".*", "$1");
		assertThat(r.err()).isEqualTo("rotate token 2 (leaked): done: created 4 (leaked-2)\n"
				+ "rotate token 2 (leaked): failed: check: the new token 4 was refused (GET /ping): 401 Unauthorized: the "
				+ "request was not authenticated\n"
				+ "rotate token 2 (leaked): not done: rewrite\n"
				+ "rotate token 2 (leaked): not done: delete\n"
				+ "Error: rotation of token 2 (leaked) stopped; the old token is still usable; auth undo --run " + run
				+ " takes back what was done\n");
		assertThat(configsText()).isEqualTo(original);
		server.verify(0, deleteRequestedFor(anyUrl()));
		assertThat(journalText()).contains("\"action\":\"end\"").contains("\"after\":\"partly failed\"");

		// undo deletes the new token; the old one was never deleted, so nothing is lost
		Run undo = run("auth undo --force --hide-headers");
		assertThat(undo.exit()).isZero();
		assertThat(undo.out()).isEqualTo("4\tleaked-2\t\t\t\t\ttrue\n");
		assertThat(afterFirstLine(undo.err())).isEmpty();
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked-2")));
		assertThat(configsText()).isEqualTo(original);
	}

	@Test
	void offATerminalTheDeleteNeedsForceAndOnOneItIsAskedFirst() {
		Run off = run("auth rotate --name leaked");
		assertThat(off).isEqualTo(new Run(2, "", "Error: deleting InfluxDB 3 tokens needs --force when not run from a "
				+ "terminal: a deleted token cannot be brought back\n"));
		questions.onTerminalAnswering(false);
		Run no = run("auth rotate --name leaked --new-name leaked-2");
		assertThat(no).isEqualTo(new Run(1, "", "Error: nothing rotated\n"));
		assertThat(questions.shown()).containsExactly("ID\tName\tPermissions", "2\tleaked\t*:*:*",
				"Rotate token 2 (leaked)? The new token takes its place in 1 profile(s); then the old one is deleted, "
						+ "which InfluxDB 3 cannot undo. [y/N] ");
		server.verify(0, postRequestedFor(urlEqualTo("/api/v3/configure/token/named_admin")));
		assertThat(configsText()).isEqualTo(original);
	}

	@Test
	void aDryRunNamesTheTokenAndTheProfilesAndChangesNothing() {
		Run r = run("auth rotate --name leaked --new-name leaked-2 --dry-run");
		assertThat(r).isEqualTo(new Run(0, "", "would rotate token 2 (leaked): create \"leaked-2\" (permissions *:*:*, no "
				+ "expiry), check it, rewrite profile(s) app, then delete the old one\n"
				+ "Dry run: 1 token(s) would be rotated; nothing was changed.\n"));
		Run op = run("auth rotate --operator --dry-run");
		assertThat(op).isEqualTo(new Run(0, "", "would regenerate the operator token 0 (_admin): its value is replaced at "
				+ "once, then profile(s) core get the new value\n"
				+ "Dry run: the operator token would be regenerated; nothing was changed.\n"));
		server.verify(0, postRequestedFor(urlEqualTo("/api/v3/configure/token/named_admin")));
		server.verify(0, postRequestedFor(urlEqualTo("/api/v3/configure/token/admin/regenerate")));
		assertThat(configsText()).isEqualTo(original);
	}

	@Test
	void whatCannotBeRotatedIsRefusedBeforeAnythingChanges() {
		assertThat(run("auth rotate --name _admin --force")).isEqualTo(new Run(2, "", "Error: the operator token \"_admin\" "
				+ "is not rotated by name: InfluxDB 3 regenerates it; use auth rotate --operator (its old value stops "
				+ "working at once)\n"));
		assertThat(run("auth rotate --id 0 --force")).isEqualTo(new Run(2, "", "Error: " + V3Rotation.OPERATOR_BY_NAME + "\n"));
		assertThat(run("auth rotate --name dash --force")).isEqualTo(new Run(2, "", "Error: token 3 (dash) is a resource "
				+ "token (db:sensors,lab:read,write): auth rotate replaces named admin tokens only; make its successor with "
				+ "auth create --name NAME --permission ..., then delete it with auth delete --name dash\n"));
		assertThat(run("auth rotate --name leaked --name dash --force")).isEqualTo(new Run(2, "", "Error: auth rotate on "
				+ "InfluxDB 3 replaces one token at a time: give one --id or --name\n"));
		assertThat(run("auth rotate --name leaked --token-value " + V3Stub.CI + " --force")).isEqualTo(new Run(2, "",
				"Error: the value given with --token-value is not the value of token 2 (leaked)\n"));
		assertThat(run("auth rotate --name leaked --delete-old --force")).isEqualTo(new Run(2, "",
				"Error: --delete-old works with InfluxDB 2 only; this server is InfluxDB 3 (product v3)\n"));
		assertThat(run("auth rotate --name nobody --force")).isEqualTo(new Run(1, "",
				"Error: could not find token \"nobody\": no such token\n"));
		assertThat(run("auth rotate --operator --name leaked --force")).isEqualTo(new Run(2, "", "Error: --operator "
				+ "regenerates the operator token \"_admin\" and keeps its name: leave out --id, --name and --new-name\n"));
		assertThat(run("auth rotate --operator --host http://localhost:" + server.getPort() + " -t x --product v2"))
			.isEqualTo(new Run(2, "", "Error: --operator works with InfluxDB 3 only; this server is InfluxDB 2 (product v2): "
					+ "give --product v3, or keep it in the profile with config set -n NAME --product v3\n"));
		server.verify(0, postRequestedFor(urlEqualTo("/api/v3/configure/token/named_admin")));
		server.verify(0, deleteRequestedFor(anyUrl()));
		assertThat(configsText()).isEqualTo(original);
	}

	@Test
	void theOperatorTokenIsRegeneratedWithItsProfilesAndUndoSaysItCannotComeBack() throws Exception {
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/admin/regenerate"))
			.withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR))
			.willReturn(V3Stub.created(0, "_admin", NEW_OPERATOR, null)));
		Run off = run("auth rotate --operator");
		assertThat(off).isEqualTo(new Run(2, "", "Error: regenerating the operator token needs --force when not run from "
				+ "a terminal: its current value stops working at once, for every client that uses it\n"));
		questions.onTerminalAnswering(false);
		assertThat(run("auth rotate --operator")).isEqualTo(new Run(1, "", "Error: nothing regenerated\n"));
		assertThat(questions.shown()).containsExactly("profile core gets the new value", "Regenerate the operator token "
				+ "_admin? Its current value stops working at once, for every client that uses it, and cannot come back. [y/N] ");
		server.verify(0, postRequestedFor(urlEqualTo("/api/v3/configure/token/admin/regenerate")));

		Run r = run("auth rotate --operator --force");
		assertThat(r).isEqualTo(new Run(0, REGENERATED_TEXT, "rewrote profile \"core\": token 0 (_admin) -> 0 (_admin)\n"));
		assertThat(configsText()).isEqualTo(original.replace(V3Stub.OPERATOR, NEW_OPERATOR));
		assertThat(journalText()).contains("\"action\":\"regenerate\",\"id\":\"0\",\"description\":\"_admin\"")
			.contains("\"action\":\"rewrite\",\"id\":\"0\"").doesNotContain(V3Stub.OPERATOR).doesNotContain(NEW_OPERATOR);

		String rotated = configsText();
		Run undo = run("auth undo --force");
		assertThat(undo.exit()).isEqualTo(1);
		assertThat(undo.err()).contains(" (1 v3 regenerated, 1 profile rewritten)\n");
		assertThat(afterFirstLine(undo.err())).isEqualTo("cannot bring back the old value of the operator token 0 "
				+ "(_admin): a regenerated operator token cannot come back, InfluxDB 3 refused the old value the moment it "
				+ "made the new one; the profiles keep the new value\n"
				+ "Error: 1 change(s) could not be put back\n");
		assertThat(configsText()).isEqualTo(rotated);
	}

	@Test
	void whenTheProfilesCannotBeWrittenTheNewOperatorValueIsPrintedWithTheReason() throws Exception {
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/admin/regenerate"))
			.willReturn(V3Stub.created(0, "_admin", NEW_OPERATOR, null)));
		// the lock file beside the configs file cannot be opened: the copy is kept, the change is refused
		Files.createDirectories(configs.resolveSibling("configs.lock"));
		Run r = run("auth rotate --operator --force");
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.out()).isEqualTo(REGENERATED_TEXT);
		assertThat(r.err()).startsWith("regenerated the operator token 0 (_admin): its old value no longer works\n"
				+ "Error: the profiles could not be rewritten (")
			.endsWith("); the new operator token printed above is its only copy: keep it, e.g. with config set -n NAME -t "
					+ "VALUE\n")
			.doesNotContain(NEW_OPERATOR);
		assertThat(configsText()).isEqualTo(original);
		assertThat(journalText()).contains("\"action\":\"regenerate\"").doesNotContain(NEW_OPERATOR)
			.contains("\"action\":\"end\"").contains("\"after\":\"partly failed\"");
	}

	@Test
	void undoOfARotationOfTheTokenInUseRestoresItsProfileThenDeletesTheNewTokenWithTheOldOne() throws Exception {
		// app's profile holds the token rotated: the rotation runs with it, and once stopped, the undo with the new one
		rowsFor(V3Stub.LEAKED, STARTED, V3Stub.OPERATOR_ROW, CI_WRITER, V3Stub.LEAKED_ROW, DASH);
		rowsFor(V3Stub.CI, "made", V3Stub.OPERATOR_ROW, CI_WRITER, V3Stub.LEAKED_ROW, DASH, NEW);
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked")).inScenario("tokens")
			.whenScenarioStateIs("made").willReturn(V3Stub.text(500, "catalog error: the object store did not answer")));
		Run rotate = run("auth rotate --name leaked --new-name leaked-2 --force -c app");
		assertThat(rotate.exit()).isEqualTo(1);
		assertThat(configsText()).contains("token = \"" + V3Stub.CI + "\"");

		Run undo = run("auth undo -c app --force --hide-headers");
		assertThat(undo).isEqualTo(new Run(0, "4\tleaked-2\t\t\t\t\ttrue\n", undo.err()));
		assertThat(afterFirstLine(undo.err())).isEqualTo("restored profile \"app\": token 4 -> 2\n");
		assertThat(configsBytes()).isEqualTo(original.getBytes(StandardCharsets.UTF_8));
		// cut off with the old token, back in the profile: the new one is on its way out
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked-2")));
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked-2"))
			.withHeader("Authorization", equalTo("Token " + V3Stub.LEAKED)));
	}

	@Test
	void aSignalAfterTheLastLookBeforeTheDeleteStopsTheRotationThere() throws Exception {
		FakeSignals signals = new FakeSignals();
		signals.raiseAsTheWatchCloses(Stop.INTERRUPT);
		V3Rotation.Outcome done;
		try {
			done = rotation(signals, configsFile).rotate(core(),
					new V3Rotation.Query(List.of(), List.of("leaked"), null, "leaked-2", false, false, true, null), Instant.now());
		}
		finally {
			Thread.interrupted();
		}
		assertThat(done.made().token()).isEqualTo(V3Stub.CI);
		assertThat(done.failure()).isInstanceOf(RunStopped.class);
		assertThat(done.failure().exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
		assertThat(done.failure().getMessage()).isEqualTo("interrupted: rotation of token 2 (leaked) stopped at the "
				+ "delete; the old token is still usable; auth undo --run " + runId() + " takes back what was done");
		assertThat(stderrBytes.toString(StandardCharsets.UTF_8)).isEqualTo(
				"rewrote profile \"app\": token 2 (leaked) -> 4 (leaked-2)\n"
						+ "rotate token 2 (leaked): done: created 4 (leaked-2)\n"
						+ "rotate token 2 (leaked): done: checked 4 (GET /ping)\n"
						+ "rotate token 2 (leaked): done: rewrote profile(s) app\n"
						+ "rotate token 2 (leaked): stopped: delete: the stop came before the next step\n");
		server.verify(0, deleteRequestedFor(anyUrl()));
		assertThat(journalText()).contains("\"action\":\"end\"").contains("\"after\":\"interrupted\"");
	}

	@Test
	void whenTheDeletesAnswerIsLostAndTheTokensCannotBeReadAgainTheOldTokenMayBeDeleted() throws Exception {
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked")).inScenario("tokens")
			.whenScenarioStateIs("made").willSetStateTo("lost").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		server.stubFor(post(urlEqualTo(QUERY)).inScenario("tokens").whenScenarioStateIs("lost")
			.willReturn(V3Stub.text(500, "Schema error: No field named hash")));
		Run r = run("auth rotate --name leaked --new-name leaked-2 --force");
		assertThat(r).isEqualTo(new Run(1, V3Stub.CREATED_TEXT, "rewrote profile \"app\": token 2 (leaked) -> 4 (leaked-2)\n"
				+ "rotate token 2 (leaked): done: created 4 (leaked-2)\n"
				+ "rotate token 2 (leaked): done: checked 4 (GET /ping)\n"
				+ "rotate token 2 (leaked): done: rewrote profile(s) app\n"
				+ "rotate token 2 (leaked): failed: delete: could not delete token \"leaked\" (ID 2): DELETE http://localhost:"
				+ server.getPort() + "/api/v3/configure/token?token_name=leaked: connection reset by peer; whether it was "
				+ "done is unknown: reading it again failed: 500 Internal Server Error: Schema error: No field named hash\n"
				+ "Error: rotation of token 2 (leaked) stopped; the old token may be deleted: see auth list --id 2; auth undo "
				+ "--run " + runId() + " takes back what was done\n"));
	}

	@Test
	void whenTheRegenerateAnswerIsLostTheServerMayHaveRegeneratedTheOperatorToken() throws Exception {
		server.stubFor(post(urlEqualTo(REGENERATE)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		Run r = run("auth rotate --operator --force");
		assertThat(r).isEqualTo(new Run(1, "", "Error: could not regenerate the operator token: POST http://localhost:"
				+ server.getPort() + REGENERATE + ": connection reset by peer; the answer was lost, so the server may have "
				+ "regenerated _admin all the same: then the value profile(s) core hold no longer works (check with config "
				+ "status)\n"));
		assertThat(configsText()).isEqualTo(original);
		assertThat(journalText()).contains("\"action\":\"regenerate\",\"id\":\"0\"").contains("\"action\":\"end\"")
			.contains("\"after\":\"partly failed\"").doesNotContain(V3Stub.OPERATOR);
		Run list = run("auth journal");
		assertThat(list.err()).isEmpty();
		assertThat(list.out()).contains("partly failed");
	}

	@Test
	void anyFailureToWriteTheProfilesEndsWithTheNewOperatorValueAndTheReason() throws Exception {
		server.stubFor(post(urlEqualTo(REGENERATE)).willReturn(V3Stub.created(0, "_admin", NEW_OPERATOR, null)));
		ConfigsFile failing = configsThrough(store -> new ProfileStore() {

			@Override
			public Profiles read() {
				return store.read();
			}

			@Override
			public Profiles update(UnaryOperator<Profiles> change) {
				throw new IllegalStateException("the disk went away");
			}
		});
		V3Rotation.Outcome done = rotation(new FakeSignals(), failing).rotate(core(),
				new V3Rotation.Query(List.of(), List.of(), null, null, true, false, true, null), Instant.now());
		assertThat(done.made().token()).isEqualTo(NEW_OPERATOR);
		assertThat(done.failure().exitCode()).isEqualTo(ExitCodes.FAILURE);
		assertThat(done.failure().getMessage()).isEqualTo("the profiles could not be rewritten (the disk went away); "
				+ "the new operator token printed above is its only copy: keep it, e.g. with config set -n NAME -t VALUE");
		assertThat(stderrBytes.toString(StandardCharsets.UTF_8))
			.isEqualTo("regenerated the operator token 0 (_admin): its old value no longer works\n");
		assertThat(configsText()).isEqualTo(original);
		assertThat(journalText()).contains("\"action\":\"end\"").contains("\"after\":\"partly failed\"");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aStopDuringARegenerationIsJournaledOnceTheProfilesHoldTheNewValue(boolean asTheWatchCloses) throws Exception {
		server.stubFor(post(urlEqualTo(REGENERATE)).willReturn(V3Stub.created(0, "_admin", NEW_OPERATOR, null)));
		FakeSignals signals = new FakeSignals();
		ConfigsFile configs = configsFile;
		if (asTheWatchCloses) {
			signals.raiseAsTheWatchCloses(Stop.TERMINATE);
		}
		else {
			// SIGTERM while the profiles are being rewritten (the store is opened on the way)
			configs = configsThrough(store -> {
				signals.raise(Stop.TERMINATE);
				return store;
			});
		}
		V3Rotation.Outcome done;
		try {
			done = rotation(signals, configs).rotate(core(),
					new V3Rotation.Query(List.of(), List.of(), null, null, true, false, true, null), Instant.now());
		}
		finally {
			Thread.interrupted();
		}
		assertThat(done.made().token()).isEqualTo(NEW_OPERATOR);
		assertThat(done.failure()).isInstanceOf(RunStopped.class);
		assertThat(done.failure().exitCode()).isEqualTo(ExitCodes.TERMINATED);
		assertThat(done.failure().getMessage()).isEqualTo("interrupted: the stop came once the operator token was "
				+ "regenerated and 1 profile(s) rewritten; the new value is printed above");
		assertThat(configsText()).isEqualTo(original.replace(V3Stub.OPERATOR, NEW_OPERATOR));
		assertThat(journalText()).contains("\"action\":\"end\"").contains("\"after\":\"interrupted\"");
	}
}
