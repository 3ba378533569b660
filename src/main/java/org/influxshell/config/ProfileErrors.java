package org.influxshell.config;

import org.influxshell.cli.CliException;

/** The upstream wording of profile failures, in one place. */
final class ProfileErrors {

	private ProfileErrors() {
	}

	static CliException notFound(String name) {
		return CliException.failure("config \"" + name + "\" is not found");
	}
}
