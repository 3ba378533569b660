package org.influxshell.configs;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;

/** The upstream wording of profile failures, in one place. */
public final class ProfileErrors {

	private ProfileErrors() {
	}

	/** {@code config "NAME" is not found}. */
	public static final class NotFound extends CliException {

		NotFound(String name) {
			super("config \"" + name + "\" is not found", ExitCodes.FAILURE);
		}
	}

	public static NotFound notFound(String name) {
		return new NotFound(name);
	}
}
