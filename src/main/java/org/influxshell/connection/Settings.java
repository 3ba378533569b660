package org.influxshell.connection;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.influxshell.cli.CliException;

/**
 * Reads the text of {@code influx.*} settings the way their users expect: durations as Go writes
 * them ({@code 10s}, {@code 1500ms}, {@code 1m30s}, a unit always), numbers and Go's booleans. A
 * value that does not read is a usage error naming the property and the environment variable
 * Spring binds to it.
 */
final class Settings {

	private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([KkMmGg])(?:i?B)?|B)?");

	private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

	private Settings() {
	}

	/** A duration above zero. */
	static Duration duration(String property, String text) {
		Duration d = durationOrZero(property, text);
		if (d.isZero()) {
			throw invalid(property, text, "must be more than zero");
		}
		return d;
	}

	/**
	 * A Go duration such as {@code 10s}, {@code 1500ms} or {@code 1m30s}, or zero ({@code 0s}, or
	 * {@code 0} alone, as Go reads it); at most Go's longest, about 292 years.
	 */
	static Duration durationOrZero(String property, String text) {
		String value = text == null ? "" : text.strip();
		if (value.equals("0")) {
			return Duration.ZERO;
		}
		Matcher m = DURATION_PART.matcher(value);
		BigDecimal nanos = BigDecimal.ZERO;
		int end = 0;
		while (m.find() && m.start() == end) {
			nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
			end = m.end();
		}
		if (value.isEmpty() || end != value.length()) {
			throw invalid(property, text, value.matches("\\d+(\\.\\d+)?")
					? "a duration needs a unit, such as " + value + "s or " + value + "ms"
					: "not a duration such as 10s, 1500ms or 1m30s");
		}
		if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
			throw invalid(property, text, "too long (at most 2562047h)");
		}
		return Duration.ofNanos(nanos.longValue());
	}

	/** A whole number above zero. */
	static int positive(String property, String text) {
		int n = whole(property, text);
		if (n <= 0) {
			throw invalid(property, text, "must be more than zero");
		}
		return n;
	}

	/** A whole number, zero or more. */
	static int count(String property, String text) {
		int n = whole(property, text);
		if (n < 0) {
			throw invalid(property, text, "must be zero or more");
		}
		return n;
	}

	private static int whole(String property, String text) {
		try {
			return Integer.parseInt(text == null ? "" : text.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid(property, text, "not a whole number");
		}
	}

	/** A size in bytes: {@code 512MiB}, {@code 64KB}, {@code 1048576}; the K/M/G units are powers of 1024. */
	static long size(String property, String text) {
		Matcher m = SIZE.matcher(text == null ? "" : text.strip());
		if (!m.matches()) {
			throw invalid(property, text, "not a size such as 512MiB, 64KiB or 1048576");
		}
		int power = m.group(2) == null ? 0 : "KMG".indexOf(Character.toUpperCase(m.group(2).charAt(0))) + 1;
		long bytes;
		try {
			bytes = Math.multiplyExact(Long.parseLong(m.group(1)), 1L << (10 * power));
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw invalid(property, text, "too large");
		}
		if (bytes <= 0) {
			throw invalid(property, text, "must be more than zero");
		}
		return bytes;
	}

	/** One of Go's boolean words, when set at all. */
	static void bool(String property, String text) {
		if (text != null && !text.isEmpty() && ConnectionResolver.parseBool(text) == null) {
			throw invalid(property, text, "use one of 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False");
		}
	}

	private static long unitNanos(String unit) {
		return switch (unit) {
			case "ns" -> 1L;
			case "us", "µs" -> 1_000L;
			case "ms" -> 1_000_000L;
			case "s" -> 1_000_000_000L;
			case "m" -> 60_000_000_000L;
			default -> 3_600_000_000_000L;
		};
	}

	/** {@code invalid value "X" for influx.response-timeout (INFLUX_RESPONSE_TIMEOUT): why}. */
	private static CliException invalid(String property, String text, String why) {
		String variable = property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
		return CliException.usage("invalid value \"" + text + "\" for " + property + " (" + variable + "): " + why);
	}
}
