package org.influxshell.configs;

import org.influxshell.cli.CliException;

/** The upstream wording of profile failures, in one place. */
public final class ProfileErrors {

	private ProfileErrors() {
	}

	/** {@code config "NAME" is not found}. */
	public static final class NotFound extends CliException {

		NotFound(String name) {
			super("config \"" + name + "\" is not found", FAILURE);
		}
	}

	public static NotFound notFound(String name) {
		return new NotFound(name);
	}
}
