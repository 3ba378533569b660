package org.influxshell.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Consumer;

import org.influxshell.cli.CliException;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.configs.Profile;
import org.influxshell.configs.Profiles;
import org.influxshell.output.OutputOptions;

/**
 * The one place that decides where each value comes from, highest first: the command's flag; the
 * environment variable or {@code influx.*} property; the profile chosen with {@code -c} (else the
 * active profile); the built-in default. Choosing a profile with {@code -c} never writes the
 * configs file.
 */
public class ConnectionResolver {

	static final String DEFAULT_HOST = "http://localhost:8086";

	private final InfluxProperties properties;

	private final ConfigsFile configs;

	private final Consumer<String> warnings;

	public ConnectionResolver(InfluxProperties properties, ConfigsFile configs) {
		this(properties, configs, message -> {
		});
	}

	/** @param warnings where to say that the configs file does not mark one active profile */
	public ConnectionResolver(InfluxProperties properties, ConfigsFile configs, Consumer<String> warnings) {
		this.properties = properties;
		this.configs = configs;
		this.warnings = warnings;
	}

	/** JSON or table, with or without headers. */
	public OutputOptions output(LocalOptions options) {
		return new OutputOptions(
				flagOrEnv(options.json(), properties.getOutputJson(), "INFLUX_OUTPUT_JSON"),
				flagOrEnv(options.hideHeaders(), properties.getHideHeaders(), "INFLUX_HIDE_HEADERS"));
	}

	/** The server to talk to and how. */
	public Connection connection(ServerOptions options) {
		String host = firstNonEmpty(options.host(), properties.getHost());
		String token = firstNonNull(options.token(), properties.getToken());
		String chosen = firstNonEmpty(options.activeConfig(), properties.getActiveConfig());
		Profile profile = (chosen != null || host == null || token == null) ? profile(options.local(), chosen) : null;
		if (host == null) {
			host = profile.url().isEmpty() ? DEFAULT_HOST : profile.url();
		}
		if (token == null) {
			token = profile == null ? "" : profile.token();
		}
		boolean skipVerify = flagOrEnv(options.skipVerify(), properties.getSkipVerify(), "INFLUX_SKIP_VERIFY");
		return new Connection(baseUrl(host), token, profile == null ? "" : profile.org(), skipVerify,
				options.httpDebug());
	}

	/** The profile named with {@code -c}/{@code INFLUX_ACTIVE_CONFIG}, else the active one. */
	private Profile profile(LocalOptions local, String chosen) {
		Profiles profiles = configs.store(local.configsPath()).read();
		if (chosen != null) {
			return profiles.require(chosen);
		}
		profiles.activeAmbiguity().ifPresent(warnings);
		return profiles.active();
	}

	/** Scheme, host and port of {@code host}, as upstream uses it. */
	public static String baseUrl(String host) {
		URI uri;
		try {
			uri = new URI(host);
		}
		catch (URISyntaxException ex) {
			throw invalidHost(host, ex.getReason());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw invalidHost(host, "a scheme of http or https must be provided for host url");
		}
		if (uri.getHost() == null) {
			throw invalidHost(host, uri.getRawAuthority() == null ? "missing host" : "invalid host or port");
		}
		if (uri.getPort() > 65535) {
			throw invalidHost(host, "port out of range");
		}
		return scheme + "://" + uri.getRawAuthority().replaceFirst("^.*@", "");
	}

	private static CliException invalidHost(String host, String why) {
		return CliException.failure("host URL \"" + host + "\" is invalid: " + why);
	}

	private static boolean flagOrEnv(Boolean flag, String env, String envName) {
		if (flag != null) {
			return flag;
		}
		if (env == null || env.isEmpty()) {
			return false;
		}
		Boolean value = parseBool(env);
		if (value == null) {
			throw CliException.usage("invalid value \"" + env + "\" for " + envName
					+ ": use one of 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False");
		}
		return value;
	}

	/** Go's {@code strconv.ParseBool}: the value, or {@code null} when the text is not a boolean. */
	public static Boolean parseBool(String text) {
		return switch (text) {
			case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
			case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static String firstNonEmpty(String a, String b) {
		if (a != null && !a.isEmpty()) {
			return a;
		}
		return b != null && !b.isEmpty() ? b : null;
	}

	private static String firstNonNull(String a, String b) {
		return a != null ? a : b;
	}
}
