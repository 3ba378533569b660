package org.influxshell.command;

import java.util.List;

/**
 * Questions to the person at the terminal, before a command does something hard to undo
 * (deleting, or changing more than one token). They are asked only when stdin and stderr are terminals and the line
 * was typed, one command or in the REPL: scripts and commands piped on stdin are never asked.
 * The console implements it; a command only asks.
 */
public interface Questions {

	/** Whether a question can be asked now: a terminal on stdin and stderr, and not a script line. */
	boolean canAsk();

	/**
	 * Shows {@code lines} on the terminal (stderr), then asks {@code question} and reads the answer.
	 * @param lines what the question is about, one line each; shown with control characters escaped
	 * @param question the question, ending with the choices ({@code Delete 3 tokens? [y/N] })
	 * @return true only for {@code y} or {@code yes}; "no", anything else, Ctrl-C and the end of
	 *         input answer no at once
	 */
	boolean confirm(List<String> lines, String question);
}
