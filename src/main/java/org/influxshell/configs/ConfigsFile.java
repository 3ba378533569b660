package org.influxshell.configs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the configs file is and how it is opened: {@code --configs-path} >
 * {@code INFLUX_CONFIGS_PATH} > {@code ~/.influxdbv2/configs}. The one answer for the connection
 * resolver, the config commands, completion and the REPL history, which lives beside it.
 */
public class ConfigsFile {

	private final Supplier<String> envPath;

	private final Function<Path, ProfileStore> opener;

	private final Supplier<String> home;

	/**
	 * @param envPath the value of {@code INFLUX_CONFIGS_PATH} ({@code influx.configs-path}), may give null
	 * @param lockTimeout how long a change waits for the lock another process holds
	 * @param notice where a change says that it is waiting for the lock (stderr)
	 */
	public ConfigsFile(Supplier<String> envPath, Duration lockTimeout, Consumer<String> notice) {
		this(envPath, path -> new TomlProfileStore(path, lockTimeout, notice), () -> System.getProperty("user.home"));
	}

	public ConfigsFile(Supplier<String> envPath, Function<Path, ProfileStore> opener, Supplier<String> home) {
		this.envPath = envPath;
		this.opener = opener;
		this.home = home;
	}

	/**
	 * The configs file.
	 * @param flagPath {@code --configs-path}, or {@code null} when not given
	 */
	public Path path(String flagPath) {
		if (flagPath != null && !flagPath.isEmpty()) {
			return Path.of(flagPath);
		}
		String env = envPath.get();
		return env != null && !env.isEmpty() ? Path.of(env) : Path.of(home.get(), ".influxdbv2", "configs");
	}

	/** The store of the configs file {@link #path} names. Opening it reads nothing yet. */
	public ProfileStore store(String flagPath) {
		return opener.apply(path(flagPath));
	}

	/** The REPL's history file, beside the configs file. */
	public Path historyFile() {
		return path(null).resolveSibling("influx-shell_history");
	}
}
