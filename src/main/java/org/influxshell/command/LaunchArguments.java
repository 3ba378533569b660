package org.influxshell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the process arguments split: Spring's and the console's own settings ({@code --spring.*},
 * {@code --logging.*}, {@code --influx.*}, {@code --debug}), a script to run
 * ({@code --spring.shell.script=FILE} or a lone {@code @FILE}), and the command words. The
 * console's runner and the daemon (which decides what runs cold) read them alike; the launcher
 * script looks only at its first argument ({@code daemon}), so {@code -c NAME daemon ...} is
 * found to be a daemon command here, by the daemon, and runs cold.
 *
 * <p>The options every command shares may also stand before the command words
 * ({@code influx-shell -c prod auth list}); they are moved after them, where the command's own
 * parser reads them.
 */
public final class LaunchArguments {

	/** The argument that names a script file. */
	public static final String SCRIPT_OPTION = "--spring.shell.script=";

	/** The shared options that take a value and may come before the command words. */
	private static final Set<String> LEADING_WITH_VALUE = Set.of("-c", "--active-config", "--host", "-t", "--token",
			"--configs-path");

	/** The shared flags that may come before the command words. */
	private static final Set<String> LEADING_FLAGS = Set.of("--json", "--hide-headers");

	private LaunchArguments() {
	}

	/**
	 * The arguments less Spring's and the console's own settings, with the shared options given
	 * before the command words moved after them.
	 */
	public static List<String> commandWords(List<String> args) {
		List<String> words = new ArrayList<>();
		for (String a : args) {
			if (!(a.startsWith("--spring.") || a.startsWith("--logging.") || a.startsWith("--influx.")
					|| a.equals("--debug"))) {
				words.add(a);
			}
		}
		return commandFirst(words);
	}

	/** {@code -c prod auth list --json}: {@code auth list --json -c prod}. */
	static List<String> commandFirst(List<String> words) {
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

	/** The file of the last {@code --spring.shell.script=FILE}, or {@code null}. */
	public static String scriptOption(List<String> args) {
		String script = null;
		for (String a : args) {
			if (a.startsWith(SCRIPT_OPTION)) {
				script = a.substring(SCRIPT_OPTION.length());
			}
		}
		return script;
	}

	/** The file of a lone {@code @FILE} among the command words, or {@code null}. */
	public static String atFile(List<String> words) {
		return words.size() == 1 && words.get(0).startsWith("@") && words.get(0).length() > 1
				? words.get(0).substring(1) : null;
	}

	/** Whether the arguments run a script file rather than one command or the REPL. */
	public static boolean runsScript(List<String> args) {
		return scriptOption(args) != null || atFile(commandWords(args)) != null;
	}
}
