package org.influxshell.config;

import java.util.ArrayList;
import java.util.List;

import org.influxshell.cli.Stderr;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.LocalOptions;
import org.influxshell.output.OutputOptions;
import org.influxshell.shell.Positional;

import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** The {@code config} commands: connection profiles in the configs file shared with upstream. */
@ShellComponent
public class ConfigCommands {

	private final ConnectionResolver resolver;

	private final Stderr stderr;

	public ConfigCommands(ConnectionResolver resolver, Stderr stderr) {
		this.resolver = resolver;
		this.stderr = stderr;
	}

	@ShellMethod(key = "config", value = "Print the active config, or switch to NAME (- for the previous one)")
	public String config(
			@ShellOption(value = "--name", defaultValue = ShellOption.NULL, help = "config to switch to",
					valueProvider = ProfileNameProvider.class) @Positional String name,
			LocalOptions local) {
		if (name != null) {
			return use(name, local);
		}
		Profiles profiles = resolver.store(local).read();
		profiles.activeAmbiguity().ifPresent(stderr::warn);
		return ProfileRenderer.one(profiles.active(), resolver.output(local));
	}

	@ShellMethod(key = "config use", value = "Make a config active (- for the previous one)")
	public String use(
			@ShellOption(value = "--name", help = "config to make active", valueProvider = ProfileNameProvider.class)
			@Positional String name,
			LocalOptions local) {
		OutputOptions output = resolver.output(local);
		Profiles after = resolver.store(local).update(profiles -> ProfileEdits.use(profiles, name));
		return ProfileRenderer.one(after.active(), output);
	}

	@ShellMethod(key = { "config list", "config ls" }, value = "List all configs")
	public String list(LocalOptions local) {
		OutputOptions output = resolver.output(local);
		return ProfileRenderer.many(resolver.store(local).read().all(), false, output);
	}

	@ShellMethod(key = "config create", value = "Create a config")
	public String create(
			@ShellOption(value = { "-n", "--config-name" }, help = "name of the new config") String name,
			@ShellOption(value = { "-u", "--host-url" }, help = "URL of the InfluxDB server") String url,
			@ShellOption(value = { "-t", "--token" }, defaultValue = ShellOption.NULL, help = "API token") String token,
			@ShellOption(value = { "-p", "--username-password" }, defaultValue = ShellOption.NULL,
					help = "USER:PASSWORD, for servers without token auth") String userPass,
			@ShellOption(value = { "-o", "--org" }, defaultValue = ShellOption.NULL, help = "default organization name") String org,
			@ShellOption(value = { "-a", "--active" }, defaultValue = "false", help = "make it the active config") boolean active,
			LocalOptions local) {
		OutputOptions output = resolver.output(local);
		ConnectionResolver.baseUrl(url);
		var changes = new ProfileEdits.Changes(name, url, token, userPass, org, active);
		Profiles after = resolver.store(local).update(p -> ProfileEdits.create(p, changes));
		return ProfileRenderer.one(after.require(name), output);
	}

	@ShellMethod(key = { "config set", "config update" }, value = "Change a config: only the values given change")
	public String set(
			@ShellOption(value = { "-n", "--config-name" }, help = "name of the config",
					valueProvider = ProfileNameProvider.class) String name,
			@ShellOption(value = { "-u", "--host-url" }, defaultValue = ShellOption.NULL, help = "URL of the InfluxDB server") String url,
			@ShellOption(value = { "-t", "--token" }, defaultValue = ShellOption.NULL, help = "API token") String token,
			@ShellOption(value = { "-p", "--username-password" }, defaultValue = ShellOption.NULL,
					help = "USER:PASSWORD, for servers without token auth") String userPass,
			@ShellOption(value = { "-o", "--org" }, defaultValue = ShellOption.NULL, help = "default organization name") String org,
			@ShellOption(value = { "-a", "--active" }, defaultValue = "false", help = "make it the active config") boolean active,
			LocalOptions local) {
		OutputOptions output = resolver.output(local);
		if (url != null) {
			ConnectionResolver.baseUrl(url);
		}
		var changes = new ProfileEdits.Changes(name, url, token, userPass, org, active);
		Profiles after = resolver.store(local).update(p -> ProfileEdits.update(p, changes));
		return ProfileRenderer.one(after.require(name), output);
	}

	@ShellMethod(key = { "config rm", "config delete", "config remove" }, value = "Remove configs")
	public String remove(
			@ShellOption(value = "--name", help = "configs to remove", valueProvider = ProfileNameProvider.class)
			@Positional List<String> names,
			LocalOptions local) {
		OutputOptions output = resolver.output(local);
		List<Profile> removed = new ArrayList<>();
		Profiles after = resolver.store(local).update(before -> {
			removed.clear();
			names.forEach(n -> before.get(n).ifPresent(removed::add));
			return ProfileEdits.remove(before, names);
		});
		if (removed.stream().anyMatch(Profile::active) && !after.isEmpty()) {
			stderr.line("config \"" + after.active().name() + "\" is now active");
		}
		return ProfileRenderer.many(removed, true, output);
	}
}
