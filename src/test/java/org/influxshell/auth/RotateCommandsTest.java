package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.RotationStub.NEW;
import static org.influxshell.support.RotationStub.NEW2;
import static org.influxshell.support.RotationStub.NEW2_VALUE;
import static org.influxshell.support.RotationStub.NEW_VALUE;
import static org.influxshell.support.RotationStub.OLD;
import static org.influxshell.support.RotationStub.OLD2;
import static org.influxshell.support.RotationStub.OLD2_VALUE;
import static org.influxshell.support.RotationStub.OLD_VALUE;
import static org.influxshell.support.RotationStub.OPERATOR_VALUE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.RotationStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code auth rotate}: the token replaced everywhere in the one safe order, and {@code auth undo} taking it back. */
class RotateCommandsTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	String original;

	Path journal;

	@BeforeEach
	void configsWithThreeProfiles() throws Exception {
		server.resetAll();
		journal = home.resolve(".influxdbv2/influx-shell-journal.jsonl");
		original = RotationStub.threeProfiles(server.getPort());
		Files.createDirectories(configs.getParent());
		Files.writeString(configs, original);
		Files.setPosixFilePermissions(configs, PosixFilePermissions.fromString("rw-------"));
	}

	/** The file as a rotation leaves it: the two profiles on the stub hold the new token. */
	String rotated() {
		String[] parts = original.split("\\[elsewhere\\]");
		return parts[0].replace(OLD_VALUE, NEW_VALUE) + "[elsewhere]" + parts[1];
	}

	String configsText() {
		return new String(configsBytes(), StandardCharsets.UTF_8);
	}

	List<Path> copies() throws Exception {
		try (Stream<Path> files = Files.list(configs.getParent())) {
			return files.filter(p -> p.getFileName().toString().startsWith("configs.before-")).toList();
		}
	}

	@Test
	void theTokenInUseIsRotatedEverywhereOnThisServerAndUndoPutsEveryByteBack() throws Exception {
		RotationStub.stub(server, true, false);

		Run rotate = run("auth rotate --id " + OLD);

		assertThat(rotate.exit()).as(rotate.err()).isZero();
		assertThat(rotate.out()).startsWith("ID").contains(NEW, NEW_VALUE, "telegraf writer", "alice")
			.doesNotContain(OLD_VALUE);
		assertThat(rotate.err()).isEqualTo("rewrote profile \"local\": token " + OLD + " -> " + NEW + "\n"
				+ "rewrote profile \"local-too\": token " + OLD + " -> " + NEW + "\n");
		assertThat(configsText()).isEqualTo(rotated());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configs))).isEqualTo("rw-------");
		assertThat(RotationStub.status(server, OLD)).isEqualTo("inactive");
		assertThat(RotationStub.status(server, NEW)).isEqualTo("active");
		// the twin: same org, user and permissions; the old token cut off with the new one
		server.verify(postRequestedFor(urlEqualTo("/api/v2/authorizations")).withRequestBody(equalToJson("""
				{"orgID": "9c5955fc99a60b8f", "userID": "0d09973ac7600001", "description": "telegraf writer",
				 "permissions": [{"action": "read", "resource": {"type": "authorizations", "orgID": "9c5955fc99a60b8f"}},
				                 {"action": "write", "resource": {"type": "authorizations", "orgID": "9c5955fc99a60b8f"}},
				                 {"action": "write", "resource": {"type": "users", "id": "0d09973ac7600001"}}]}""")));
		server.verify(patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + OLD))
			.withHeader("Authorization", equalTo("Token " + NEW_VALUE)));
		// the copy: beside the file, private, the bytes before
		List<Path> copies = copies();
		assertThat(copies).hasSize(1);
		assertThat(Files.readString(copies.get(0))).isEqualTo(original);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copies.get(0)))).isEqualTo("rw-------");
		// one run: create, two rewrites, the inactivation; no token value
		String lines = Files.readString(journal);
		assertThat(lines).doesNotContain(OLD_VALUE).doesNotContain(NEW_VALUE);
		assertThat(lines.lines().map(l -> l.replaceAll(".*\"action\":\"([a-z]+)\".*", "$1")).toList())
			.containsExactly("create", "rewrite", "rewrite", "inactivate");
		assertThat(lines.lines().map(l -> l.replaceAll(".*\"run\":\"([0-9a-f]+)\".*", "$1")).distinct()).hasSize(1);
		Run journalList = run("auth journal --hide-headers");
		assertThat(journalList.out()).contains("1 inactivated, 1 created, 2 profiles rewritten");

		Run undo = run("auth undo --hide-headers");

		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(configsBytes()).isEqualTo(original.getBytes(StandardCharsets.UTF_8));
		assertThat(RotationStub.status(server, OLD)).isEqualTo("active");
		assertThat(RotationStub.status(server, NEW)).isEqualTo("inactive");
		assertThat(undo.err()).contains("restored profile \"local\": token " + NEW + " -> " + OLD,
				"restored profile \"local-too\": token " + NEW + " -> " + OLD);
		// the new token is cut off with the old one, back in its place
		server.verify(patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + NEW))
			.withHeader("Authorization", equalTo("Token " + OLD_VALUE)));
		// the rotation's copy is gone; the undo kept one of its own (it can be undone in turn), and only that one
		assertThat(copies()).hasSize(1).doesNotContain(copies.get(0));
		assertThat(Files.readString(copies().get(0))).isEqualTo(rotated());
		assertThat(Files.readString(journal)).doesNotContain(OLD_VALUE).doesNotContain(NEW_VALUE);
	}

	@Test
	void twoTokensAreRotatedInOneRunAndOneUndoTakesBothBack() throws Exception {
		RotationStub.stub(server, true, false);
		RotationStub.stubSecond(server);
		original = original + "\n[grafana]\n  url = \"http://localhost:" + server.getPort() + "\"\n  token = \"" + OLD2_VALUE
				+ "\"\n  org = \"my-org\"\n";
		Files.writeString(configs, original);

		Run rotate = run("auth rotate --id " + OLD + "," + OLD2 + " --hide-headers");

		assertThat(rotate.exit()).as(rotate.err()).isZero();
		List<String> rows = rotate.out().lines().toList();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).startsWith(NEW + "\t").contains(NEW_VALUE, "telegraf writer", "alice");
		assertThat(rows.get(1)).startsWith(NEW2 + "\t").contains(NEW2_VALUE, RotationStub.SECOND_DESCRIPTION, "alice");
		assertThat(rotate.out()).doesNotContain(OLD_VALUE).doesNotContain(OLD2_VALUE);
		assertThat(rotate.err()).isEqualTo("rewrote profile \"local\": token " + OLD + " -> " + NEW + "\n"
				+ "rewrote profile \"local-too\": token " + OLD + " -> " + NEW + "\n"
				+ "rewrote profile \"grafana\": token " + OLD2 + " -> " + NEW2 + "\n");
		assertThat(configsText()).isEqualTo(rotated().replace(OLD2_VALUE, NEW2_VALUE));
		assertThat(RotationStub.status(server, OLD)).isEqualTo("inactive");
		assertThat(RotationStub.status(server, OLD2)).isEqualTo("inactive");
		assertThat(RotationStub.status(server, NEW)).isEqualTo("active");
		assertThat(RotationStub.status(server, NEW2)).isEqualTo("active");
		// the old token in use is cut off after the first rotation: the second one runs with the first twin
		server.verify(postRequestedFor(urlEqualTo("/api/v2/authorizations"))
			.withHeader("Authorization", equalTo("Token " + NEW_VALUE)));
		server.verify(patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + OLD2))
			.withHeader("Authorization", equalTo("Token " + NEW_VALUE)));
		// one copy for the run, holding the bytes before
		List<Path> copies = copies();
		assertThat(copies).hasSize(1);
		assertThat(Files.readString(copies.get(0))).isEqualTo(original);
		// one run, the two rotations one after the other; no token value
		String lines = Files.readString(journal);
		assertThat(lines).doesNotContain(OLD_VALUE).doesNotContain(NEW_VALUE).doesNotContain(OLD2_VALUE)
			.doesNotContain(NEW2_VALUE);
		assertThat(lines.lines().map(l -> l.replaceAll(".*\"action\":\"([a-z]+)\".*", "$1")).toList())
			.containsExactly("create", "rewrite", "rewrite", "inactivate", "create", "rewrite", "inactivate");
		assertThat(lines.lines().map(l -> l.replaceAll(".*\"run\":\"([0-9a-f]+)\".*", "$1")).distinct()).hasSize(1);
		assertThat(run("auth journal --hide-headers").out()).contains("2 inactivated, 2 created, 3 profiles rewritten");

		Run undo = run("auth undo --hide-headers");

		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(configsBytes()).isEqualTo(original.getBytes(StandardCharsets.UTF_8));
		assertThat(RotationStub.status(server, OLD)).isEqualTo("active");
		assertThat(RotationStub.status(server, OLD2)).isEqualTo("active");
		assertThat(RotationStub.status(server, NEW)).isEqualTo("inactive");
		assertThat(RotationStub.status(server, NEW2)).isEqualTo("inactive");
		assertThat(undo.err()).contains("restored profile \"local\": token " + NEW + " -> " + OLD,
				"restored profile \"local-too\": token " + NEW + " -> " + OLD,
				"restored profile \"grafana\": token " + NEW2 + " -> " + OLD2);
	}

	@Test
	void aRotationWhoseCheckFailsStopsBeforeTheCutOffAndLeavesTheProfiles() throws Exception {
		RotationStub.stub(server, true, true);

		Run rotate = run("auth rotate --id " + OLD);

		assertThat(rotate.exit()).isEqualTo(1);
		assertThat(rotate.out()).contains(NEW, NEW_VALUE);
		assertThat(rotate.err()).contains("rotate " + OLD + ": done: created " + NEW + "\n",
				"rotate " + OLD + ": failed: check: the new token " + NEW + " was refused (GET /api/v2/me)",
				"rotate " + OLD + ": not done: rewrite\n", "rotate " + OLD + ": not done: cut off\n",
				"Error: rotation of " + OLD + " stopped; the old token is still usable; auth undo --run ");
		assertThat(configsText()).isEqualTo(original);
		assertThat(copies()).isEmpty();
		assertThat(RotationStub.status(server, OLD)).isEqualTo("active");
		server.verify(0, patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + OLD)));
	}

	@Test
	void onAServerThatHidesTokenValuesTheOldValueIsNeededAndRestoredFromTheCopy() throws Exception {
		RotationStub.stub(server, false, false);

		Run refused = run("auth rotate --id " + OLD);
		assertThat(refused.exit()).isEqualTo(2);
		assertThat(refused.err()).contains("this server does not return token values", "--token-value");
		server.verify(0, postRequestedFor(urlEqualTo("/api/v2/authorizations")));

		// a value that is not of the token's user is refused before anything changes
		Run wrongUser = run("auth rotate --id " + OLD + " --token-value " + OPERATOR_VALUE);
		assertThat(wrongUser.exit()).isEqualTo(2);
		assertThat(wrongUser.err()).isEqualTo("Error: the value given with --token-value belongs to user 0d09973ac7600999,"
				+ " token " + OLD + " to user 0d09973ac7600001\n");

		Run dry = runArgs(new String[] { "auth", "rotate", "--id", OLD, "--token-value", "-", "--dry-run" },
				OLD_VALUE + "\n");
		assertThat(dry.exit()).as(dry.err()).isZero();
		assertThat(dry.err()).contains("rewrite profile(s) local, local-too");

		Run rotate = run("auth rotate --id " + OLD + " --token-value " + OLD_VALUE);
		assertThat(rotate.exit()).as(rotate.err()).isZero();
		assertThat(configsText()).isEqualTo(rotated());
		assertThat(RotationStub.status(server, OLD)).isEqualTo("inactive");
		assertThat(Files.readString(journal)).contains("--token-value ***").doesNotContain(OLD_VALUE)
			.doesNotContain(NEW_VALUE);
		server.verify(0, postRequestedFor(urlEqualTo("/api/v2/authorizations")).withRequestBody(
				com.github.tomakehurst.wiremock.client.WireMock.containing(OLD_VALUE)));

		Run undo = run("auth undo");
		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(configsBytes()).isEqualTo(original.getBytes(StandardCharsets.UTF_8));
		assertThat(RotationStub.status(server, OLD)).isEqualTo("active");
		assertThat(RotationStub.status(server, NEW)).isEqualTo("inactive");
	}

	@Test
	void aDryRunNamesTheTokenAndTheProfilesAndChangesNothing() {
		RotationStub.stub(server, true, false);

		Run dry = run("auth rotate --id " + OLD + " --dry-run");

		assertThat(dry.exit()).as(dry.err()).isZero();
		assertThat(dry.out()).isEmpty();
		assertThat(dry.err()).isEqualTo("would rotate " + OLD + " (telegraf writer, user alice): create a twin with 3"
				+ " permission(s), check it, rewrite profile(s) local, local-too, then inactivate the old one\n"
				+ "Dry run: 1 token(s) would be rotated; nothing was changed.\n");
		assertThat(configsText()).isEqualTo(original);
		server.verify(0, postRequestedFor(urlEqualTo("/api/v2/authorizations")));
		assertThat(journal).doesNotExist();
	}

	@Test
	void deletingTheOldTokenNeedsForceOffATerminalAndUndoLeavesTheProfilesOnTheNewOne() throws Exception {
		RotationStub.stub(server, true, false);

		Run refused = run("auth rotate --id " + OLD + " --delete-old");
		assertThat(refused.exit()).isEqualTo(2);
		assertThat(refused.err()).isEqualTo("Error: --delete-old needs --force when not run from a terminal\n");

		Run rotate = run("auth rotate --id " + OLD + " --delete-old --force -d rotated");
		assertThat(rotate.exit()).as(rotate.err()).isZero();
		assertThat(RotationStub.status(server, OLD)).isEqualTo("deleted");
		server.verify(deleteRequestedFor(urlEqualTo("/api/v2/authorizations/" + OLD))
			.withHeader("Authorization", equalTo("Token " + NEW_VALUE)));
		server.verify(postRequestedFor(urlEqualTo("/api/v2/authorizations"))
			.withRequestBody(equalToJson("{\"description\": \"rotated\"}", true, true)));

		Run undo = run("auth undo");
		assertThat(undo.exit()).isEqualTo(1);
		assertThat(undo.err()).contains("cannot bring back deleted token " + OLD, "left active: " + NEW);
		assertThat(configsText()).isEqualTo(rotated());
		assertThat(RotationStub.status(server, NEW)).isEqualTo("active");
	}

	@Test
	void aTokenNotInUseIsCutOffWithTheCommandsOwnToken() throws Exception {
		RotationStub.stub(server, true, false);

		Run rotate = run("auth rotate --id " + OLD + " -t " + OPERATOR_VALUE + " --json");

		assertThat(rotate.exit()).as(rotate.err()).isZero();
		assertThat(rotate.out()).contains("\"id\": \"" + NEW + "\"", "\"token\": \"" + NEW_VALUE + "\"");
		assertThat(configsText()).isEqualTo(rotated());
		server.verify(patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + OLD))
			.withHeader("Authorization", equalTo("Token " + OPERATOR_VALUE)));
	}

	@Test
	void undoNamesWhatItWouldRestoreAndLeavesAProfileChangedSinceAlone() throws Exception {
		RotationStub.stub(server, true, false);
		assertThat(run("auth rotate --id " + OLD).exit()).isZero();

		Run dry = run("auth undo --dry-run -c local");
		assertThat(dry.exit()).as(dry.err()).isZero();
		assertThat(dry.err()).contains("would restore profile \"local\" to token " + OLD,
				"would restore profile \"local-too\" to token " + OLD);
		assertThat(configsText()).isEqualTo(rotated());

		// local-too gets another token by hand: it is not the rotation's to take back
		String[] at = rotated().split("(?=\\[local-too\\])");
		Files.writeString(configs, at[0] + at[1].replaceFirst(NEW_VALUE, "by-hand-token"));
		String byHand = configsText();
		assertThat(byHand).contains("by-hand-token");

		Run undo = run("auth undo -c local");
		assertThat(undo.exit()).as(undo.err()).isZero();
		assertThat(undo.err()).contains("left alone: profile \"local-too\" no longer holds token " + NEW,
				"restored profile \"local\": token " + NEW + " -> " + OLD);
		assertThat(configsText()).isEqualTo(byHand.replaceFirst(NEW_VALUE, OLD_VALUE));
		assertThat(RotationStub.status(server, OLD)).isEqualTo("active");
		assertThat(RotationStub.status(server, NEW)).isEqualTo("inactive");
	}

	@Test
	void undoWithoutTheCopyActivatesTheOldTokenAndKeepsTheNewOneInThePlaceItHolds() throws Exception {
		RotationStub.stub(server, true, false);
		assertThat(run("auth rotate --id " + OLD).exit()).isZero();
		for (Path copy : copies()) {
			Files.delete(copy);
		}

		Run undo = run("auth undo");

		assertThat(undo.exit()).isEqualTo(1);
		assertThat(undo.err()).contains("profiles not restored: the copy ", " is gone");
		assertThat(configsText()).isEqualTo(rotated());
		assertThat(RotationStub.status(server, OLD)).isEqualTo("active");
		assertThat(RotationStub.status(server, NEW)).isEqualTo("active");
	}

	@Test
	void whatCannotBeRotatedIsRefusedBeforeAnythingChanges() {
		RotationStub.stub(server, true, false);

		Run noToken = run("auth rotate");
		assertThat(noToken.exit()).isEqualTo(2);
		Run twoWithOneValue = run("auth rotate --id " + OLD + "," + NEW + " --token-value " + OLD_VALUE);
		assertThat(twoWithOneValue).isEqualTo(new Run(2, "",
				"Error: --token-value names one token: give one --id with it, or none\n"));
		Run wrongValue = run("auth rotate --id " + OLD + " --token-value " + NEW_VALUE);
		assertThat(wrongValue).isEqualTo(new Run(2, "",
				"Error: the value given with --token-value is not the value of token " + OLD + "\n"));
		assertThat(run("auth inactive --id " + OLD).exit()).isZero();
		Run inactive = run("auth rotate --id " + OLD + " -t " + OPERATOR_VALUE);
		assertThat(inactive).isEqualTo(new Run(1, "", "Error: token " + OLD
				+ " is inactive: only an active token is rotated (activate it first, or create a new one)\n"));
		server.verify(0, postRequestedFor(urlEqualTo("/api/v2/authorizations")));
		assertThat(configsText()).isEqualTo(original);
	}
}
