package org.influxshell.auth;

import java.util.ArrayList;
import java.util.List;

import org.influxshell.command.Notes;

/**
 * The steps of one rotation, in their order: the done ones are said one line each when a later
 * one fails or a stop comes, then the one that did not end well and those not done.
 */
final class RotationSteps {

	private final List<String> names;

	private final String what;

	private final Notes notes;

	private final List<String> done = new ArrayList<>();

	/**
	 * @param names the steps' names, in order ({@code create}, {@code check}, {@code rewrite}, ...)
	 * @param what the token rotated, as each line names it after {@code rotate}
	 */
	RotationSteps(List<String> names, String what, Notes notes) {
		this.names = List.copyOf(names);
		this.what = what;
		this.notes = notes;
	}

	/** The next step is done; {@code line} says how. */
	void done(String line) {
		done.add(line);
	}

	/** Whether every step was done. */
	boolean all() {
		return done.size() == names.size();
	}

	/** {@code done}, when every step was done, else {@code stopped at the NEXT}. */
	String where() {
		return all() ? "done" : "stopped at the " + names.get(done.size());
	}

	/** The step under way failed: {@code why}. */
	void failed(String why) {
		ended("failed", why);
	}

	/** A signal stopped the rotation: the step under way, if any, says why in {@code why}. */
	void stopped(String why) {
		ended("stopped", why);
	}

	private void ended(String how, String why) {
		for (String line : done) {
			notes.line("rotate " + what + ": done: " + line);
		}
		if (all()) {
			return;
		}
		notes.line("rotate " + what + ": " + how + ": " + names.get(done.size()) + ": " + why);
		for (String left : names.subList(done.size() + 1, names.size())) {
			notes.line("rotate " + what + ": not done: " + left);
		}
	}
}
