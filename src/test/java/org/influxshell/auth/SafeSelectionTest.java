package org.influxshell.auth;

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
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.error;
import static org.influxshell.support.InfluxStub.ok;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bulk changes that cannot lock the operator out or change everything by accident: the token in
 * use is never picked by a selector, and on a terminal several tokens are changed only after a
 * "yes".
 */
class SafeSelectionTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ORG = "9c5955fc99a60b8f";

	static final String ALICE = "0d09973ac7601000";

	static final String A = "0d099b627e601000";

	static final String B = "0d099b627e602000";

	static final String C = "0d099b627e603000";

	static final String IN_USE = "tokenInUse-" + "x".repeat(77);

	static String token(String id, String value, String description, String user) {
		return authorization(id, value, "active", description, user.equals("alice") ? ALICE : "0d09973ac7602000", user, ORG,
				"my-org", List.of());
	}

	/** A, C of alice (C is the token the command uses) and B of bob; {@code value} makes each token's value. */
	void tokens(java.util.function.Function<String, String> value) {
		String[][] all = { { A, "telegraf writer", "alice" }, { B, "telegraf reader", "bob" }, { C, "console", "alice" } };
		List<String> listed = new ArrayList<>();
		for (String[] t : all) {
			String path = "/api/v2/authorizations/" + t[0];
			String body = token(t[0], value.apply(t[0]), t[1], t[2]);
			listed.add(body);
			server.stubFor(get(path).willReturn(ok(body)));
			server.stubFor(patch(urlEqualTo(path)).withRequestBody(equalToJson("{\"status\":\"inactive\"}"))
				.willReturn(ok(body.replace("\"active\"", "\"inactive\""))));
			server.stubFor(delete(path).willReturn(noContent()));
		}
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(listed))));
		server.stubFor(get("/api/v2/me").willReturn(ok("{\n\t\"id\": \"" + ALICE + "\",\n\t\"name\": \"alice\",\n"
				+ "\t\"status\": \"active\"\n}")));
	}

	void realValues() {
		tokens(id -> id.equals(C) ? IN_USE : "value-of-" + id + "-" + "y".repeat(70));
	}

	Run auth(String args) {
		return run("auth " + args + " --hide-headers --host http://localhost:" + server.getPort() + " -t " + IN_USE);
	}

	static List<String> ids(Run r) {
		return r.out().lines().map(l -> l.substring(0, l.indexOf('\t'))).toList();
	}

	static final String SKIPPED = "skipped " + C + ": it is the token this command uses; name it with --id to change it\n";

	@Test
	void theTokenInUseIsNeverPickedByASelector() {
		realValues();
		Run r = auth("inactive --user alice");
		assertThat(r.exit()).isZero();
		assertThat(ids(r)).containsExactly(A);
		assertThat(r.err()).isEqualTo(SKIPPED);
		assertThat(auth("delete --description . --force").err()).isEqualTo(SKIPPED);
		server.verify(0, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + C)));
		server.verify(0, deleteRequestedFor(urlEqualTo("/api/v2/authorizations/" + C)));
		server.verify(0, getRequestedFor(urlEqualTo("/api/v2/me")));
	}

	@Test
	void namingItWithIdStillChangesIt() {
		realValues();
		assertThat(ids(auth("inactive --id " + C))).containsExactly(C);
		Run both = auth("inactive --user alice --id " + C.toUpperCase());
		assertThat(ids(both)).containsExactly(A, C);
		assertThat(both.err()).isEmpty();
		server.verify(2, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + C)));
	}

	@Test
	void aSelectionOfOnlyTheTokenInUseChangesNothing() {
		realValues();
		assertThat(auth("inactive --description ^console$")).isEqualTo(new Run(0, "",
				SKIPPED + "No token matches the selection; nothing inactivated.\n"));
		server.verify(0, patchRequestedFor(anyUrl()));
	}

	static final String OWN = "Error: the selection holds 2 token(s) of the user this command runs as (alice), and this "
			+ "server does not return token values, so the token in use cannot be recognised and left out: name the "
			+ "tokens with --id, or add --force to go ahead\n";

	@Test
	void withHashedTokensTheCallersOwnTokensNeedForce() {
		tokens(id -> "");
		assertThat(auth("inactive --user alice")).isEqualTo(new Run(2, "", OWN));
		assertThat(auth("delete --description telegraf --user alice --user bob --force --dry-run").exit()).isZero();
		server.verify(0, patchRequestedFor(anyUrl()));
		// another user's tokens cannot be the one in use
		assertThat(ids(auth("inactive --user bob"))).containsExactly(B);
		Run forced = auth("inactive --user alice --force");
		assertThat(ids(forced)).containsExactly(A, C);
		assertThat(forced.err()).isEmpty();
		// named with --id, nothing is guessed
		assertThat(ids(auth("inactive --id " + A + "," + C))).containsExactly(A, C);
	}

	@Test
	void theTokenInUseIsRecognisedAsTheServerReadsTheHeader() {
		realValues();
		for (String sent : new String[] { IN_USE + " ", "\t" + IN_USE + "\t" }) {
			Run r = runWords(List.of("auth", "inactive", "--user", "alice", "--hide-headers", "--host",
					"http://localhost:" + server.getPort(), "-t", sent));
			assertThat(r.exit()).as(r.err()).isZero();
			assertThat(ids(r)).containsExactly(A);
			assertThat(r.err()).isEqualTo(SKIPPED);
		}
		server.verify(0, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + C)));
	}

	@Test
	void aPasswordSignInNeedsForceForTheSignedInUsersTokens() {
		realValues();
		server.stubFor(post("/api/v2/signin").willReturn(noContent()
			.withHeader("Set-Cookie", "influxdb-oss-session=session-value; Path=/api/; HttpOnly")));
		assertThat(run("config create -n pw -u http://localhost:" + server.getPort() + " -p alice:secret -a").exit()).isZero();
		assertThat(run("auth inactive --user alice --hide-headers")).isEqualTo(new Run(2, "", "Error: the selection "
				+ "holds 2 token(s) of the user this command runs as (alice), and this command signs in with a password, "
				+ "so the tokens the signed-in user depends on cannot be told apart: name the tokens with --id, or add "
				+ "--force to go ahead\n"));
		server.verify(0, patchRequestedFor(anyUrl()));
		Run forced = run("auth inactive --user alice --force --hide-headers");
		assertThat(forced.exit()).as(forced.err()).isZero();
		assertThat(ids(forced)).containsExactly(A, C);
	}

	@Test
	void aPatternGoRefusesAsTooLargeIsAUsageErrorBeforeAnyRequest() {
		Run r = auth("inactive --description ((a{1000}){1000}){1000} --dry-run");
		assertThat(r).isEqualTo(new Run(2, "", "Error: invalid --description pattern: error parsing regexp: expression "
				+ "too large: `((a{1000}){1000}){1000}`\n"));
		server.verify(0, getRequestedFor(anyUrl()));
	}

	@Test
	void cloudPlaceholdersHideTheValuesToo() {
		tokens(id -> "redacted");
		assertThat(auth("active --description ^telegraf --user alice")).isEqualTo(new Run(2, "",
				OWN.replace("holds 2 token(s)", "holds 1 token(s)")));
		assertThat(auth("inactive --description ^console --dry-run").exit()).isZero();
	}

	@Test
	void whenTheCallerCannotBeFoundNothingChanges() {
		tokens(id -> "");
		server.stubFor(get("/api/v2/me").willReturn(error(401, "unauthorized", "unauthorized access")));
		assertThat(auth("inactive --user alice")).isEqualTo(new Run(1, "", "Error: could not find the user of the token "
				+ "(GET /api/v2/me): 401 Unauthorized: unauthorized access\n"));
		server.verify(0, patchRequestedFor(anyUrl()));
	}

	@Test
	void onATerminalSeveralTokensPickedByASelectorAreChangedOnlyAfterYes() {
		realValues();
		questions.onTerminalAnswering(false, true);
		assertThat(auth("inactive --description telegraf")).isEqualTo(new Run(1, "", "Error: nothing inactivated\n"));
		server.verify(0, patchRequestedFor(anyUrl()));
		assertThat(questions.shown()).containsExactly("ID\t\t\tDescription\tUser", A + "\ttelegraf writer\talice",
				B + "\ttelegraf reader\tbob", "Inactivate 2 tokens? [y/N] ");
		assertThat(ids(auth("inactive --description telegraf"))).containsExactly(A, B);
	}

	@Test
	void onATerminalOneTokenOrIdsAloneAreNotAskedAboutButSeveralDeletionsAre() {
		realValues();
		questions.onTerminalAnswering(true);
		assertThat(ids(auth("inactive --user bob"))).containsExactly(B);
		assertThat(ids(auth("inactive --id " + A + "," + B))).containsExactly(A, B);
		assertThat(questions.shown()).isEmpty();
		assertThat(ids(auth("delete --id " + A + "," + B))).containsExactly(A, B);
		assertThat(questions.shown()).containsExactly("ID\t\t\tDescription\tUser", A + "\ttelegraf writer\talice",
				B + "\ttelegraf reader\tbob", "Delete 2 tokens? [y/N] ");
		assertThat(ids(auth("delete --id " + A + "," + B + " --force"))).containsExactly(A, B);
	}

	@Test
	void offATerminalSelectorsGoAheadAndSeveralDeletionsNeedForce() {
		realValues();
		assertThat(ids(auth("inactive --description telegraf"))).containsExactly(A, B);
		assertThat(auth("delete --id " + A + "," + B)).isEqualTo(new Run(2, "",
				"Error: deleting 2 tokens needs --force when not run from a terminal\n"));
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void aQuestionShowsTheFirstTwentyAndCountsTheRest() {
		List<String> listed = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			String id = String.format("0d099b627e7%05x", i);
			listed.add(token(id, "", "bulk " + i, "carol"));
		}
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(listed))));
		server.stubFor(get("/api/v2/me").willReturn(ok("{\n\t\"id\": \"" + ALICE + "\",\n\t\"name\": \"alice\"\n}")));
		questions.onTerminalAnswering(false);
		assertThat(auth("delete --user carol")).isEqualTo(new Run(1, "", "Error: nothing deleted\n"));
		assertThat(questions.shown()).hasSize(23);
		assertThat(questions.shown().get(1)).isEqualTo("0d099b627e700000\tbulk 0\t\tcarol");
		assertThat(questions.shown().subList(21, 23)).containsExactly("... and 5 more", "Delete 25 tokens? [y/N] ");
	}

	@Test
	void everyFailedIdIsListedReadyForId() {
		realValues();
		String x = "0d099b627e60a000";
		String y = "0d099b627e60b000";
		for (String id : List.of(x, y)) {
			server.stubFor(get("/api/v2/authorizations/" + id).willReturn(error(404, "not found", "authorization not found")));
		}
		Run r = auth("inactive --id " + y + "," + A + "," + x);
		assertThat(r.exit()).isEqualTo(1);
		assertThat(ids(r)).containsExactly(A);
		assertThat(r.err()).endsWith("\nfailed: " + x + "," + y + "\nError: 2 of 3 tokens failed\n");
	}
}
