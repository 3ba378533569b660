package org.influxshell.auth;

/** What a bulk command does to each token. */
public enum Change {

	INACTIVATE("inactivated"), ACTIVATE("activated"), DELETE("deleted");

	private final String done;

	Change(String done) {
		this.done = done;
	}

	/** The past participle that messages use: {@code inactivated}. */
	public String done() {
		return done;
	}
}
