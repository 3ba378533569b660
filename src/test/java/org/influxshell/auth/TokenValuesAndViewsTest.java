package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.auth.AuthListCommandsTest.TOKEN_1;
import static org.influxshell.auth.AuthListCommandsTest.TOKEN_2;
import static org.influxshell.auth.AuthListCommandsTest.TOKEN_3;
import static org.influxshell.auth.AuthListCommandsTest.grafana;
import static org.influxshell.auth.AuthListCommandsTest.operator;
import static org.influxshell.auth.AuthListCommandsTest.telegraf;
import static org.influxshell.support.InfluxStub.ok;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.influxshell.shell.Words;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code auth} adds to upstream for an incident: which tokens are inactive
 * ({@code list --status}, {@code --wide}), lists that do not print every token value
 * ({@code --mask-tokens}), and cutting off a token by its value in one command, the value read
 * from stdin so that it never stands on a command line.
 */
class TokenValuesAndViewsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String TELEGRAF = "0d099b627e605000";

	static final String GRAFANA = "0d099b627e606000";

	static final String OPERATOR = "0d0990000e601000";

	static final String ME = "{\n\t\"id\": \"0d09973ac7600001\",\n\t\"name\": \"admin\",\n\t\"status\": \"active\"\n}";

	static final String TELEGRAF_ROW_END = "\talice\t0d09973ac7605000\t[write:orgs/9c5955fc99a60b8f/buckets/3a6f4e21d8c07b5e]\n";

	@BeforeEach
	void tokens() {
		server.resetAll();
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations"))
			.willReturn(ok(InfluxStub.list(List.of(telegraf(TOKEN_1), operator(TOKEN_3), grafana(TOKEN_2))))));
		server.stubFor(get("/api/v2/authorizations/" + TELEGRAF).willReturn(ok(telegraf(TOKEN_1))));
		server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + TELEGRAF))
			.withRequestBody(equalToJson("{\"status\":\"inactive\"}"))
			.willReturn(ok(telegraf(TOKEN_1).replace("\"active\"", "\"inactive\""))));
		server.stubFor(get("/api/v2/me").willReturn(ok(ME)));
	}

	String server() {
		return " --host http://localhost:" + server.getPort();
	}

	Run auth(String args) {
		return run("auth " + args + server() + " -t tok");
	}

	@Test
	void statusPicksTheActiveOrTheInactiveTokens() {
		assertThat(auth("list --status inactive --hide-headers")).isEqualTo(new Run(0, GRAFANA + "\tgrafana reader\t"
				+ TOKEN_2 + "\tbob\t0d09973ac7606000\t[read:orgs/9c5955fc99a60b8f/buckets]\n", ""));
		assertThat(auth("list --status active --hide-headers").out().lines().map(l -> l.substring(0, 16)).toList())
			.containsExactly(OPERATOR, TELEGRAF);
		assertThat(auth("list --status active --token-value " + TOKEN_2 + " --json").out()).isEqualTo("[]\n");
	}

	@Test
	void anyOtherStatusIsAUsageErrorBeforeAnyRequest() {
		assertThat(auth("list --status revoked")).isEqualTo(new Run(2, "",
				"Error: --status takes active or inactive, not \"revoked\"\n"));
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void wideAddsTheStatusColumnLast() {
		assertThat(auth("list --wide --user bob").out()).isEqualTo(
				"ID\t\t\tDescription\tToken\t\t\t\t\t\t\t\t\t\t\t\tUser Name\tUser ID\t\t\tPermissions\t\t\t\tStatus\n"
						+ GRAFANA + "\tgrafana reader\t" + TOKEN_2
						+ "\tbob\t\t0d09973ac7606000\t[read:orgs/9c5955fc99a60b8f/buckets]\tinactive\n");
	}

	@Test
	void maskedTokensKeepTheirFirstFourCharactersInTablesAndJson() {
		assertThat(auth("list --mask-tokens --user bob --hide-headers").out()).isEqualTo(GRAFANA + "\tgrafana reader\t"
				+ "aaaa…\tbob\t0d09973ac7606000\t[read:orgs/9c5955fc99a60b8f/buckets]\n");
		assertThat(auth("list --mask-tokens --user bob --json").out()).isEqualTo("[\n\t{\n\t\t\"id\": \"" + GRAFANA
				+ "\",\n\t\t\"description\": \"grafana reader\",\n\t\t\"token\": \"aaaa…\",\n\t\t\"status\": \"inactive\",\n"
				+ "\t\t\"userName\": \"bob\",\n\t\t\"userID\": \"0d09973ac7606000\",\n\t\t\"permissions\": [\n"
				+ "\t\t\t\"read:orgs/9c5955fc99a60b8f/buckets\"\n\t\t]\n\t}\n]\n");
		assertThat(auth("inactive --token-value " + TOKEN_1 + " --mask-tokens --hide-headers").out())
			.isEqualTo(TELEGRAF + "\ttelegraf writer\ttvts…" + TELEGRAF_ROW_END);
	}

	@Test
	void masksOfShortAndMissingValues() {
		assertThat(TokenRenderer.mask("")).isEmpty();
		assertThat(TokenRenderer.mask("short-token")).isEqualTo("…");
		assertThat(TokenRenderer.mask("0123456789abcdef")).isEqualTo("0123…");
	}

	@Test
	void aTokenIsCutOffByItsValueInOneCommand() {
		assertThat(auth("inactive --token-value " + TOKEN_1 + " --hide-headers"))
			.isEqualTo(new Run(0, TELEGRAF + "\ttelegraf writer\t" + TOKEN_1 + TELEGRAF_ROW_END, ""));
		server.verify(1, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + TELEGRAF)));
	}

	@Test
	void aDashReadsTheValueFromStdinSoItIsOnNoCommandLine() {
		List<String> words = new ArrayList<>(Words.split("auth inactive --token-value - --hide-headers" + server() + " -t tok"));
		Run r = runArgs(words.toArray(String[]::new), TOKEN_1 + "\nnot read\n");
		assertThat(r).isEqualTo(new Run(0, TELEGRAF + "\ttelegraf writer\t" + TOKEN_1 + TELEGRAF_ROW_END, ""));
		server.verify(1, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + TELEGRAF)));
		words = new ArrayList<>(Words.split("auth list --token-value - --mask-tokens --hide-headers" + server() + " -t tok"));
		assertThat(runArgs(words.toArray(String[]::new), TOKEN_1 + "\r\n").out())
			.isEqualTo(TELEGRAF + "\ttelegraf writer\ttvts…" + TELEGRAF_ROW_END);
		assertThat(runArgs(words.toArray(String[]::new), "")).isEqualTo(new Run(2, "",
				"Error: --token-value -: stdin gave an empty value\n"));
	}

	@Test
	void aDashCannotReadStdinThatHoldsTheCommands() {
		Run r = runArgs(new String[0], "auth inactive --token-value -" + server() + " -t tok\n" + TOKEN_1 + "\n");
		assertThat(r.err()).startsWith("stdin:1: Error: --token-value -: stdin holds the commands here, so it cannot "
				+ "also give the value\n");
		server.verify(0, patchRequestedFor(anyUrl()));
	}

	@Test
	void theTokenInUseIsNeverPickedByItsValue() {
		Run r = run("auth inactive --token-value " + TOKEN_3 + server() + " -t " + TOKEN_3);
		assertThat(r).isEqualTo(new Run(0, "ID\tDescription\tToken\tUser Name\tUser ID\tPermissions\n",
				"skipped " + OPERATOR + ": it is the token this command uses; name it with --id to change it\n"
						+ "No token matches the selection; nothing inactivated.\n"));
		server.verify(0, patchRequestedFor(anyUrl()));
	}

	@Test
	void aServerThatHidesValuesCannotMatchOne() {
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations"))
			.willReturn(ok(InfluxStub.list(List.of(telegraf(""), grafana(""))))));
		assertThat(auth("delete --token-value " + TOKEN_1 + " --force")).isEqualTo(new Run(1, "",
				"Error: cannot match a token value: this server does not return token values "
						+ "(hashed tokens, InfluxDB 2.8+, or InfluxDB Cloud)\n"));
	}
}
