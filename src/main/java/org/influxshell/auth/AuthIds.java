package org.influxshell.auth;

import java.util.Locale;

import org.influxshell.cli.CliException;

/** Checks authorization IDs before any request, with the server's own words. */
public final class AuthIds {

	private AuthIds() {
	}

	/**
	 * Checks an ID before any request, in the sentence upstream prints when the server rejects it.
	 * @param notFound upstream's words for the command ({@code could not find auth with ID "X"})
	 * @return the ID in lower case
	 * @throws CliException {@code <notFound>: <reason>} when it is not 16 hex characters or is all zeros
	 */
	public static String check(String id, String notFound) {
		String problem = problem(id);
		if (problem != null) {
			throw CliException.failure(notFound + ": " + problem);
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
