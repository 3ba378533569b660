package org.influxshell.cli;

import java.io.PrintStream;

/**
 * Where commands write notes that are not results (warnings, hints). One place, so that
 * stdout carries results only and tests can capture what a command says.
 */
public class Stderr {

	private final PrintStream stream;

	public Stderr(PrintStream stream) {
		this.stream = stream;
	}

	/** Writes {@code Warning: <message>} on a line of its own. */
	public void warn(String message) {
		line("Warning: " + message);
	}

	public void line(String text) {
		stream.println(text);
		stream.flush();
	}

	public PrintStream stream() {
		return stream;
	}
}
