package org.influxshell.configs;

import org.influxshell.cli.CliException;

/** The upstream wording of profile failures, in one place. */
public final class ProfileErrors {

	private ProfileErrors() {
	}

	public static CliException notFound(String name) {
		return CliException.failure("config \"" + name + "\" is not found");
	}
}
