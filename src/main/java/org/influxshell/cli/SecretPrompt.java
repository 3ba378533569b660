package org.influxshell.cli;

/** Asks the person at the terminal for a secret, without echo. */
@FunctionalInterface
public interface SecretPrompt {

	/**
	 * @param question shown on the terminal ({@code Please provide your password: })
	 * @return what was typed, or {@code null} when there is no terminal to ask (scripts, pipes,
	 *         CI) or the question was answered with Ctrl-C or end of input
	 */
	String ask(String question);
}
