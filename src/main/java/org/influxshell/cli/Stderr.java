package org.influxshell.cli;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;

/**
 * Where commands write notes that are not results (warnings, hints, progress). One place, so
 * that stdout carries results only and tests can capture what a command says.
 */
public class Stderr {

	private final PrintStream stream;

	private final BooleanSupplier terminal;

	private volatile Boolean isTerminal;

	private int progressWidth;

	/** Stderr that is not a terminal: progress lines are never shown. */
	public Stderr(PrintStream stream) {
		this(stream, () -> false);
	}

	/** @param terminal whether the stream is a terminal; asked once, when a progress line is first shown */
	public Stderr(PrintStream stream, BooleanSupplier terminal) {
		this.stream = stream;
		this.terminal = terminal;
	}

	/** Writes {@code Warning: <message>} on a line of its own. */
	public void warn(String message) {
		line("Warning: " + message);
	}

	/** Writes a block of lines ({@code --http-debug}), control characters other than the line breaks escaped. */
	public void lines(String block) {
		StringBuilder out = new StringBuilder();
		block.lines().forEach(l -> out.append(Escapes.visible(l)).append('\n'));
		synchronized (this) {
			stream.print(out);
			stream.flush();
		}
	}

	/** Writes {@code text} as one line, control characters escaped. */
	public synchronized void line(String text) {
		stream.println(Escapes.visible(text));
		stream.flush();
	}

	/** Whether progress lines are shown: stderr is a terminal (a question needs stdin and stderr on one). */
	public boolean showsProgress() {
		Boolean known = isTerminal;
		if (known == null) {
			known = terminal.getAsBoolean();
			isTerminal = known;
		}
		return known;
	}

	/**
	 * Shows {@code text} on the progress line, rewritten in place ({@code \r}); nothing when stderr
	 * is not a terminal. {@link #endProgress()} clears it.
	 */
	public synchronized void progress(String text) {
		if (!showsProgress()) {
			return;
		}
		String shown = Escapes.visible(text);
		int width = shown.codePointCount(0, shown.length());
		// a shorter text leaves the end of the longer one behind: blank it out
		stream.print("\r" + shown + " ".repeat(Math.max(0, progressWidth - width)));
		stream.flush();
		progressWidth = Math.max(progressWidth, width);
	}

	/** Clears the progress line, if one is shown, and puts the cursor back at its start. */
	public synchronized void endProgress() {
		if (progressWidth > 0) {
			stream.print("\r" + " ".repeat(progressWidth) + "\r");
			stream.flush();
			progressWidth = 0;
		}
	}

	public PrintStream stream() {
		return stream;
	}
}
