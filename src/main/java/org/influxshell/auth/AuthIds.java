package org.influxshell.auth;

import java.util.Locale;

import org.influxshell.cli.CliException;

/** Checks authorization IDs before any request, with the server's own words. */
public final class AuthIds {

	private AuthIds() {
	}

	/**
	 * @return the ID in lower case
	 * @throws CliException {@code could not find auth with ID "X": ...} when it is not 16 hex
	 *         characters or is all zeros
	 */
	public static String check(String id) {
		String problem = problem(id);
		if (problem != null) {
			throw CliException.failure("could not find auth with ID \"" + id + "\": " + problem);
		}
		return id.toLowerCase(Locale.ROOT);
	}

	/** What is wrong with {@code id}, in the server's words, or {@code null}. */
	public static String problem(String id) {
		if (id.length() != 16) {
			return "id must have a length of 16 bytes";
		}
		if (!id.matches("[0-9a-fA-F]{16}") || id.equals("0000000000000000")) {
			return "invalid ID";
		}
		return null;
	}
}
