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

	@Test
	void listsSystemTokensAsATable() {
		Run r = auth("list");
		assertThat(r).isEqualTo(new Run(0, "", ""));
	}
}
