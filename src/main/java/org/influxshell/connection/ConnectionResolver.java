package org.influxshell.connection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.influxshell.cli.CliException;
import org.influxshell.cli.SecretPrompt;
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

	private final SecretPrompt passwords;

	/**
	 * The passwords typed in this run, by server and user: kept as long as the run, as the
	 * sessions they open are (a REPL session signs in again with it after a session ends).
	 */
	private final Map<String, String> typedPasswords = new ConcurrentHashMap<>();

	/** The profile and server pairs already warned about in this run. */
	private final Set<String> warnedElsewhere = ConcurrentHashMap.newKeySet();

	public ConnectionResolver(InfluxProperties properties, ConfigsFile configs) {
		this(properties, configs, message -> {
		}, question -> null);
	}

	/**
	 * @param warnings where to say that the configs file does not mark one active profile, or that
	 *        a profile's token goes to another server
	 * @param passwords asks for the password of a profile that signs in and keeps none: the run's
	 *        terminal, {@code null} when there is none to ask
	 */
	public ConnectionResolver(InfluxProperties properties, ConfigsFile configs, Consumer<String> warnings,
			SecretPrompt passwords) {
		this.properties = properties;
		this.configs = configs;
		this.warnings = warnings;
		this.passwords = passwords;
	}

	/** JSON or table, with or without headers. */
	public OutputOptions output(LocalOptions options) {
		return new OutputOptions(
				flagOrEnv(options.json(), properties.getOutputJson(), "influx.output-json"),
				flagOrEnv(options.hideHeaders(), properties.getHideHeaders(), "influx.hide-headers"));
	}

	/** Whether token values are printed masked: {@code --mask-tokens} when given, else {@code influx.mask-tokens}. */
	public boolean maskTokens(Boolean flag) {
		return flagOrEnv(flag, properties.getMaskTokens(), "influx.mask-tokens");
	}

	/**
	 * The server to talk to and how. A profile that signs in and keeps no password has it asked
	 * for when the first sign-in needs it ({@link Connection.SignIn#typed}), once in the run;
	 * without a terminal it stays unknown, and the sign-in says so.
	 */
	public Connection connection(ServerOptions options) {
		return connection(options, null);
	}

	/**
	 * The server to talk to and how, and its generation: {@code --product} when given, else
	 * {@code INFLUX_PRODUCT}, else the profile's {@code product}, else {@code v2}.
	 * @param product {@code --product}, or {@code null}
	 */
	public Connection connection(ServerOptions options, String product) {
		if (product != null) {
			checkProduct(product, "--product");
		}
		Connection conn = typedPassword(connectionOf(options), true);
		String chosen = firstNonEmpty(product, properties.getProduct());
		return chosen == null ? conn : conn.withProduct(chosen);
	}

	/**
	 * As {@link #connection(ServerOptions)}, and never asking for a password, only using one
	 * already typed in the run: for tab completion, which cannot ask in the middle of a line.
	 */
	public Connection connectionWithoutAsking(ServerOptions options) {
		return typedPassword(connectionOf(options), false);
	}

	/** A sign-in without a kept password gets the one typed in the run, asked for first if {@code ask}. */
	private Connection typedPassword(Connection conn, boolean ask) {
		Connection.SignIn user = conn.signIn();
		if (user == null || user.kept() != null) {
			return conn;
		}
		String key = conn.baseUrl() + " " + user.user();
		return conn.withSignIn(new Connection.SignIn(user.user(), null, ask
				? () -> typedPasswords.computeIfAbsent(key, k -> passwords.ask("Please provide your password: "))
				: () -> typedPasswords.get(key)));
	}

	/**
	 * Fails with a usage error unless {@code value} names a generation: {@code v2} or {@code v3}.
	 * @param what where it was given, for the message
	 */
	public static void checkProduct(String value, String what) {
		if (!Connection.V2.equals(value) && !Connection.V3.equals(value)) {
			throw CliException.usage(what + " takes v2 (InfluxDB 2) or v3 (InfluxDB 3 Core and Enterprise), not \""
					+ value + "\"");
		}
	}

	private Connection connectionOf(ServerOptions options) {
		String host = firstNonEmpty(options.host(), properties.getHost());
		String token = firstNonNull(options.token(), properties.getToken());
		String chosen = firstNonEmpty(options.activeConfig(), properties.getActiveConfig());
		Profile profile = (chosen != null || host == null || token == null) ? profile(options.local(), chosen) : null;
		boolean usedProfile = profile != null && !profile.equals(Profile.builtInDefault());
		boolean defaultHost = host == null && (!usedProfile || profile.url().isEmpty());
		if (host == null) {
			host = profile.url().isEmpty() ? DEFAULT_HOST : profile.url();
		}
		else if (token == null && options.host() == null && options.activeConfig() != null && profile != null) {
			warnIfElsewhere(profile, host);
		}
		if (token == null) {
			token = profile == null ? "" : profile.token();
		}
		Profile own = usedProfile ? profile : null;
		boolean skipVerify = flagEnvOrProfile(options.skipVerify(), properties.getSkipVerify(), "influx.skip-verify",
				own != null && own.skipVerify());
		// a profile made with -p signs in when no token is given anywhere
		Connection.SignIn signIn = token.isEmpty() && profile != null && !profile.cookie().isEmpty()
				? signIn(profile) : null;
		return new Connection(HostUrl.base(host), token, profile == null ? "" : profile.org(), skipVerify,
				options.httpDebug(), signIn,
				// the built-in default stands in for a file with no profile: no profile of the user's was used
				usedProfile ? profile.name() : "", defaultHost, caCert(options, own),
				// a profile keeps its server's generation; a value it does not know is read as v2
				usedProfile && Connection.V3.equals(profile.product()) ? Connection.V3 : Connection.V2);
	}

	/**
	 * The connection a profile describes on its own, as stored: its URL, credentials and certificate
	 * checks, no flag or environment variable over them ({@code config status} checks each profile so).
	 */
	public Connection stored(Profile profile, String configsPath) {
		Connection.SignIn signIn = profile.token().isEmpty() && !profile.cookie().isEmpty() ? signIn(profile) : null;
		String ca = profile.caCert().isEmpty() ? "" : profileCaCert(profile, configsPath);
		return new Connection(HostUrl.base(profile.url().isEmpty() ? DEFAULT_HOST : profile.url()), profile.token(),
				profile.org(), profile.skipVerify(), false, signIn, profile.name(), false, ca,
				Connection.V3.equals(profile.product()) ? Connection.V3 : Connection.V2);
	}

	/**
	 * {@code --ca-cert} > {@code INFLUX_CA_CERT} > the profile's {@code ca-cert}; a relative path
	 * given by flag or variable is taken from the run's working folder, one in the configs file from
	 * the configs file's folder. The empty path is none.
	 */
	private String caCert(ServerOptions options, Profile profile) {
		if (options.caCert() != null) {
			return options.caCert().isEmpty() ? "" : configs.typed(options.caCert()).toString();
		}
		String env = properties.getCaCert();
		if (env != null && !env.isEmpty()) {
			return configs.typed(env).toString();
		}
		return profile == null || profile.caCert().isEmpty() ? "" : profileCaCert(profile, options.local().configsPath());
	}

	private String profileCaCert(Profile profile, String configsPath) {
		java.nio.file.Path file = configs.path(configsPath);
		java.nio.file.Path folder = file.toAbsolutePath().getParent();
		return folder == null ? profile.caCert() : folder.resolve(profile.caCert()).toString();
	}

	/**
	 * A profile chosen with {@code -c} whose token {@code INFLUX_HOST} sends to another server than
	 * the profile's own: said once, since the operator may not know the variable is set ({@code --host}
	 * on the same line as {@code -c} is taken as meant).
	 */
	private void warnIfElsewhere(Profile profile, String envHost) {
		if (profile.token().isEmpty() || profile.url().isEmpty()) {
			return;
		}
		String to = HostUrl.base(envHost);
		String own = HostUrl.base(profile.url());
		if (!to.equals(own) && warnedElsewhere.add(profile.name() + " " + to)) {
			warnings.accept("INFLUX_HOST sends the token of config \"" + profile.name() + "\" to " + to
					+ ", not to its own URL " + own);
		}
	}

	/** The user and password a profile keeps as its cookie: base64 of {@code USER:PASSWORD} or of {@code USER}. */
	private static Connection.SignIn signIn(Profile profile) {
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(profile.cookie().strip()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw CliException.failure("config \"" + profile.name() + "\" has a cookie that is not base64");
		}
		int colon = decoded.indexOf(':');
		return colon < 0 ? new Connection.SignIn(decoded, null)
				: new Connection.SignIn(decoded.substring(0, colon), decoded.substring(colon + 1));
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

	/** The flag when given, else the setting when set, else the profile's value. */
	private static boolean flagEnvOrProfile(Boolean flag, String env, String property, boolean profile) {
		Settings.bool(property, env);
		if (flag != null) {
			return flag;
		}
		return env != null && !env.isEmpty() ? parseBool(env) : profile;
	}

	/** The flag when given, else the setting ({@code INFLUX_OUTPUT_JSON}, ...) read as a Go boolean. */
	private static boolean flagOrEnv(Boolean flag, String env, String property) {
		Settings.bool(property, env);
		if (flag != null) {
			return flag;
		}
		return env != null && !env.isEmpty() && parseBool(env);
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
