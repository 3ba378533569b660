package org.influxshell.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.influxshell.cli.CliException;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.configs.Profile;
import org.influxshell.configs.TomlProfileStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionResolverTest {

	@TempDir
	Path home;

	Path configs;

	@BeforeEach
	void profiles() {
		configs = home.resolve(".influxdbv2/configs");
		new TomlProfileStore(configs).update(p -> p
			.with(new Profile("active", "http://active:1/some/path", "activeToken", "activeOrg", true, false, ""))
			.with(new Profile("other", "https://other:2", "otherToken", "otherOrg", false, false, "")));
	}

	/** One layer each: flag, environment/property, -c profile, active profile, default. */
	static Stream<Arguments> layers() {
		return Stream.of(
				// flags win over everything
				Arguments.of("flag", new String[] { "http://flag:9", "flagToken", "other" },
						new String[] { "http://env:8", "envToken", null }, "http://flag:9", "flagToken", "otherOrg"),
				// env beats the profile
				Arguments.of("env", new String[] { null, null, null },
						new String[] { "http://env:8", "envToken", null }, "http://env:8", "envToken", ""),
				// the profile chosen with -c
				Arguments.of("-c flag", new String[] { null, null, "other" },
						new String[] { null, null, null }, "https://other:2", "otherToken", "otherOrg"),
				// the profile chosen with INFLUX_ACTIVE_CONFIG
				Arguments.of("active-config env", new String[] { null, null, null },
						new String[] { null, null, "other" }, "https://other:2", "otherToken", "otherOrg"),
				// -c flag beats INFLUX_ACTIVE_CONFIG
				Arguments.of("-c over env", new String[] { null, null, "active" },
						new String[] { null, null, "other" }, "http://active:1/some/path", "activeToken", "activeOrg"),
				// the active profile, the path of its URL kept (a gateway may route by it)
				Arguments.of("active profile", new String[] { null, null, null },
						new String[] { null, null, null }, "http://active:1/some/path", "activeToken", "activeOrg"),
				// env host with the profile's token
				Arguments.of("mixed", new String[] { null, null, null },
						new String[] { "http://env:8", null, null }, "http://env:8", "activeToken", "activeOrg"),
				// an empty flag token means no token, not the profile's
				Arguments.of("empty token flag", new String[] { null, "", null },
						new String[] { null, "envToken", null }, "http://active:1/some/path", "", "activeOrg"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("layers")
	void eachLayerInItsPlace(String name, String[] flags, String[] env, String url, String token, String org) {
		InfluxProperties props = new InfluxProperties();
		props.setHost(env[0]);
		props.setToken(env[1]);
		props.setActiveConfig(env[2]);
		var resolver = new ConnectionResolver(props, configsIn(props, home.toString()));
		Connection c = resolver.connection(new ServerOptions(LocalOptions.none(), flags[0], flags[1], flags[2], null, false));
		assertThat(c.baseUrl()).isEqualTo(url);
		assertThat(c.token()).isEqualTo(token);
		assertThat(c.org()).isEqualTo(org);
	}

	/**
	 * A profile that signs in and keeps no password has it asked once in a run, when a sign-in
	 * first needs it: not when the connection is resolved. Tab completion only uses one already
	 * typed, and config status never asks.
	 */
	@Test
	void aPasswordTheProfileDoesNotKeepIsAskedOnceWhenASignInNeedsIt() {
		String bob = java.util.Base64.getEncoder().encodeToString("bob".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Profile pw = new Profile("pw", "http://pw:8086", "", "", false, false, bob);
		new TomlProfileStore(configs).update(p -> p.with(pw));
		InfluxProperties props = new InfluxProperties();
		List<String> asked = new ArrayList<>();
		var resolver = new ConnectionResolver(props, configsIn(props, home.toString()), w -> {
		}, question -> {
			asked.add(question);
			return "typed";
		});
		ServerOptions options = new ServerOptions(LocalOptions.none(), null, null, "pw", null, false);
		Connection.SignIn first = resolver.connection(options).signIn();
		Connection.SignIn again = resolver.connection(options, "v2").signIn();
		assertThat(resolver.connectionWithoutAsking(options).signIn().password()).isNull();
		assertThat(asked).isEmpty();
		assertThat(first.user()).isEqualTo("bob");
		assertThat(first.password()).isEqualTo("typed");
		assertThat(again.password()).isEqualTo("typed");
		assertThat(resolver.connectionWithoutAsking(options).signIn().password()).isEqualTo("typed");
		assertThat(asked).containsExactly("Please provide your password: ");
		assertThat(resolver.stored(pw, null).signIn().password()).isNull();
		assertThat(asked).hasSize(1);
		// no terminal to ask: the sign-in says there is no password
		var noTerminal = new ConnectionResolver(props, configsIn(props, home.toString()), w -> {
		}, question -> null);
		assertThat(noTerminal.connection(options).signIn().password()).isNull();
	}

	/** The generation: --product, then INFLUX_PRODUCT, then the profile's product, else v2. */
	@ParameterizedTest(name = "flag {0}, env {1}, config {2} => {3}")
	@org.junit.jupiter.params.provider.CsvSource(nullValues = "-", value = {
			"-, -, active, v2",
			"-, -, core, v3",
			"-, v2, core, v2",
			"v3, v2, core, v3",
			"v3, -, active, v3",
			"-, v3, -, v3" })
	void theGenerationInItsPlace(String flag, String env, String config, String expected) {
		new TomlProfileStore(configs).update(p -> p.with(new Profile("core", "http://core:8181", "apiv3_x", "", false, false,
				"", "v3")));
		InfluxProperties props = new InfluxProperties();
		props.setProduct(env);
		var resolver = new ConnectionResolver(props, configsIn(props, home.toString()));
		String host = config == null ? "http://h:1" : null;
		String token = config == null ? "t" : null;
		Connection c = resolver.connection(new ServerOptions(LocalOptions.none(), host, token, config, null, false), flag);
		assertThat(c.product()).isEqualTo(expected);
	}

	@Test
	void defaultsWithoutAnyProfile() {
		var resolver = new ConnectionResolver(new InfluxProperties(), configsIn(new InfluxProperties(), home.resolve("empty").toString()));
		Connection c = resolver.connection(ServerOptions.none());
		assertThat(c).isEqualTo(new Connection("http://localhost:8086", "", "", false, false, null, "", true));
	}

	@Test
	void anUnclearActiveProfileIsUsedWithAWarning() {
		new TomlProfileStore(configs).update(p -> p.with(p.require("other").withActive(true)));
		java.util.List<String> warnings = new java.util.ArrayList<>();
		var resolver = new ConnectionResolver(new InfluxProperties(), configsIn(new InfluxProperties(), home.toString()), warnings::add, question -> null);
		assertThat(resolver.connection(ServerOptions.none()).baseUrl()).isEqualTo("http://active:1/some/path");
		assertThat(warnings).containsExactly("several configs are marked active; using \"active\"");
		resolver.connection(new ServerOptions(LocalOptions.none(), null, null, "other", null, false));
		assertThat(warnings).hasSize(1);
	}

	@Test
	void aChosenProfilesTokenSentElsewhereByTheEnvironmentIsSaidOnce() {
		InfluxProperties props = new InfluxProperties();
		props.setHost("http://env:8/");
		java.util.List<String> warnings = new java.util.ArrayList<>();
		var resolver = new ConnectionResolver(props, configsIn(props, home.toString()), warnings::add, question -> null);
		ServerOptions chosen = new ServerOptions(LocalOptions.none(), null, null, "other", null, false);
		assertThat(resolver.connection(chosen).token()).isEqualTo("otherToken");
		resolver.connection(chosen);
		assertThat(warnings).containsExactly(
				"INFLUX_HOST sends the token of config \"other\" to http://env:8, not to its own URL https://other:2");
		// --host on the same line, the active profile, or a token of the environment's own: meant, not warned
		resolver.connection(new ServerOptions(LocalOptions.none(), "http://flag:9", null, "other", null, false));
		resolver.connection(ServerOptions.none());
		props.setToken("envToken");
		resolver.connection(new ServerOptions(LocalOptions.none(), null, null, "active", null, false));
		// the same server as the profile's own
		props.setToken(null);
		props.setHost("https://other:2/");
		resolver.connection(chosen);
		assertThat(warnings).hasSize(1);
	}

	@Test
	void chosenProfileMustExistAndTheFileIsNotWritten() throws IOException {
		byte[] before = Files.readAllBytes(configs);
		var resolver = new ConnectionResolver(new InfluxProperties(), configsIn(new InfluxProperties(), home.toString()));
		resolver.connection(new ServerOptions(LocalOptions.none(), null, null, "other", null, false));
		assertThatThrownBy(() -> resolver.connection(new ServerOptions(LocalOptions.none(), null, null, "nope", null, false)))
			.hasMessage("config \"nope\" is not found");
		assertThat(Files.readAllBytes(configs)).isEqualTo(before);
	}

	@Test
	void configsPathFlagBeatsEnvBeatsHome() {
		InfluxProperties props = new InfluxProperties();
		ConfigsFile file = configsIn(props, "/h");
		assertThat(file.path(null)).isEqualTo(Path.of("/h/.influxdbv2/configs"));
		props.setConfigsPath("");
		assertThat(file.path(null)).isEqualTo(Path.of("/h/.influxdbv2/configs"));
		props.setConfigsPath("/env/c");
		assertThat(file.path(null)).isEqualTo(Path.of("/env/c"));
		assertThat(file.path("/flag/c")).isEqualTo(Path.of("/flag/c"));
		assertThat(file.historyFile()).isEqualTo(Path.of("/env/influx-shell_history"));
	}

	/** The configs file under {@code home}, or where the properties' {@code INFLUX_CONFIGS_PATH} says. */
	static ConfigsFile configsIn(InfluxProperties props, String home) {
		return new ConfigsFile(props::getConfigsPath, TomlProfileStore::new, () -> home);
	}

	@Test
	void outputFlagsBeatEnvAndEnvUsesGoBooleans() {
		InfluxProperties props = new InfluxProperties();
		var resolver = new ConnectionResolver(props, configsIn(props, "/h"));
		props.setOutputJson("T");
		props.setHideHeaders("1");
		assertThat(resolver.output(LocalOptions.none())).isEqualTo(new org.influxshell.output.OutputOptions(true, true));
		assertThat(resolver.output(new LocalOptions(null, false, false)))
			.isEqualTo(new org.influxshell.output.OutputOptions(false, false));
		props.setOutputJson("yes");
		assertThatThrownBy(() -> resolver.output(LocalOptions.none()))
			.isInstanceOfSatisfying(CliException.class, ex -> assertThat(ex.exitCode()).isEqualTo(2))
			.hasMessageStartingWith("invalid value \"yes\" for influx.output-json (INFLUX_OUTPUT_JSON)");
	}

	@Test
	void skipVerifyFromFlagOrEnv() {
		InfluxProperties props = new InfluxProperties();
		props.setHost("https://h:1");
		props.setToken("t");
		var resolver = new ConnectionResolver(props, configsIn(props, "/h"));
		assertThat(resolver.connection(ServerOptions.none()).skipVerify()).isFalse();
		props.setSkipVerify("true");
		assertThat(resolver.connection(ServerOptions.none()).skipVerify()).isTrue();
		assertThat(resolver.connection(new ServerOptions(LocalOptions.none(), null, null, null, false, false)).skipVerify()).isFalse();
	}

	/**
	 * skip-verify and the CA file: flag > environment > the profile used; a relative CA path of a
	 * flag or variable is the run's, one in the file is beside the file.
	 */
	@Test
	void tlsSettingsFromFlagEnvOrProfile(@TempDir Path dir) throws Exception {
		Path file = dir.resolve(".influxdbv2/configs");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "[p]\n  url = \"https://p:1\"\n  token = \"t\"\n  org = \"\"\n  active = true\n"
				+ "  skip-verify = true\n  ca-cert = \"ca/p.pem\"\n\n[q]\n  url = \"https://q:1\"\n  token = \"t\"\n  org = \"\"\n");
		InfluxProperties props = new InfluxProperties();
		var resolver = new ConnectionResolver(props, new ConfigsFile(props::getConfigsPath, java.time.Duration.ofSeconds(1),
				notice -> {
				}, dir::toString, dir.resolve("work")::resolve));
		Connection fromProfile = resolver.connection(ServerOptions.none());
		assertThat(fromProfile.skipVerify()).isTrue();
		assertThat(fromProfile.caCert()).isEqualTo(dir.resolve(".influxdbv2/ca/p.pem").toString());
		Connection other = resolver.connection(new ServerOptions(LocalOptions.none(), null, null, "q", null, false));
		assertThat(other.skipVerify()).isFalse();
		assertThat(other.caCert()).isEmpty();
		props.setSkipVerify("false");
		props.setCaCert("env.pem");
		Connection fromEnv = resolver.connection(ServerOptions.none());
		assertThat(fromEnv.skipVerify()).isFalse();
		assertThat(fromEnv.caCert()).isEqualTo(dir.resolve("work/env.pem").toString());
		Connection fromFlags = resolver.connection(new ServerOptions(LocalOptions.none(), null, null, null, true, false,
				"/abs/flag.pem"));
		assertThat(fromFlags.skipVerify()).isTrue();
		assertThat(fromFlags.caCert()).isEqualTo("/abs/flag.pem");
		// --ca-cert "" takes away whatever the variable or the profile names
		assertThat(resolver.connection(new ServerOptions(LocalOptions.none(), null, null, null, null, false, "")).caCert())
			.isEmpty();
		// without a profile at all: --host and --token, then the CA of the flag or the variable
		Connection none = resolver.connection(new ServerOptions(LocalOptions.none(), "https://h:1", "tok", null, null, false));
		assertThat(none.profile()).isEmpty();
		assertThat(none.caCert()).isEqualTo(dir.resolve("work/env.pem").toString());
		// config status: the profile as stored, no variable over it
		Connection stored = resolver.stored(new TomlProfileStore(file).read().require("p"), null);
		assertThat(stored.skipVerify()).isTrue();
		assertThat(stored.caCert()).isEqualTo(dir.resolve(".influxdbv2/ca/p.pem").toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost:8086", "ftp://h:1", "h" })
	void hostsNeedHttpOrHttps(String host) {
		assertThatThrownBy(() -> HostUrl.base(host)).hasMessage("host URL \"" + host
				+ "\" is invalid: a scheme of http or https must be provided for host url");
	}

	@Test
	void hostsWithBadPortsOrNoHostAreInvalid() {
		for (String host : List.of("http://h:abc", "http://", "http://h:99999", "http://h :1")) {
			assertThatThrownBy(() -> HostUrl.base(host)).hasMessageStartingWith("host URL \"" + host + "\" is invalid: ");
		}
		assertThat(HostUrl.base("HTTPS://User@Host:8086/a/b?q#f")).isEqualTo("https://Host:8086/a/b");
		assertThat(HostUrl.base("https://gw.example.com/influx/")).isEqualTo("https://gw.example.com/influx");
		assertThat(HostUrl.base("https://gw.example.com/in flux")).isEqualTo("https://gw.example.com/in%20flux");
	}
}
