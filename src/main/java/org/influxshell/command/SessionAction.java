package org.influxshell.command;

/**
 * What a command asks of the console running it rather than of a server or a file.
 *
 * @param kind what to do
 * @param script the script file, for {@link Kind#RUN_SCRIPT}
 */
public record SessionAction(Kind kind, String script) {

	/** The things a console can be asked to do. */
	public enum Kind {
		/** end the REPL, the script or stdin, successfully */
		EXIT,
		/** clear the terminal's screen (nothing when there is no terminal) */
		CLEAR,
		/** run the commands of a script file here */
		RUN_SCRIPT
	}

	public static SessionAction exit() {
		return new SessionAction(Kind.EXIT, null);
	}

	public static SessionAction clear() {
		return new SessionAction(Kind.CLEAR, null);
	}

	public static SessionAction runScript(String file) {
		return new SessionAction(Kind.RUN_SCRIPT, file);
	}
}
