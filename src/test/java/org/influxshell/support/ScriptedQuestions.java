package org.influxshell.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.influxshell.command.Questions;

/**
 * {@link Questions} for component tests: no terminal unless a test says so, then the answers the
 * test gave, in order, and a record of what was shown. A question with no answer left fails the test.
 */
public class ScriptedQuestions implements Questions {

	private boolean terminal;

	private final Deque<Boolean> answers = new ArrayDeque<>();

	private final Deque<String> secrets = new ArrayDeque<>();

	private final List<String> shown = new ArrayList<>();

	/** No terminal, no answers, nothing shown. */
	public void reset() {
		terminal = false;
		answers.clear();
		secrets.clear();
		shown.clear();
	}

	/** On a terminal from now on, answering {@code yes} (true) or no to the questions in turn. */
	public void onTerminalAnswering(Boolean... yes) {
		terminal = true;
		answers.addAll(List.of(yes));
	}

	/** On a terminal from now on, typing these secrets (passwords) in turn when asked for one. */
	public void onTerminalTyping(String... typed) {
		terminal = true;
		secrets.addAll(List.of(typed));
	}

	/** Every line shown, the question last, for each question asked. */
	public List<String> shown() {
		return shown;
	}

	@Override
	public boolean canAsk() {
		return terminal;
	}

	@Override
	public boolean confirm(List<String> lines, String question) {
		if (answers.isEmpty()) {
			throw new AssertionError("an unexpected question: " + question);
		}
		shown.addAll(lines);
		shown.add(question);
		return answers.pop();
	}

	@Override
	public String ask(String question) {
		if (!terminal) {
			return null;
		}
		if (secrets.isEmpty()) {
			throw new AssertionError("an unexpected secret asked: " + question);
		}
		shown.add(question);
		return secrets.pop();
	}
}
