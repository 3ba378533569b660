package org.influxshell.connection;

/**
 * The options every command accepts: where the configs file is and how to print. A {@code null}
 * field was not given on the command line.
 *
 * @param configsPath {@code --configs-path}
 * @param json {@code --json}
 * @param hideHeaders {@code --hide-headers}
 */
public record LocalOptions(String configsPath, Boolean json, Boolean hideHeaders) {

	public static LocalOptions none() {
		return new LocalOptions(null, null, null);
	}
}
