package org.influxshell.command;

import java.util.ArrayList;
import java.util.List;

/**
 * How the process arguments split: Spring's and the console's own settings ({@code --spring.*},
 * {@code --logging.*}, {@code --influx.*}, {@code --debug}), a script to run
 * ({@code --spring.shell.script=FILE} or a lone {@code @FILE}), and the command words. The
 * console's runner and the daemon (which decides what runs cold) read them alike.
 */
public final class LaunchArguments {

	/** The argument that names a script file. */
	public static final String SCRIPT_OPTION = "--spring.shell.script=";

	private LaunchArguments() {
	}

	/** The arguments less Spring's and the console's own settings. */
	public static List<String> commandWords(List<String> args) {
		List<String> words = new ArrayList<>();
		for (String a : args) {
			if (!(a.startsWith("--spring.") || a.startsWith("--logging.") || a.startsWith("--influx.")
					|| a.equals("--debug"))) {
				words.add(a);
			}
		}
		return words;
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
