package org.influxshell.http;

import java.util.List;
import java.util.regex.Pattern;

/** Hides token values in text meant for people: debug output and error messages. */
public final class Secrets {

	private static final Pattern TOKEN_FIELD = Pattern.compile("(\"(?:token|password)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

	private Secrets() {
	}

	/** Every {@code "token": "..."} and {@code "password": "..."} value in a JSON text replaced by {@code "***"}. */
	public static String maskJson(String json) {
		return TOKEN_FIELD.matcher(json).replaceAll("$1\"***\"");
	}

	/**
	 * {@code text} with every occurrence of {@code token} replaced by {@code ***}. Tokens shorter
	 * than 8 characters are left alone: masking them would garble ordinary words, and real tokens
	 * are 88 characters long.
	 */
	public static String without(String text, String token) {
		if (text == null || token == null || token.length() < 8) {
			return text;
		}
		return text.replace(token, "***");
	}

	/** {@code text} with every one of these secrets replaced by {@code ***}, by {@link #without(String, String)}'s rule. */
	public static String without(String text, List<String> secrets) {
		String out = text;
		for (String secret : secrets) {
			out = without(out, secret);
		}
		return out;
	}
}
