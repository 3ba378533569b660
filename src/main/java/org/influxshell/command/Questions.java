package org.influxshell.command;

import java.util.List;

import org.influxshell.cli.SecretPrompt;

/**
 * The one way a run asks the person at the terminal anything: a confirmation before a command
 * does something hard to undo (deleting, or changing more than one token), and a secret typed
 * without echo ({@link SecretPrompt}: a password a profile does not keep, a value given as
 * {@code -}). They are asked only when stdin and stderr are terminals and the line was typed, one
 * command or in the REPL: scripts and commands piped on stdin are never asked. Each run has its
 * own, made by the console from the run's terminals; a command only asks.
 */
public interface Questions extends SecretPrompt {

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
