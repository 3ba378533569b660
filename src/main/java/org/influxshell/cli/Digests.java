package org.influxshell.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hex digests, for recognising a secret or a file again without keeping it: a token in a profile,
 * a password among sign-in sessions, a CA file's content, an InfluxDB 3 token by its shown hash.
 */
public final class Digests {

	private Digests() {
	}

	/** The SHA-256 of the bytes, in lower-case hex. */
	public static String sha256(byte[] bytes) {
		return hex("SHA-256", bytes);
	}

	/** The SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
	public static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The SHA-512 of the text's UTF-8 bytes, in lower-case hex. */
	public static String sha512(String text) {
		return hex("SHA-512", text.getBytes(StandardCharsets.UTF_8));
	}

	private static String hex(String algorithm, byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has " + algorithm, ex);
		}
	}
}
