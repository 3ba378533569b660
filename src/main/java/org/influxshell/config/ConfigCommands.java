package org.influxshell.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.influxshell.cli.CliException;
import org.influxshell.cli.RunStopped;
import org.influxshell.cli.Stderr;
import org.influxshell.command.Args;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandResult;
import org.influxshell.command.CommandSet;
import org.influxshell.command.CommonOptions;
import org.influxshell.command.OptionDef;
import org.influxshell.command.Suggestions;
import org.influxshell.command.ValueKind;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.configs.Profile;
import org.influxshell.configs.ProfileErrors;
import org.influxshell.configs.ProfileStore;
import org.influxshell.configs.Profiles;
import org.influxshell.connection.Connection;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.HostUrl;
import org.influxshell.connection.ProductProbe;
import org.influxshell.connection.LocalOptions;
import org.influxshell.http.CaFile;
import org.influxshell.output.OutputOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.standard.ShellComponent;

/** The {@code config} commands: connection profiles in the configs file shared with upstream. */
@ShellComponent
public class ConfigCommands implements CommandSet {

	static final OptionDef<String> SWITCH_TO = OptionDef
		.value("NAME", "config to make active (- for the previous one)", "--name")
		.positional()
		.completes(ValueKind.PROFILE_NAME);

	static final OptionDef<String> USE_NAME = SWITCH_TO.required();

	static final OptionDef<List<String>> REMOVE_NAMES = OptionDef.list("NAME", "configs to remove", "--name")
		.positional()
		.completes(ValueKind.PROFILE_NAME);

	static final OptionDef<String> NEW_NAME = OptionDef.value("NAME", "name of the config", "-n", "--config-name")
		.required();

	static final OptionDef<String> NAME = NEW_NAME.completes(ValueKind.PROFILE_NAME);

	static final OptionDef<String> URL = OptionDef.value("URL", "URL of the InfluxDB server", "-u", "--host-url");

	static final OptionDef<String> NEW_URL = URL.required();

	static final OptionDef<String> TOKEN = OptionDef.value("TOKEN", "API token", "-t", "--token").secret();

	static final OptionDef<String> USER_PASS = OptionDef
		.value("USER:PASSWORD", "USER:PASSWORD, for servers without token auth", "-p", "--username-password")
		.secret();

	static final OptionDef<String> ORG = OptionDef.value("NAME", "default organization name", "-o", "--org");

	static final OptionDef<Boolean> ACTIVE = OptionDef.flag("make it the active config", "-a", "--active");

	static final OptionDef<Boolean> SKIP_VERIFY = OptionDef
		.flag("accept any TLS certificate of this server (--skip-verify=false to check again)", "--skip-verify");

	static final OptionDef<String> CA_CERT = OptionDef
		.value("PATH", "PEM file of CA certificates to trust for this server besides the system's (\"\" to remove)",
				"--ca-cert");

	static final OptionDef<List<String>> CHECK_NAMES = OptionDef
		.list("NAME", "config to check (repeatable; default: every config)", "-c", "--active-config")
		.completes(ValueKind.PROFILE_NAME);

	static final OptionDef<String> PRODUCT = OptionDef.value("v2|v3",
			"the server's generation: v2 (InfluxDB 2) or v3 (InfluxDB 3 Core and Enterprise); default: asked of the server",
			"--product");

	static final OptionDef<Boolean> WIDE = OptionDef.flag("add a Product column: the server's generation", "--wide");

	private final ConfigsFile configs;

	private final ConnectionResolver resolver;

	private final Stderr stderr;

	private final ObjectProvider<ProfileChecks> checks;

	private final ObjectProvider<ProductProbe> probe;

	public ConfigCommands(ConfigsFile configs, ConnectionResolver resolver, Stderr stderr,
			ObjectProvider<ProfileChecks> checks, ObjectProvider<ProductProbe> probe) {
		this.configs = configs;
		this.resolver = resolver;
		this.stderr = stderr;
		this.checks = checks;
		this.probe = probe;
	}

	@Override
	public Map<String, String> groups() {
		return Map.of("config", "Connection profiles in the configs file shared with upstream influx");
	}

	@Override
	public List<CommandDef> commands() {
		return List.of(
				CommandDef.command("config")
					.description("Print the active config, or switch to NAME (- for the previous one)")
					.options(SWITCH_TO).options(CommonOptions.LOCAL)
					.runs(this::show),
				CommandDef.command("config use")
					.description("Make a config active (- for the previous one)")
					.options(USE_NAME).options(CommonOptions.LOCAL)
					.runs(a -> use(a.get(USE_NAME), a.get(CommonOptions.LOCAL))),
				CommandDef.command("config list").aliases("config ls")
					.description("List all configs")
					.options(WIDE).options(CommonOptions.LOCAL)
					.runs(this::list),
				CommandDef.command("config create")
					.description("Create a config")
					.options(NEW_NAME, NEW_URL, TOKEN, USER_PASS, ORG, ACTIVE, SKIP_VERIFY, CA_CERT, PRODUCT).options(CommonOptions.LOCAL)
					.runs(this::create),
				CommandDef.command("config set").aliases("config update")
					.description("Change a config: only the values given change")
					.options(NAME, URL, TOKEN, USER_PASS, ORG, ACTIVE, SKIP_VERIFY, CA_CERT, PRODUCT).options(CommonOptions.LOCAL)
					.runs(this::set),
				CommandDef.command("config status")
					.description("Check each config's server, version, credentials and latency")
					.options(CHECK_NAMES).options(CommonOptions.LOCAL)
					.runs(this::status),
				CommandDef.command("config rm").aliases("config delete", "config remove")
					.description("Remove configs")
					.options(REMOVE_NAMES).options(CommonOptions.LOCAL)
					.runs(this::remove));
	}

	private ProfileStore store(LocalOptions local) {
		return configs.store(local.configsPath());
	}

	private CommandResult show(Args args) {
		LocalOptions local = args.get(CommonOptions.LOCAL);
		if (args.isSet(SWITCH_TO)) {
			String name = args.get(SWITCH_TO);
			try {
				return use(name, local);
			}
			catch (ProfileErrors.NotFound notFound) {
				throw mistypedSubcommand(name).orElse(notFound);
			}
		}
		Profiles profiles = store(local).read();
		profiles.activeAmbiguity().ifPresent(stderr::warn);
		return CommandResult.of(ProfileRenderer.one(profiles.active(), resolver.output(local)));
	}

	/** {@code config lsit}: a word that is no profile but nearly a subcommand was most likely meant as one. */
	private Optional<CliException> mistypedSubcommand(String word) {
		List<String> subcommands = new ArrayList<>();
		for (CommandDef c : commands()) {
			subcommands.add(c.name());
			subcommands.addAll(c.aliases());
		}
		return Suggestions.closest("config " + word, subcommands).map(s -> CliException.usage(
				"unknown command \"config " + word + "\" (did you mean '" + s + "'?)"));
	}

	private CommandResult use(String name, LocalOptions local) {
		OutputOptions output = resolver.output(local);
		Profiles after = store(local).update(profiles -> ProfileEdits.use(profiles, name));
		return CommandResult.changed(ProfileRenderer.one(after.active(), output),
				"config \"" + after.active().name() + "\" is now active");
	}

	private CommandResult list(Args args) {
		LocalOptions local = args.get(CommonOptions.LOCAL);
		OutputOptions output = resolver.output(local);
		return CommandResult.of(ProfileRenderer.list(store(local).read().all(), args.flag(WIDE), output));
	}

	private CommandResult create(Args args) {
		return edit(args, NEW_NAME, NEW_URL, ProfileEdits::create, "created");
	}

	private CommandResult set(Args args) {
		return edit(args, NAME, URL, ProfileEdits::update, "updated");
	}

	/** {@code config create} and {@code config set}: the same values, each with its own rule. */
	private CommandResult edit(Args args, OptionDef<String> nameOption, OptionDef<String> urlOption,
			BiFunction<Profiles, ProfileEdits.Changes, Profiles> rule, String done) {
		LocalOptions local = args.get(CommonOptions.LOCAL);
		OutputOptions output = resolver.output(local);
		String name = args.get(nameOption);
		String product = args.get(PRODUCT);
		if (product != null) {
			ConnectionResolver.checkProduct(product, "--product");
		}
		var given = new ProfileEdits.Changes(name, args.get(urlOption), args.get(TOKEN), args.get(USER_PASS),
				args.get(ORG), args.flag(ACTIVE), args.get(SKIP_VERIFY), caCert(args.get(CA_CERT)), product);
		var changes = product == null && nameOption == NEW_NAME ? given.withProduct(probe(local, given)) : given;
		Profiles after = store(local).update(p -> rule.apply(p, changes));
		return CommandResult.changed(ProfileRenderer.one(after.require(name), output),
				"config \"" + name + "\" was " + done);
	}

	/**
	 * {@code config status}: one row per profile checked, in name order; each problem on stderr in
	 * its own words, then exit 1 when there was any. Stopped by Ctrl-C or SIGTERM, it shows what was
	 * answered, names the profiles not checked and exits 130 or 143.
	 */
	private CommandResult status(Args args) {
		LocalOptions local = args.get(CommonOptions.LOCAL);
		OutputOptions output = resolver.output(local);
		Profiles profiles = store(local).read();
		List<String> names = args.get(CHECK_NAMES);
		List<Profile> chosen = names.isEmpty() ? profiles.all()
				: names.stream().distinct().map(profiles::require).sorted(Comparator.comparing(Profile::name)).toList();
		if (chosen.isEmpty()) {
			stderr.line("No configs to check: make one with config create -n NAME -u URL -t TOKEN");
			return CommandResult.of(StatusRenderer.render(List.of(), output));
		}
		ProfileChecks.Checked run = checks.getObject().check(chosen, local.configsPath());
		List<ProfileChecks.Check> found = run.checks();
		for (ProfileChecks.Check c : found) {
			String product = c.productToKeep();
			if (!product.isEmpty()) {
				stderr.line("Hint: the server of config \"" + c.profile().name() + "\" is " + (product.equals(Connection.V3)
						? "InfluxDB 3" : "InfluxDB 2") + "; keep that in the profile: config set -n " + c.profile().name()
						+ " --product " + product);
			}
		}
		List<CliException> problems = found.stream().filter(c -> !c.ok() && !run.notChecked().contains(c.profile()))
			.map(c -> CliException.failure(c.message())).toList();
		CommandResult result = CommandResult.of(StatusRenderer.render(found, output));
		if (run.stop() != null) {
			int checked = found.size() - run.notChecked().size();
			List<String> notes = run.notChecked().isEmpty() ? List.of() : List.of("not checked: "
					+ String.join(", ", run.notChecked().stream().map(p -> "\"" + p.name() + "\"").toList()));
			return result.failing(problems, notes, new RunStopped("interrupted: " + checked + " checked, "
					+ run.notChecked().size() + " not checked", run.stop().exitCode()));
		}
		return problems.isEmpty() ? result : result.failing(problems, List.of(),
				CliException.failure(problems.size() + " of " + found.size() + " configs have problems"));
	}

	/**
	 * {@code --ca-cert PATH} as the profile keeps it: the file read and checked now, its path made
	 * absolute (the profile is used from any folder); the empty path as given (it removes the key).
	 */
	private String caCert(String typed) {
		if (typed == null || typed.isEmpty()) {
			return typed;
		}
		Path file = configs.typed(typed).toAbsolutePath().normalize();
		CaFile.check(file);
		return file.toString();
	}

	/**
	 * The generation the new profile's server says it is, asked only when the profile could be
	 * made: nothing is sent for a name taken or a URL that is not one.
	 */
	private String probe(LocalOptions local, ProfileEdits.Changes changes) {
		// the rules first, on the file as it is: a profile that cannot be made sends nothing
		ProfileEdits.create(store(local).read(), changes);
		String url = HostUrl.base(HostUrl.normalize(changes.url()));
		String token = changes.token() == null ? "" : changes.token();
		// with the certificate checks the profile will have: a private CA's server answers too
		return probe.getObject().probe(new Connection(url, token, "", Boolean.TRUE.equals(changes.skipVerify()), false,
				null, "", false, changes.caCert() == null ? "" : changes.caCert(), Connection.V2));
	}

	private CommandResult remove(Args args) {
		LocalOptions local = args.get(CommonOptions.LOCAL);
		OutputOptions output = resolver.output(local);
		List<String> names = args.get(REMOVE_NAMES);
		List<Profile> removed = new ArrayList<>();
		Profiles after = store(local).update(before -> {
			removed.clear();
			return ProfileEdits.remove(before, names, removed::add);
		});
		if (removed.stream().anyMatch(Profile::active) && !after.isEmpty()) {
			stderr.line("config \"" + after.active().name() + "\" is now active");
		}
		String text = ProfileRenderer.many(removed, true, output);
		return removed.isEmpty() ? CommandResult.of(text) : CommandResult.changed(text, "removed "
				+ String.join(", ", removed.stream().map(p -> "\"" + p.name() + "\"").toList()));
	}
}
