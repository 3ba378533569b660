package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Poll;
import org.influxshell.support.V3Stub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth rotate} on InfluxDB 3 Core with the packaged console, one process a step: a leaked
 * token found by its value piped in and rotated out of the profiles that held it; an undo that
 * puts every byte of the configs file back when the rotation stopped before deleting the old
 * token, and that says the old token cannot come back when it did; the operator token
 * regenerated, with SIGTERM arriving while the server is answering: the new value is still
 * written into the profile and printed, and the stop reported.
 */
class V3RotateIT {

	static final Duration LIMIT = Duration.ofSeconds(120);

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String NEW_OPERATOR = "apiv3_" + "E".repeat(86);

	static final String NEW = "{\"token_id\":4,\"name\":\"leaked-2\",\"hash\":\"" + V3Stub.CI_HASH
			+ "\",\"created_at\":\"2026-12-07T05:10:00.12\",\"permissions\":\"*:*:*\"}";

	@TempDir
	Path home;

	JarProcess console;

	Path configs;

	String original;

	@BeforeEach
	void setUp() throws Exception {
		console = new JarProcess(home);
		server.resetAll();
		configs = home.resolve(".influxdbv2/configs");
		original = """
				# the servers of the sensors team
				[core]
				  url = "http://127.0.0.1:%1$d"
				  token = "%2$s"
				  active = true
				  product = "v3"

				[telegraf]
				  url = "http://127.0.0.1:%1$d/"   # the same server, as Telegraf's config has it
				  token = "%3$s"
				  product = "v3"
				""".formatted(server.getPort(), V3Stub.OPERATOR, V3Stub.LEAKED);
		Files.createDirectories(configs.getParent());
		Files.writeString(configs, original);
		Files.setPosixFilePermissions(configs, PosixFilePermissions.fromString("rw-------"));
		for (String token : new String[] { V3Stub.OPERATOR, V3Stub.CI }) {
			server.stubFor(get(urlEqualTo("/ping")).withHeader("Authorization", equalTo("Token " + token))
				.willReturn(V3Stub.ping("Core")));
		}
		rows(STARTED, V3Stub.OPERATOR_ROW, V3Stub.LEAKED_ROW);
		rows("made", V3Stub.OPERATOR_ROW, V3Stub.LEAKED_ROW, NEW);
		rows("rotated", V3Stub.OPERATOR_ROW, NEW);
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/named_admin")).inScenario("tokens")
			.whenScenarioStateIs(STARTED).willSetStateTo("made").willReturn(V3Stub.created(4, "leaked-2", V3Stub.CI, null)));
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked-2")).inScenario("tokens")
			.whenScenarioStateIs("made").willSetStateTo("undone").willReturn(V3Stub.deleted()));
	}

	private void rows(String state, String... rows) {
		server.stubFor(post(urlEqualTo("/api/v3/query_sql")).inScenario("tokens").whenScenarioStateIs(state)
			.withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR))
			.willReturn(V3Stub.rows("[" + String.join(",", rows) + "]")));
	}

	String configsText() throws Exception {
		return Files.readString(configs);
	}

	String rotated() {
		return original.replace("  token = \"" + V3Stub.LEAKED + "\"", "  token = \"" + V3Stub.CI + "\"");
	}

	@Test
	void aLeakedTokenFoundByValueIsRotatedAndUndoPutsEveryByteBackWhileTheOldOneLives() throws Exception {
		Result found = console.run(V3Stub.LEAKED + "\n", "auth", "list", "--token-value", "-", "--hide-headers");
		assertThat(found).isEqualTo(new Result(0, "2\tleaked\t7e27dfe58\t2026-11-20T14:02:45.331\t\t*:*:*\n", ""));

		// the server does not delete the old token this time: the rotation stops there, both tokens usable
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked")).inScenario("tokens")
			.whenScenarioStateIs("made").willReturn(V3Stub.text(500, "catalog error: the object store did not answer")));
		Result rotate = console.run(V3Stub.LEAKED + "\n", "auth", "rotate", "--token-value", "-", "--new-name", "leaked-2",
				"--force");
		assertThat(rotate.exit()).isEqualTo(1);
		assertThat(rotate.out()).isEqualTo(V3Stub.CREATED_TEXT);
		assertThat(rotate.err()).startsWith("rewrote profile \"telegraf\": token 2 (leaked) -> 4 (leaked-2)\n"
				+ "rotate token 2 (leaked): done: created 4 (leaked-2)\n"
				+ "rotate token 2 (leaked): done: checked 4 (GET /ping)\n"
				+ "rotate token 2 (leaked): done: rewrote profile(s) telegraf\n"
				+ "rotate token 2 (leaked): failed: delete: could not delete token \"leaked\" (ID 2): 500 Internal Server "
				+ "Error: catalog error: the object store did not answer\n"
				+ "Error: rotation of token 2 (leaked) stopped; the old token is still usable; auth undo --run ")
			.endsWith(" takes back what was done\n");
		assertThat(configsText()).isEqualTo(rotated());

		Result undo = console.run("", "auth", "undo", "--force", "--hide-headers");
		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(undo.out()).isEqualTo("4\tleaked-2\t\t\t\t\ttrue\n");
		assertThat(undo.err()).endsWith("restored profile \"telegraf\": token 4 -> 2\n");
		assertThat(configsText()).isEqualTo(original);
		server.verify(1, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked-2")));
		assertThat(Files.readString(home.resolve(".influxdbv2/influx-shell-journal.jsonl"))).doesNotContain(V3Stub.LEAKED)
			.doesNotContain(V3Stub.CI).doesNotContain(V3Stub.OPERATOR);
	}

	@Test
	void aWholeRotationCannotBeUndoneAndTheProfilesKeepTheNewToken() throws Exception {
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked")).inScenario("tokens")
			.whenScenarioStateIs("made").willSetStateTo("rotated").willReturn(V3Stub.deleted()));
		Result rotate = console.run(V3Stub.LEAKED + "\n", "auth", "rotate", "--token-value", "-", "--new-name", "leaked-2",
				"--force");
		assertThat(rotate).isEqualTo(new Result(0, V3Stub.CREATED_TEXT,
				"rewrote profile \"telegraf\": token 2 (leaked) -> 4 (leaked-2)\n"));
		assertThat(configsText()).isEqualTo(rotated());

		Result undo = console.run("", "auth", "undo", "--force");
		assertThat(undo.exit()).isEqualTo(1);
		assertThat(undo.err()).endsWith("cannot bring back deleted token 2 (leaked): InfluxDB 3 cannot restore a deleted "
				+ "token; make a new one with: auth create --name leaked\n"
				+ "left as it is: token 4 (leaked-2) replaced a token that was deleted; the profiles keep it\n"
				+ "Error: 2 change(s) could not be put back\n");
		assertThat(configsText()).isEqualTo(rotated());
		server.verify(0, deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked-2")));
	}

	/**
	 * SIGTERM while the old token's delete is out cancels the request: whether the server deleted the
	 * token is then unknown, and the rotation says so, never that the old token is still usable.
	 */
	@Test
	void sigtermWhileTheOldTokensDeleteIsOutLeavesItsFateUnknown() throws Exception {
		// the server holds its answer for a minute: only the stop ends the request
		server.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=leaked")).inScenario("tokens")
			.whenScenarioStateIs("made").willReturn(V3Stub.deleted().withFixedDelay(60_000)));
		JarProcess.Running run = console.start("auth", "rotate", "--name", "leaked", "--new-name", "leaked-2", "--force");
		Poll.until("the delete request", LIMIT, () -> !server
			.findAll(deleteRequestedFor(urlEqualTo("/api/v3/configure/token?token_name=leaked"))).isEmpty());
		run.signal("TERM");
		Result r = run.await(LIMIT);

		assertThat(r.exit()).as("%s", r).isEqualTo(143);
		assertThat(r.err()).contains("rotate token 2 (leaked): stopped: delete: the delete request was cut short by the stop\n")
			.contains("interrupted: rotation of token 2 (leaked) stopped at the delete; the old token may be deleted: see "
					+ "auth list --id 2; auth undo --run ")
			.doesNotContain("still usable");
	}

	@Test
	void sigtermWhileTheOperatorTokenIsRegeneratedStillWritesTheNewValueAndReportsTheStop() throws Exception {
		// the server takes two seconds to answer: the signal comes while the request is out
		server.stubFor(post(urlEqualTo("/api/v3/configure/token/admin/regenerate"))
			.withHeader("Authorization", equalTo("Token " + V3Stub.OPERATOR))
			.willReturn(V3Stub.created(0, "_admin", NEW_OPERATOR, null).withFixedDelay(2000)));
		JarProcess.Running run = console.start("auth", "rotate", "--operator", "--force");
		Poll.until("the regenerate request", LIMIT,
				() -> !server.findAll(postRequestedFor(urlEqualTo("/api/v3/configure/token/admin/regenerate"))).isEmpty());
		run.signal("TERM");
		Result r = run.await(LIMIT);

		assertThat(r).isEqualTo(new Result(143, V3Stub.CREATED_TEXT.replace(V3Stub.CI, NEW_OPERATOR),
				"rewrote profile \"core\": token 0 (_admin) -> 0 (_admin)\n"
						+ "interrupted: the stop came once the operator token was regenerated and 1 profile(s) rewritten; "
						+ "the new value is printed above\n"));
		assertThat(configsText()).isEqualTo(original.replace(V3Stub.OPERATOR, NEW_OPERATOR));

		Result undo = console.run("", "auth", "undo", "--force");
		assertThat(undo.exit()).isEqualTo(1);
		assertThat(undo.err()).endsWith("cannot bring back the old value of the operator token 0 (_admin): a regenerated "
				+ "operator token cannot come back, InfluxDB 3 refused the old value the moment it made the new one; the "
				+ "profiles keep the new value\nError: 1 change(s) could not be put back\n");
		assertThat(configsText()).isEqualTo(original.replace(V3Stub.OPERATOR, NEW_OPERATOR));
	}
}
