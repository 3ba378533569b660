package org.influxshell.cli;

import java.io.PrintStream;

/**
 * Prints every failure of every mode (one-shot, script, stdin, REPL) the same way:
 * {@code [FILE:LINE: ]Error: <message>} on stderr, then any {@code Hint: <advice>} line that goes
 * with it, followed by the stack trace when debugging is
 * on ({@code --debug}, or {@code debug on} in the REPL). The report of a stopped run and the
 * notes that go with a failure ({@code failed: ID,ID}) are printed the same way, without
 * {@code Error: }.
 */
public class ErrorReporter {

	private final ErrorMapper mapper;

	private final PrintStream err;

	private volatile boolean debug;

	public ErrorReporter(ErrorMapper mapper, PrintStream err) {
		this.mapper = mapper;
		this.err = err;
	}

	public boolean debug() {
		return debug;
	}

	public void debug(boolean on) {
		this.debug = on;
	}

	/**
	 * Reports {@code failure}.
	 * @param location {@code FILE:LINE} of a script line, or {@code null}
	 * @return the exit code it maps to
	 */
	public int report(Throwable failure, String location) {
		ErrorMapper.Failure f = mapper.map(failure);
		if (f.message() != null) {
			err.println((location == null ? "" : location + ": ") + (f.summary() ? "" : "Error: ")
					+ Escapes.visible(f.message()));
			if (f.hint() != null) {
				err.println((location == null ? "" : location + ": ") + "Hint: " + Escapes.visible(f.hint()));
			}
			if (debug && !f.summary()) {
				err.print(StackTraces.format(f.cause()));
			}
			err.flush();
		}
		return f.exitCode();
	}

	/**
	 * Prints a line that goes with a failure but is not one ({@code failed: ID,ID}).
	 * @param location {@code FILE:LINE} of a script line, or {@code null}
	 */
	public void note(String text, String location) {
		err.println((location == null ? "" : location + ": ") + Escapes.visible(text));
		err.flush();
	}
}
