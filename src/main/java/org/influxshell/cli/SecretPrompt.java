package org.influxshell.cli;

import java.util.List;

/** Asks the person at the terminal for a secret, without echo. */
@FunctionalInterface
public interface SecretPrompt {

	/**
	 * @param question shown on the terminal ({@code Please provide your password: })
	 * @return what was typed, or {@code null} when there is no terminal to ask (scripts, pipes,
	 *         CI) or the question was answered with Ctrl-C or end of input
	 */
	String ask(String question);

	/**
	 * Asks {@code question}, then {@code again}, in one go (a new password and its confirmation).
	 * @return the two answers, or {@code null} when either could not be asked or was not answered
	 */
	default List<String> askTwice(String question, String again) {
		String first = ask(question);
		String second = first == null ? null : ask(again);
		return second == null ? null : List.of(first, second);
	}
}
