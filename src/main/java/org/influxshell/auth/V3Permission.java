package org.influxshell.auth;

import java.util.Arrays;
import java.util.List;

import org.influxshell.cli.CliException;

/**
 * One permission of an InfluxDB 3 Enterprise resource token, as {@code --permission} gives it:
 * {@code db:NAMES:ACTIONS} or {@code system:NAMES:ACTIONS}, names and actions comma-separated
 * ({@code db:sensors,lab:read,write}, {@code system:health,ping:read}, {@code db:*:read}).
 * Which names and actions the server accepts it checks itself, and says so in its own words.
 *
 * @param type {@code db} or {@code system}
 * @param names the databases, or the system resources; {@code *} for all
 * @param actions what the token may do
 */
public record V3Permission(String type, List<String> names, List<String> actions) {

	public V3Permission {
		names = List.copyOf(names);
		actions = List.copyOf(actions);
	}

	/** Reads one {@code --permission} value. */
	public static V3Permission parse(String text) {
		String[] parts = text.split(":", -1);
		if (parts.length != 3) {
			throw CliException.usage("invalid --permission \"" + text + "\": it takes TYPE:NAMES:ACTIONS, such as "
					+ "db:sensors,lab:read,write or system:health:read");
		}
		if (!parts[0].equals("db") && !parts[0].equals("system")) {
			throw CliException.usage("invalid --permission \"" + text + "\": the resource type is db or system, not \""
					+ parts[0] + "\"");
		}
		List<String> names = list(parts[1]);
		List<String> actions = list(parts[2]);
		if (names.isEmpty() || actions.isEmpty()) {
			throw CliException.usage("invalid --permission \"" + text + "\": it needs at least one name and one action");
		}
		return new V3Permission(parts[0], names, actions);
	}

	private static List<String> list(String text) {
		return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
