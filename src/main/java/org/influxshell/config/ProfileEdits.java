package org.influxshell.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.influxshell.cli.CliException;
import org.influxshell.configs.Profile;
import org.influxshell.configs.Profiles;
import org.influxshell.connection.HostUrl;

/**
 * The changes {@code config} commands make to a set of profiles, as pure functions, with
 * upstream's rules and wording.
 */
public final class ProfileEdits {

	private static final Set<String> RESERVED = Set.of("-", "list", "ls", "update", "set", "delete", "remove", "rm",
			"switch", "create", "use", "help");

	private ProfileEdits() {
	}

	/**
	 * Values given to {@code config create}/{@code config set}; {@code null} means not given.
	 *
	 * @param name {@code -n}
	 * @param url {@code -u}
	 * @param token {@code -t}
	 * @param usernamePassword {@code -p user:pass}
	 * @param org {@code -o}
	 * @param active {@code -a}
	 * @param skipVerify {@code --skip-verify}: true, false to unset, {@code null} not given
	 * @param caCert {@code --ca-cert PATH}: the empty path unsets it, {@code null} not given
	 * @param product {@code --product}: the server's generation, {@code v2} or {@code v3}
	 */
	public record Changes(String name, String url, String token, String usernamePassword, String org,
			boolean active, Boolean skipVerify, String caCert, String product) {

		/** Changes that leave the certificate checks and the generation as they are. */
		public Changes(String name, String url, String token, String usernamePassword, String org, boolean active) {
			this(name, url, token, usernamePassword, org, active, null, null, null);
		}

		/** Changes of the certificate checks too; the generation as it is. */
		public Changes(String name, String url, String token, String usernamePassword, String org, boolean active,
				Boolean skipVerify, String caCert) {
			this(name, url, token, usernamePassword, org, active, skipVerify, caCert, null);
		}

		/** The same values, with the server's generation. */
		public Changes withProduct(String value) {
			return new Changes(name, url, token, usernamePassword, org, active, skipVerify, caCert, value);
		}
	}

	/** {@code config use NAME}, or {@code config use -} for the previous profile. */
	public static Profiles use(Profiles profiles, String name) {
		if (name.equals("-")) {
			List<Profile> previous = profiles.all().stream().filter(Profile::previous).toList();
			if (previous.isEmpty()) {
				throw CliException.failure("previous activated config is not found");
			}
			if (previous.size() > 1) {
				throw CliException.failure("more than one previous activated configs found");
			}
			return profiles.activate(previous.get(0).name());
		}
		Profile target = profiles.require(name);
		if (target.active() && profiles.activeAmbiguity().isEmpty()) {
			return profiles;
		}
		return profiles.activate(name);
	}

	public static Profiles create(Profiles profiles, Changes c) {
		String name = c.name();
		checkOneCredential(c);
		String url = HostUrl.normalize(c.url());
		try {
			checkNewName(name);
			if (profiles.get(name).isPresent()) {
				throw CliException.failure("config \"" + name + "\" already exists");
			}
			Credentials creds = credentials(c);
			Profile created = new Profile(name, url, creds.token(), c.org(), false, false, creds.cookie(),
					Boolean.TRUE.equals(c.skipVerify()), c.caCert(), c.product());
			Profiles after = profiles.with(created);
			return c.active() ? after.activate(name) : after;
		}
		catch (CliException ex) {
			throw CliException.failure("failed to create config \"" + name + "\": " + ex.getMessage());
		}
	}

	/**
	 * {@code config set}: changes the values given; an empty value ({@code -t "$UNSET"}) leaves
	 * that value as it is, as upstream does.
	 */
	public static Profiles update(Profiles profiles, Changes given) {
		Changes c = new Changes(given.name(), given(given.url()), given(given.token()), given(given.usernamePassword()),
				given(given.org()), given.active(), given.skipVerify(), given.caCert(), given(given.product()));
		String name = c.name();
		checkOneCredential(c);
		String url = c.url() == null ? null : HostUrl.normalize(c.url());
		try {
			Profile old = profiles.require(name);
			String token = old.token();
			String cookie = old.cookie();
			if (c.token() != null || c.usernamePassword() != null) {
				Credentials creds = credentials(c);
				token = creds.token();
				cookie = creds.cookie();
			}
			// unlike the values upstream knows, an empty --ca-cert "" is how the file is taken off
			Profile updated = new Profile(name, url != null ? url : old.url(), token,
					c.org() != null ? c.org() : old.org(), old.active(), old.previous(), cookie,
					c.skipVerify() != null ? c.skipVerify() : old.skipVerify(), c.caCert() != null ? c.caCert() : old.caCert(),
					c.product() != null ? c.product() : old.product());
			Profiles after = profiles.with(updated);
			return c.active() ? after.activate(name) : after;
		}
		catch (CliException ex) {
			throw CliException.failure("failed to update config \"" + name + "\": " + ex.getMessage());
		}
	}

	private static String given(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	/**
	 * {@code config rm}: removes the named profiles that exist (others are skipped, as upstream
	 * does), one after the other; each time the active one goes, the first remaining by name
	 * becomes active at once, so a later name may remove that one too (and upstream prints it
	 * with its {@code *}).
	 */
	public static Profiles remove(Profiles profiles, List<String> names) {
		return remove(profiles, names, p -> {
		});
	}

	/** {@link #remove(Profiles, List)}, telling {@code removed} each profile as it was when it went. */
	public static Profiles remove(Profiles profiles, List<String> names, Consumer<Profile> removed) {
		Profiles after = profiles;
		for (String name : names) {
			Profile p = after.get(name).orElse(null);
			if (p == null) {
				continue;
			}
			removed.accept(p);
			after = after.without(name);
			if (p.active() && !after.isEmpty()) {
				String first = after.all().get(0).name();
				after = after.with(after.require(first).withActive(true).withPrevious(false));
			}
		}
		return after;
	}

	private static void checkNewName(String name) {
		if (name == null || name.isEmpty()) {
			throw CliException.failure("config name is empty");
		}
		if (RESERVED.contains(name)) {
			throw CliException.failure("\"" + name + "\" is not a valid config name");
		}
	}

	private record Credentials(String token, String cookie) {
	}

	/** Upstream checks this before anything else, and says it without naming the config. */
	private static void checkOneCredential(Changes c) {
		if (c.token() != null && c.usernamePassword() != null) {
			throw CliException.failure("cannot specify `--token` and `--username-password` together, please choose one");
		}
	}

	private static Credentials credentials(Changes c) {
		if (c.usernamePassword() != null) {
			// USER alone is kept as upstream keeps it: the password is asked at sign-in
			return new Credentials("",
					Base64.getEncoder().encodeToString(c.usernamePassword().getBytes(StandardCharsets.UTF_8)));
		}
		return new Credentials(c.token() == null ? "" : c.token(), "");
	}
}
