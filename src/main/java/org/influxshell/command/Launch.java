package org.influxshell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.influxshell.cli.CliException;

/**
 * What the process arguments ask for, decided once, where they arrive (the cold {@code main},
 * a daemon request) and read everywhere else. This class holds the whole rule:
 * <ul>
 * <li><b>settings</b>: {@code --spring.*}, {@code --logging.*}, {@code --influx.*} and
 * {@code --debug} (Spring reads them from the arguments; they are never command words);</li>
 * <li><b>a script</b>: {@code --spring.shell.script=FILE} (the last one wins; next to it only
 * settings may stand, any other word is a usage error), or a lone {@code @FILE};</li>
 * <li><b>command words</b>, the rest, in command-first order: the options every command shares
 * ({@code -c}, {@code --active-config}, {@code --host}, {@code -t}, {@code --token},
 * {@code --configs-path} with their values, {@code --json}, {@code --hide-headers}) may stand
 * before the command's words ({@code influx-shell -c prod auth list}) and are moved after them,
 * where the command's own parser reads them; {@code --help} or {@code -h} alone means
 * {@code help}, {@code --version} alone {@code version};</li>
 * <li><b>the mode</b>: a script, one command, else the REPL when stdin is a terminal and the
 * commands read from stdin when it is not ({@link #mode(boolean)}).</li>
 * </ul>
 *
 * <p>The launcher script does a cheap pre-check of its own before it starts a JVM: it sends
 * nothing to the daemon when its first argument is {@code daemon} or when there are no arguments
 * and stdin is a terminal. That check is only a shortcut: this rule is the authority, and the
 * daemon applies it to every request, so what the launcher misses ({@code -c prod daemon stop},
 * {@code --debug} alone on a terminal) is sent back to run cold.
 *
 * @param args every argument as given, settings included (Spring reads its own from them)
 * @param settings the settings among them, in their order
 * @param debug {@code --debug} is among them: a failure shows its stack trace
 * @param script the script file to run, or {@code null}
 * @param atFile the script was named by a lone {@code @FILE}, not {@code --spring.shell.script=FILE}
 * @param words the command to run, command-first; empty for a script, the REPL or stdin
 * @param unexpected the first word next to {@code --spring.shell.script=FILE} that is not a
 *        setting (a usage error), or {@code null}
 * @param paths the configs and journal paths the arguments name, as options
 *        ({@code --configs-path}) or settings ({@code --influx.configs-path},
 *        {@code --influx.journal-path}), wherever they stand
 */
public record Launch(List<String> args, List<String> settings, boolean debug, String script, boolean atFile,
		List<String> words, String unexpected, List<String> paths) {

	/**
	 * The launch without its arguments' values: they may hold a token ({@code -t}, {@code --token-value}),
	 * and a record's own {@code toString} would print them in a log line or an assertion message.
	 */
	@Override
	public String toString() {
		return "Launch[" + args.size() + " arguments, words " + words.size() + ", script " + (script != null)
				+ ", debug " + debug + "]";
	}

	/** How the console runs. */
	public enum Mode {

		/** A script file, line by line. */
		SCRIPT,

		/** One command from the arguments. */
		COMMAND,

		/** The REPL: no command words, stdin a terminal. */
		REPL,

		/** Commands read from stdin like a script: no command words, stdin not a terminal. */
		STDIN
	}

	/** The argument that names a script file. */
	private static final String SCRIPT_OPTION = "--spring.shell.script=";

	/** The shared options that take a value and may come before the command words. */
	private static final Set<String> LEADING_WITH_VALUE = Set.of("-c", "--active-config", "--host", "-t", "--token",
			"--configs-path");

	/** The shared flags that may come before the command words. */
	private static final Set<String> LEADING_FLAGS = Set.of("--json", "--hide-headers");

	/** The settings that name a configs or journal file, in a uniform form: lower case, no dashes or underscores. */
	private static final Set<String> PATH_SETTINGS = Set.of("influx.configspath", "influx.journalpath");

	public Launch {
		args = List.copyOf(args);
		settings = List.copyOf(settings);
		words = List.copyOf(words);
		paths = List.copyOf(paths);
	}

	/** Splits the process arguments. */
	public static Launch parse(String[] args) {
		return parse(List.of(args));
	}

	/** Splits the process arguments. */
	public static Launch parse(List<String> args) {
		List<String> settings = new ArrayList<>();
		List<String> rest = new ArrayList<>();
		String script = null;
		for (String a : args) {
			if (setting(a)) {
				settings.add(a);
				if (a.startsWith(SCRIPT_OPTION)) {
					script = a.substring(SCRIPT_OPTION.length());
				}
			}
			else {
				rest.add(a);
			}
		}
		List<String> words = commandFirst(rest);
		boolean debug = settings.contains("--debug");
		List<String> paths = paths(args);
		if (script != null) {
			return new Launch(args, settings, debug, script, false, List.of(), words.isEmpty() ? null : words.get(0),
					paths);
		}
		if (words.size() == 1 && words.get(0).startsWith("@") && words.get(0).length() > 1) {
			return new Launch(args, settings, debug, words.get(0).substring(1), true, List.of(), null, paths);
		}
		if (words.equals(List.of("--help")) || words.equals(List.of("-h"))) {
			words = List.of("help");
		}
		else if (words.equals(List.of("--version"))) {
			words = List.of("version");
		}
		return new Launch(args, settings, debug, null, false, words, null, paths);
	}

	/** How the console runs, {@code stdinIsTerminal} deciding between the REPL and commands on stdin. */
	public Mode mode(boolean stdinIsTerminal) {
		return mode(() -> stdinIsTerminal);
	}

	/** As {@link #mode(boolean)}, asking whether stdin is a terminal only when that decides. */
	public Mode mode(BooleanSupplier stdinIsTerminal) {
		if (script != null) {
			return Mode.SCRIPT;
		}
		if (!words.isEmpty()) {
			return Mode.COMMAND;
		}
		return stdinIsTerminal.getAsBoolean() ? Mode.REPL : Mode.STDIN;
	}

	/** A script runs (a script file), not one command, the REPL or stdin. */
	public boolean runsScript() {
		return script != null;
	}

	/** One of the {@code daemon} commands, which always run cold (they start, stop and ask the daemon). */
	public boolean daemonCommand() {
		return !words.isEmpty() && words.get(0).equals("daemon");
	}

	/**
	 * The usage error of a word next to {@code --spring.shell.script=FILE} that is not a setting,
	 * or {@code null}.
	 */
	public CliException usageError() {
		if (unexpected == null) {
			return null;
		}
		return CliException.usage("unexpected argument \"" + unexpected + "\" next to " + SCRIPT_OPTION + script
				+ " (only --spring.*, --influx.*, --logging.* and --debug may go with it)");
	}

	private static boolean setting(String a) {
		return a.startsWith("--spring.") || a.startsWith("--logging.") || a.startsWith("--influx.")
				|| a.equals("--debug");
	}

	/** {@code -c prod auth list --json}: {@code auth list --json -c prod}. */
	private static List<String> commandFirst(List<String> words) {
		int i = 0;
		while (i < words.size()) {
			String word = words.get(i);
			String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
			if (LEADING_FLAGS.contains(name) || LEADING_WITH_VALUE.contains(name) && !name.equals(word)) {
				i++;
			}
			else if (LEADING_WITH_VALUE.contains(word) && i + 1 < words.size()) {
				i += 2;
			}
			else {
				break;
			}
		}
		if (i == 0 || i == words.size()) {
			return words;
		}
		List<String> moved = new ArrayList<>(words.subList(i, words.size()));
		// before a "--", after which every word is an argument
		int end = moved.indexOf("--");
		moved.addAll(end < 0 ? moved.size() : end, words.subList(0, i));
		return moved;
	}

	/**
	 * {@code --configs-path PATH}, {@code --configs-path=PATH} and the path settings, wherever
	 * they stand (also as another option's value: a path too many only costs a check). Spring
	 * binds a setting's name however it is spelled ({@code --influx.configsPath=},
	 * {@code --influx.configs_path=}, {@code --influx.CONFIGS-PATH=}): so are they found.
	 */
	private static List<String> paths(List<String> args) {
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			int eq = a.indexOf('=');
			if (a.equals("--configs-path") && i + 1 < args.size()) {
				paths.add(args.get(i + 1));
			}
			else if (a.startsWith("--configs-path=")) {
				paths.add(a.substring(eq + 1));
			}
			else if (eq > 0 && a.startsWith("--influx.")
					&& PATH_SETTINGS.contains(uniform(a.substring(2, eq)))) {
				paths.add(a.substring(eq + 1));
			}
		}
		return paths;
	}

	/** A setting's name as Spring's relaxed binding compares it. */
	private static String uniform(String name) {
		return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}
}
