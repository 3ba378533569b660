package org.influxshell.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.ok;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.config.Profile;
import org.influxshell.config.TomlProfileStore;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.standard.ValueProvider;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tab completion as the REPL asks for it: the words before the cursor and the word being typed. */
@SpringBootTest(properties = { "spring.config.location=classpath:/influx-shell/application.yml",
		"influx.console.enabled=false", "influx.completion-timeout=300ms" })
class ConsoleCompleterTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	static java.nio.file.Path home;

	@DynamicPropertySource
	static void profiles(DynamicPropertyRegistry registry) {
		java.nio.file.Path configs = home.resolve("configs");
		registry.add("influx.configs-path", configs::toString);
		registry.add("influx.host", () -> "http://localhost:" + server.getPort());
		registry.add("influx.token", () -> "tok");
		new TomlProfileStore(configs).update(p -> p.with(new Profile("prod", "http://prod:1", "", "", true, false, ""))
			.with(new Profile("lab", "http://lab:1", "", "", false, false, "")));
	}

	@Autowired
	CommandDispatcher dispatcher;

	@Autowired
	ApplicationContext context;

	List<String> complete(String before, String current) {
		ConsoleCompleter completer = new ConsoleCompleter(dispatcher, type -> (ValueProvider) context.getBean(type));
		List<String> words = before.isBlank() ? List.of() : List.of(before.trim().split(" "));
		return completer.proposals(words, current).stream().map(ConsoleCompleter.Proposal::value).toList();
	}

	@Test
	void commandWords() {
		assertThat(complete("", "con")).containsExactly("config");
		assertThat(complete("config", "u")).containsExactlyInAnyOrder("update", "use");
		assertThat(complete("auth", "")).contains("active", "inactive", "list", "ls", "find", "create", "delete");
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
		assertThat(complete("config rm lab", "")).containsExactly("lab", "prod");
	}

	@Test
	void authorizationIdsWithTheirDescriptionsAndNeverABlockedPrompt() {
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(
				authorization("0d099b627e605000", "", "active", "telegraf writer", "0d09973ac7605000", "a", "9c5955fc99a60b8f", "o", List.of()),
				authorization("0d099b627e606000", "", "inactive", "", "0d09973ac7605000", "a", "9c5955fc99a60b8f", "o", List.of()))))));
		ConsoleCompleter completer = new ConsoleCompleter(dispatcher, type -> (ValueProvider) context.getBean(type));
		// the first Tab may come back empty while the list is on its way; it never waits long
		long start = System.nanoTime();
		List<ConsoleCompleter.Proposal> ids = completer.proposals(List.of("auth", "inactive", "--id"), "0d");
		assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (ids.isEmpty() && System.nanoTime() < deadline) {
			ids = completer.proposals(List.of("auth", "inactive", "--id"), "0d");
		}
		assertThat(ids).extracting(ConsoleCompleter.Proposal::value).containsExactly("0d099b627e605000", "0d099b627e606000");
		assertThat(ids).extracting(ConsoleCompleter.Proposal::description).containsExactly("telegraf writer (active)", "inactive");
		assertThat(complete("auth delete -i", "0d099b627e606")).containsExactly("0d099b627e606000");
		server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/v2/authorizations")));
	}
}
