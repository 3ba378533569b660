package org.influxshell.auth;

/** What a bulk command does to each token. */
public enum Change {

	INACTIVATE("Inactivate", "inactivated"), ACTIVATE("Activate", "activated"), DELETE("Delete", "deleted");

	private final String verb;

	private final String done;

	Change(String verb, String done) {
		this.verb = verb;
		this.done = done;
	}

	/** The verb a question starts with: {@code Inactivate}. */
	public String verb() {
		return verb;
	}

	/** The past participle that messages use: {@code inactivated}. */
	public String done() {
		return done;
	}
}
