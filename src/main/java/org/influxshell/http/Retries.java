package org.influxshell.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When a request the server refused for now is sent again: only after {@code 429 Too Many
 * Requests} or {@code 503 Service Unavailable}, after the {@code Retry-After} the server asked
 * for (seconds or an HTTP date) when it is 30 s or less, else after 0.5 s, 1 s, 2 s... A server
 * that asks for more than 30 s gets its answer reported instead: a console must not hang.
 */
final class Retries {

	/** The longest wait honoured. */
	static final Duration LONGEST = Duration.ofSeconds(30);

	private static final Duration FIRST = Duration.ofMillis(500);

	private Retries() {
	}

	/**
	 * @param attempt how many times the request was already repeated (0 after the first answer)
	 * @return how long to wait before sending it again, or {@code null} not to send it again
	 */
	static Duration delay(HttpResponse response, int attempt, Clock clock) {
		if (response.status() != 429 && response.status() != 503) {
			return null;
		}
		Duration asked = retryAfter(response.retryAfter(), clock);
		if (asked != null) {
			return asked.compareTo(LONGEST) > 0 ? null : asked;
		}
		Duration backoff = FIRST.multipliedBy(1L << Math.min(attempt, 16));
		return backoff.compareTo(LONGEST) > 0 ? LONGEST : backoff;
	}

	/** {@code Retry-After} as a wait (never negative), or {@code null} when absent or unreadable. */
	static Duration retryAfter(String header, Clock clock) {
		String value = header.strip();
		if (value.isEmpty()) {
			return null;
		}
		if (value.chars().allMatch(Character::isDigit)) {
			return value.length() > 9 ? Duration.ofDays(1) : Duration.ofSeconds(Long.parseLong(value));
		}
		try {
			ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(clock.instant(), at.toInstant());
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
