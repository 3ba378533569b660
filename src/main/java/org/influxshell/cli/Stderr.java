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

	/** Writes a block of lines ({@code --http-debug}), control characters other than the line breaks escaped. */
	public void lines(String block) {
		StringBuilder out = new StringBuilder();
		block.lines().forEach(l -> out.append(Escapes.visible(l)).append('\n'));
		stream.print(out);
		stream.flush();
	}

	/** Writes {@code text} as one line, control characters escaped. */
	public void line(String text) {
		stream.println(Escapes.visible(text));
		stream.flush();
	}

	public PrintStream stream() {
		return stream;
	}
}
