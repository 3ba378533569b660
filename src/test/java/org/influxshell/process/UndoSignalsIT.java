package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.Eventually;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.StatefulTokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while {@code auth undo} changes tokens back: the process ends with its summary, and
 * what the journal says was changed back is exactly what the server has, every time.
 */
class UndoSignalsIT {

	static final int TOKENS = 12;

	static final int TRIES = 20;

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
		.containerThreads(40)).build();

	@TempDir
	Path home;

	static String id(int i) {
		return String.format("0d099b627e6%05x", i + 1);
	}

	/**
	 * Tokens that remember their status; changing one back to active takes the server a while, for
	 * every other token longer than a stopped run waits for what is in flight (the server has made
	 * the change when the console gives up on the answer).
	 */
	static void stubTokens() {
		for (int i = 0; i < TOKENS; i++) {
			StatefulTokens.stub(server, id(i), "token " + i, "alice", i % 2 == 0 ? 300 : 4000);
		}
	}

	@Test
	void sigtermDuringUndoLeavesTheJournalEqualToTheServer() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")),
				"needs perl to start the console with default signal handlers");
		stubTokens();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < TOKENS; i++) {
			ids.add(id(i));
		}
		JarProcess console = new JarProcess(home).env("INFLUX_HOST", "http://localhost:" + server.getPort())
			.env("INFLUX_TOKEN", "t");
		Result inactivated = console.run(null, "auth", "inactive", "--id", String.join(",", ids));
		assertThat(inactivated.exit()).as(inactivated.err()).isZero();
		Path journal = home.resolve(".influxdbv2/influx-shell-journal.jsonl");
		List<String> before = Files.readAllLines(journal);
		assertThat(before).hasSize(TOKENS);

		for (int t = 0; t < TRIES; t++) {
			Files.write(journal, before);
			ids.forEach(id -> StatefulTokens.set(server, id, "inactive"));
			server.resetRequests();
			JarProcess.Running undo = console.start("auth", "undo");
			int atLeast = 1 + t % 8;
			Eventually.until("the undo has sent " + atLeast + " change(s)", () -> activatePatches() >= atLeast);
			undo.signal("TERM");
			Result r = undo.await(Duration.ofSeconds(60));
			assertThat(r.exit()).as(r.err()).isEqualTo(143);
			assertThat(r.err()).contains("\ninterrupted: ");

			List<String> lines = Files.readAllLines(journal);
			TreeSet<String> activeInJournal = new TreeSet<>();
			int ends = 0;
			for (String line : lines.subList(before.size(), lines.size())) {
				JsonNode e = new ObjectMapper().readTree(line);
				if (e.get("action").asText().equals("end")) {
					// the run says how it ended, after its changes
					assertThat(e.get("after").asText()).isEqualTo("interrupted");
					assertThat(e.get("note").asText()).startsWith("interrupted: ");
					ends++;
					continue;
				}
				assertThat(ends).as("try %d: a change after the end line", t).isZero();
				assertThat(e.get("after").asText()).isEqualTo("active");
				activeInJournal.add(e.get("id").asText());
			}
			assertThat(ends).as("try %d: end lines", t).isEqualTo(activeInJournal.isEmpty() ? 0 : 1);
			TreeSet<String> activeOnServer = new TreeSet<>();
			for (var scenario : server.getAllScenarios().getScenarios()) {
				if (scenario.getState().equals(StatefulTokens.ACTIVE)) {
					activeOnServer.add(scenario.getName());
				}
			}
			assertThat(activeInJournal).as("try %d: %s", t, r.err()).isEqualTo(activeOnServer);
			assertThat(activeOnServer).as("try %d stopped part-way", t).hasSizeLessThan(TOKENS);
		}
	}

	private static int activatePatches() {
		return server.findAll(patchRequestedFor(urlMatching("/api/v2/authorizations/.*"))
			.withRequestBody(equalToJson("{\"status\":\"active\"}"))).size();
	}
}
