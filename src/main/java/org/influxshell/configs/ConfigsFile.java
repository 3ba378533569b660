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

	private final Function<String, Path> typed;

	/**
	 * @param envPath the value of {@code INFLUX_CONFIGS_PATH} ({@code influx.configs-path}), may give null
	 * @param lockTimeout how long a change waits for the lock another process holds
	 * @param notice where a change says that it is waiting for the lock (stderr)
	 * @param home the user's home folder, read at each use
	 * @param typed a path as typed, resolved against the run's working folder
	 */
	public ConfigsFile(Supplier<String> envPath, Duration lockTimeout, Consumer<String> notice, Supplier<String> home,
			Function<String, Path> typed) {
		this(envPath, path -> new TomlProfileStore(path, lockTimeout, notice), home, typed);
	}

	/** The process's own: {@code user.home}, relative paths left as typed. */
	public ConfigsFile(Supplier<String> envPath, Function<Path, ProfileStore> opener, Supplier<String> home) {
		this(envPath, opener, home, Path::of);
	}

	private ConfigsFile(Supplier<String> envPath, Function<Path, ProfileStore> opener, Supplier<String> home,
			Function<String, Path> typed) {
		this.envPath = envPath;
		this.opener = opener;
		this.home = home;
		this.typed = typed;
	}

	/**
	 * The configs file.
	 * @param flagPath {@code --configs-path}, or {@code null} when not given
	 */
	public Path path(String flagPath) {
		if (flagPath != null && !flagPath.isEmpty()) {
			return typed.apply(flagPath);
		}
		String env = envPath.get();
		return env != null && !env.isEmpty() ? typed.apply(env) : Path.of(home.get(), ".influxdbv2", "configs");
	}

	/** The store of the configs file {@link #path} names. Opening it reads nothing yet. */
	public ProfileStore store(String flagPath) {
		return opener.apply(path(flagPath));
	}

	/** A path as typed ({@code --ca-cert}), resolved against the run's working folder. */
	public Path typed(String text) {
		return typed.apply(text);
	}

	/** The REPL's history file, beside the configs file. */
	public Path historyFile() {
		return path(null).resolveSibling("influx-shell_history");
	}
}
