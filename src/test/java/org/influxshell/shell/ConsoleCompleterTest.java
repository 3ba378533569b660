package org.influxshell.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.ok;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.Runs;
import org.influxshell.command.CommandModel;
import org.influxshell.command.ValueCompleter;
import org.influxshell.configs.Profile;
import org.influxshell.configs.TomlProfileStore;
import org.influxshell.support.Eventually;
import org.influxshell.support.InfluxStub;
import org.influxshell.support.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tab completion as the REPL asks for it: the words before the cursor and the word being typed.
 * Tab waits at most {@code influx.completion-timeout} for the server; a request itself never gives
 * up before a test does, so only that timeout can hand the prompt back.
 */
@SpringBootTest(properties = { "spring.config.location=classpath:/influx-shell/application.yml",
		"influx.completion-timeout=300ms", "influx.response-timeout=10m" })
class ConsoleCompleterTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	static Path home;

	@DynamicPropertySource
	static void profiles(DynamicPropertyRegistry registry) {
		Path configs = home.resolve("configs");
		registry.add("influx.configs-path", configs::toString);
		registry.add("influx.host", () -> "http://localhost:" + server.getPort());
		registry.add("influx.token", () -> "tok");
		new TomlProfileStore(configs).update(p -> p.with(new Profile("prod", "http://prod:1", "", "", true, false, ""))
			.with(new Profile("lab", "http://lab:1", "", "", false, false, "")));
	}

	@Autowired
	Runs runs;

	@Autowired
	ConfigurableEnvironment settings;

	Runs.Run run;

	CommandModel model;

	List<ValueCompleter> valueCompleters;

	@BeforeEach
	void openRun() {
		run = runs.open(new ProcessInvocation(), settings);
		model = run.bean(CommandModel.class);
		valueCompleters = run.beans(ValueCompleter.class);
	}

	@AfterEach
	void closeRun() {
		run.close();
	}

	ConsoleCompleter completer() {
		return new ConsoleCompleter(model, valueCompleters);
	}

	List<String> complete(String before, String current) {
		List<String> words = before.isBlank() ? List.of() : List.of(before.trim().split(" "));
		return completer().proposals(words, current).stream().map(ConsoleCompleter.Proposal::value).toList();
	}

	@Test
	void commandWords() {
		assertThat(complete("", "con")).containsExactly("config");
		assertThat(complete("config", "u")).containsExactlyInAnyOrder("update", "use");
		assertThat(complete("auth", "")).contains("active", "inactive", "list", "ls", "find", "create", "delete");
	}

	@Test
	void commandWordsAfterHelpAndTheirDescriptions() {
		assertThat(complete("help", "con")).containsExactly("config");
		assertThat(complete("help auth", "l")).containsExactlyInAnyOrder("list", "ls");
		List<ConsoleCompleter.Proposal> words = completer().proposals(List.of(), "au");
		assertThat(words).extracting(ConsoleCompleter.Proposal::description)
			.containsExactly("API tokens: list, create, inactivate, activate and delete them");
		assertThat(completer().proposals(List.of("auth"), "ina")).extracting(ConsoleCompleter.Proposal::description)
			.containsExactly("Inactivate API tokens: they stay, but cannot be used");
		assertThat(completer().proposals(List.of(), "ex")).extracting(ConsoleCompleter.Proposal::description)
			.containsExactly("Leave the REPL, or end a script here");
	}

	@Test
	void userNamesFromTheServer() {
		server.stubFor(get(urlPathEqualTo("/api/v2/users")).willReturn(ok("{\n\t\"links\": {\n\t\t\"self\": \"/api/v2/users\"\n\t},"
				+ "\n\t\"users\": [\n\t\t{\n\t\t\t\"id\": \"0d09973ac7605000\",\n\t\t\t\"name\": \"alice\",\n\t\t\t\"status\": \"active\"\n\t\t},"
				+ "\n\t\t{\n\t\t\t\"id\": \"0d09973ac7606000\",\n\t\t\t\"name\": \"bob\",\n\t\t\t\"status\": \"active\"\n\t\t}\n\t]\n}")));
		assertThat(eventually(completer(), List.of("auth", "inactive", "--user"), "")).extracting(ConsoleCompleter.Proposal::value)
			.containsExactly("alice", "bob");
		assertThat(complete("auth list -u", "b")).containsExactly("bob");
		assertThat(complete("auth create", "--user=a")).containsExactly("--user=alice");
	}

	@Test
	void optionsAndBooleans() {
		assertThat(complete("auth inactive", "--js")).containsExactly("--json");
		assertThat(complete("auth inactive", "--hide-headers=")).containsExactly("--hide-headers=true", "--hide-headers=false");
		assertThat(complete("config ls", "--")).contains("--json", "--hide-headers", "--configs-path", "--help");
	}

	@Test
	void profileNames() {
		assertThat(complete("config use", "")).containsExactly("lab", "prod");
		assertThat(complete("config", "p")).containsExactly("prod");
		assertThat(complete("auth list -c", "")).containsExactly("lab", "prod");
		assertThat(complete("auth list", "--active-config=l")).containsExactly("--active-config=lab");
		assertThat(complete("config rm lab", "")).containsExactly("lab", "prod");
		assertThat(complete("config use lab", "")).as("one name is all config use takes").isEmpty();
	}

	@Test
	void profileNamesFromTheConfigsFileTheLineNames() {
		Path elsewhere = home.resolve("elsewhere");
		new TomlProfileStore(elsewhere).update(p -> p.with(new Profile("far", "http://far:1", "", "", true, false, "")));
		assertThat(complete("config use --configs-path " + elsewhere, "")).containsExactly("far");
	}

	@Test
	void aListOneRunFetchedServesTheRunsThatFollowForTheSameServerAndToken() {
		other.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(twoTokens())));
		String host = "http://localhost:" + other.getPort();
		// a reuse time no busy machine outlasts between two Tabs of the test
		ConfigurableEnvironment reusing = settingsWith("influx.completion-reuse", "10m");
		List<String> reused = List.of("auth", "active", "--host", host, "-t=reused", "--id");
		try (Runs.Run first = runs.open(new ProcessInvocation(), reusing)) {
			assertThat(eventually(completerOf(first), reused, "0d")).hasSize(2);
		}
		try (Runs.Run next = runs.open(new ProcessInvocation(), reusing)) {
			// at once, from the list the first run fetched: no request, no wait
			assertThat(completerOf(next).proposals(reused, "0d099b627e606")).extracting(ConsoleCompleter.Proposal::value)
				.containsExactly("0d099b627e606000");
			other.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/authorizations")));
			// another token may see another list: fetched with it
			assertThat(eventually(completerOf(next), List.of("auth", "active", "--host", host, "-t=another", "--id"), "0d"))
				.hasSize(2);
			other.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/authorizations")).withHeader("Authorization",
					equalTo("Token another")));
		}
		try (Runs.Run off = runs.open(new ProcessInvocation(), settingsWith("influx.completion-reuse", "0s"))) {
			assertThat(eventually(completerOf(off), reused, "0d")).hasSize(2);
			other.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/authorizations")).withHeader("Authorization",
					equalTo("Token reused")));
		}
	}

	private static ConsoleCompleter completerOf(Runs.Run run) {
		return new ConsoleCompleter(run.bean(CommandModel.class), run.beans(ValueCompleter.class));
	}

	/** The test's settings with one property set over them. */
	private ConfigurableEnvironment settingsWith(String name, String value) {
		return TestSettings.over(settings, new MapPropertySource("test", Map.of(name, value)));
	}

	static String twoTokens() {
		return InfluxStub.list(List.of(
				authorization("0d099b627e605000", "", "active", "telegraf writer", "0d09973ac7605000", "a", "9c5955fc99a60b8f", "o", List.of()),
				authorization("0d099b627e606000", "", "inactive", "", "0d09973ac7605000", "a", "9c5955fc99a60b8f", "o", List.of())));
	}

	/** The first Tab may come back empty while the list is on its way: Tab again until it is there. */
	static List<ConsoleCompleter.Proposal> eventually(ConsoleCompleter completer, List<String> before, String current) {
		AtomicReference<List<ConsoleCompleter.Proposal>> proposals = new AtomicReference<>();
		Eventually.until("proposals for " + before + " " + current, () -> {
			proposals.set(completer.proposals(before, current));
			return !proposals.get().isEmpty();
		});
		return proposals.get();
	}

	@Test
	void aServerThatNeverAnswersCompletesNothingAndNeverBlocksThePrompt() {
		other.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(InfluxStub.noAnswer()));
		List<String> before = List.of("auth", "active", "--host", "http://localhost:" + other.getPort(), "-t=silent", "--id");
		assertThat(assertTimeoutPreemptively(Eventually.PATIENCE, () -> completer().proposals(before, "0d"))).isEmpty();
	}

	@Test
	void authorizationIdsWithTheirDescriptions() {
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(twoTokens())));
		List<ConsoleCompleter.Proposal> ids = eventually(completer(), List.of("auth", "inactive", "--id"), "0d");
		assertThat(ids).extracting(ConsoleCompleter.Proposal::value).containsExactly("0d099b627e605000", "0d099b627e606000");
		assertThat(ids).extracting(ConsoleCompleter.Proposal::description).containsExactly("telegraf writer (active)", "inactive");
		assertThat(complete("auth delete -i", "0d099b627e606")).containsExactly("0d099b627e606000");
		assertThat(complete("auth delete", "--id=0d099b627e606")).containsExactly("--id=0d099b627e606000");
		assertThat(complete("auth inactive --id", "0d099b627e605000,0d099b627e606"))
			.containsExactly("0d099b627e605000,0d099b627e606000");
		server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/authorizations")));
	}

	@Test
	void idsComeFromTheServerAndTokenTheLineNames() {
		other.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(twoTokens())));
		List<String> before = List.of("auth", "active", "--host", "http://localhost:" + other.getPort(), "-t=-other-token", "--id");
		assertThat(eventually(completer(), before, "0d099b627e605")).extracting(ConsoleCompleter.Proposal::value)
			.containsExactly("0d099b627e605000");
		other.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/authorizations"))
			.withHeader("Authorization", equalTo("Token -other-token")));
	}
}
