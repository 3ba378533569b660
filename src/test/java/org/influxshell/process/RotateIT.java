package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.RotationStub.NEW;
import static org.influxshell.support.RotationStub.NEW_VALUE;
import static org.influxshell.support.RotationStub.OLD;
import static org.influxshell.support.RotationStub.OLD_VALUE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import org.influxshell.support.InfluxStub;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Poll;
import org.influxshell.support.RotationStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code auth rotate} with the packaged console, on the token the console itself uses, in a
 * configs file of three profiles (two on the stub): the rotation, its undo byte for byte, and a
 * rotation whose check fails.
 */
class RotateIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final Duration LIMIT = Duration.ofSeconds(60);

	@TempDir
	Path home;

	JarProcess console;

	Path configs;

	byte[] original;

	@BeforeEach
	void threeProfiles() throws Exception {
		server.resetAll();
		console = new JarProcess(home);
		configs = home.resolve(".influxdbv2/configs");
		Files.createDirectories(configs.getParent());
		original = RotationStub.threeProfiles(server.getPort())
			.getBytes(StandardCharsets.UTF_8);
		Files.write(configs, original);
		Files.setPosixFilePermissions(configs, PosixFilePermissions.fromString("rw-------"));
	}

	String configsText() throws Exception {
		return Files.readString(configs);
	}

	List<Path> copies() throws Exception {
		try (Stream<Path> files = Files.list(configs.getParent())) {
			return files.filter(p -> p.getFileName().toString().startsWith("configs.before-")).toList();
		}
	}

	@Test
	void theTokenInUseIsRotatedInBothProfilesOfThisServerAndUndoRestoresTheFileByteForByte() throws Exception {
		RotationStub.stub(server, true, false);

		Result rotate = console.run(null, "auth", "rotate", "--id", OLD);

		assertThat(rotate.exit()).as(rotate.err()).isZero();
		assertThat(rotate.out()).contains(NEW, NEW_VALUE);
		assertThat(rotate.err()).contains("rewrote profile \"local\"", "rewrote profile \"local-too\"")
			.doesNotContain("elsewhere");
		String text = configsText();
		String[] parts = new String(original, StandardCharsets.UTF_8).split("\\[elsewhere\\]");
		assertThat(text).isEqualTo(parts[0].replace(OLD_VALUE, NEW_VALUE) + "[elsewhere]" + parts[1]);
		assertThat(RotationStub.status(server, OLD)).isEqualTo("inactive");
		assertThat(RotationStub.status(server, NEW)).isEqualTo("active");
		server.verify(patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + OLD))
			.withHeader("Authorization", equalTo("Token " + NEW_VALUE)));
		List<Path> kept = copies();
		assertThat(kept).hasSize(1);
		String journal = Files.readString(home.resolve(".influxdbv2/influx-shell-journal.jsonl"));
		assertThat(journal).doesNotContain(OLD_VALUE).doesNotContain(NEW_VALUE);

		Result undo = console.run(null, "auth", "undo");

		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(Files.readAllBytes(configs)).isEqualTo(original);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configs))).isEqualTo("rw-------");
		assertThat(RotationStub.status(server, OLD)).isEqualTo("active");
		assertThat(RotationStub.status(server, NEW)).isEqualTo("inactive");
		// the rotation's copy is gone: only the undo's own is kept
		assertThat(copies()).hasSize(1).doesNotContain(kept.get(0));
	}

	@Test
	void aRotationWhoseCheckFailsLeavesTheOldTokenActiveAndTheProfilesUntouched() throws Exception {
		RotationStub.stub(server, true, true);

		Result rotate = console.run(null, "auth", "rotate", "--id", OLD);

		assertThat(rotate.exit()).isEqualTo(1);
		assertThat(rotate.err()).contains("done: created " + NEW, "failed: check:", "not done: rewrite",
				"not done: cut off", "the old token is still usable");
		assertThat(Files.readAllBytes(configs)).isEqualTo(original);
		assertThat(copies()).isEmpty();
		assertThat(RotationStub.status(server, OLD)).isEqualTo("active");
		server.verify(0, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + OLD)));
	}

	/**
	 * A signal while the old token is being cut off: the PATCH is held by the server (and never
	 * made), the console stops with the signal's exit code, says which steps were done, the
	 * journal marks the run interrupted, and {@code auth undo} takes it back byte for byte.
	 */
	@ParameterizedTest
	@CsvSource({ "INT, 130", "TERM, 143" })
	void aSignalDuringTheCutOffSaysWhatWasDoneAndUndoTakesItBack(String signal, int exitCode) throws Exception {
		RotationStub.stub(server, true, false);
		server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + OLD)).atPriority(1)
			.withHeader("Authorization", equalTo("Token " + NEW_VALUE)).willReturn(InfluxStub.noAnswer()));

		JarProcess.Running run = console.start("auth", "rotate", "--id", OLD);
		Poll.until("the PATCH of the old token", LIMIT,
				() -> !server.findAll(patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + OLD))).isEmpty());
		run.signal(signal);
		Result rotate = run.await(LIMIT);

		assertThat(rotate.exit()).as(rotate.err()).isEqualTo(exitCode);
		assertThat(rotate.out()).contains(NEW, NEW_VALUE);
		String journal = Files.readString(home.resolve(".influxdbv2/influx-shell-journal.jsonl"));
		String runId = journal.lines().findFirst().orElseThrow().replaceAll(".*\"run\":\"([0-9a-f]+)\".*", "$1");
		assertThat(rotate.err()).isEqualTo("rewrote profile \"local\": token " + OLD + " -> " + NEW + "\n"
				+ "rewrote profile \"local-too\": token " + OLD + " -> " + NEW + "\n"
				+ "rotate " + OLD + ": done: created " + NEW + "\n"
				+ "rotate " + OLD + ": done: checked " + NEW + " (GET /api/v2/me)\n"
				+ "rotate " + OLD + ": done: rewrote profile(s) local, local-too\n"
				+ "rotate " + OLD + ": stopped: cut off: the request was cut short by the stop: token " + OLD
				+ " may still be active, and both tokens usable\n"
				+ "interrupted: rotation of " + OLD + " stopped at the cut off; auth undo --run " + runId
				+ " takes back what was done\n");
		assertThat(RotationStub.status(server, OLD)).isEqualTo("active");
		assertThat(journal.lines().map(l -> l.replaceAll(".*\"action\":\"([a-z]+)\".*", "$1")).toList())
			.containsExactly("create", "rewrite", "rewrite", "end");
		assertThat(journal.lines().toList().get(3)).contains("\"interrupted\"");
		assertThat(journal).doesNotContain(OLD_VALUE).doesNotContain(NEW_VALUE);

		Result undo = console.run(null, "auth", "undo");

		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(Files.readAllBytes(configs)).isEqualTo(original);
		assertThat(RotationStub.status(server, OLD)).isEqualTo("active");
		assertThat(RotationStub.status(server, NEW)).isEqualTo("inactive");
	}

	/**
	 * A signal once the server has cut the old token off but before its answer came: the token is
	 * read back after the stop, so the rotation is reported done, journaled with its cut-off, and
	 * undone whole.
	 */
	@Test
	void aSignalAfterTheServerCutTheOldTokenOffReportsTheRotationDone() throws Exception {
		RotationStub.stub(server, true, false);
		server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + OLD)).atPriority(1).inScenario(OLD)
			.whenScenarioStateIs(Scenario.STARTED).withHeader("Authorization", equalTo("Token " + NEW_VALUE))
			.willReturn(InfluxStub.noAnswer()).willSetStateTo("inactive"));

		JarProcess.Running run = console.start("auth", "rotate", "--id", OLD);
		Poll.until("the PATCH of the old token", LIMIT,
				() -> !server.findAll(patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + OLD))).isEmpty());
		run.signal("INT");
		Result rotate = run.await(LIMIT);

		assertThat(rotate.exit()).as(rotate.err()).isEqualTo(130);
		String journal = Files.readString(home.resolve(".influxdbv2/influx-shell-journal.jsonl"));
		String runId = journal.lines().findFirst().orElseThrow().replaceAll(".*\"run\":\"([0-9a-f]+)\".*", "$1");
		assertThat(rotate.err()).isEqualTo("rewrote profile \"local\": token " + OLD + " -> " + NEW + "\n"
				+ "rewrote profile \"local-too\": token " + OLD + " -> " + NEW + "\n"
				+ "rotate " + OLD + ": done: created " + NEW + "\n"
				+ "rotate " + OLD + ": done: checked " + NEW + " (GET /api/v2/me)\n"
				+ "rotate " + OLD + ": done: rewrote profile(s) local, local-too\n"
				+ "rotate " + OLD + ": done: inactivated " + OLD + "\n"
				+ "interrupted: rotation of " + OLD + " done; auth undo --run " + runId + " takes back what was done\n");
		assertThat(journal.lines().map(l -> l.replaceAll(".*\"action\":\"([a-z]+)\".*", "$1")).toList())
			.containsExactly("create", "rewrite", "rewrite", "inactivate", "end");

		Result undo = console.run(null, "auth", "undo");

		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(Files.readAllBytes(configs)).isEqualTo(original);
		assertThat(RotationStub.status(server, OLD)).isEqualTo("active");
		assertThat(RotationStub.status(server, NEW)).isEqualTo("inactive");
	}
}
