package org.influxshell.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.influxshell.cli.CliException;

/** The values of {@code auth journal}'s filters, read as an operator types them. */
final class JournalFilters {

	private static final Pattern AGO = Pattern.compile("(\\d{1,9})([smhd])");

	private JournalFilters() {
	}

	/** {@code --limit}: a whole number of runs, at least 1. */
	static int limit(String text) {
		try {
			int n = Integer.parseInt(text.strip());
			if (n >= 1) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw CliException.usage("invalid --limit \"" + text + "\": a whole number of runs, 1 or more");
	}

	/** {@code --since}: an RFC 3339 time, or a while back from {@code now} ({@code 30m}, {@code 24h}, {@code 7d}). */
	static Instant since(String text, Instant now) {
		Matcher ago = AGO.matcher(text.strip());
		if (ago.matches()) {
			long n = Long.parseLong(ago.group(1));
			Duration back = switch (ago.group(2)) {
				case "s" -> Duration.ofSeconds(n);
				case "m" -> Duration.ofMinutes(n);
				case "h" -> Duration.ofHours(n);
				default -> Duration.ofDays(n);
			};
			return now.minus(back);
		}
		try {
			return java.time.OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw CliException.usage("invalid --since \"" + text + "\": a time such as 2026-12-01T09:00:00Z, or a while "
					+ "back such as 30m, 24h or 7d");
		}
	}

	/** Whether a journal time ({@code 2026-11-29T11:51:44.538Z}) is before {@code since}; an unreadable one is not. */
	static boolean before(String time, Instant since) {
		try {
			return Instant.parse(time).isBefore(since);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}
}
