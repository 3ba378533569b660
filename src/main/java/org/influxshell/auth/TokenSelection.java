package org.influxshell.auth;

import java.util.List;
import java.util.Map;

import org.influxshell.shell.OptionGroup;
import org.influxshell.shell.OptionSpec;

import org.springframework.stereotype.Component;

/**
 * Which tokens {@code auth inactive}, {@code auth active} and {@code auth delete} act on.
 *
 * @param ids {@code -i/--id}, repeated or comma-separated
 * @param user {@code -u/--user}: every token of this user
 * @param description {@code --description}: every token whose description matches
 * @param dryRun {@code --dry-run}: show, change nothing
 */
public record TokenSelection(List<String> ids, String user, String description, boolean dryRun) {

	/** Only one ID, given alone: the command prints one token (one JSON object). */
	boolean isSingleId() {
		return ids.size() == 1 && !ids.get(0).contains(",") && user == null && description == null;
	}

	boolean isEmpty() {
		return ids.isEmpty() && user == null && description == null;
	}

	/** Brings the selection options to any command method with a {@link TokenSelection} parameter. */
	@Component
	public static class Options implements OptionGroup<TokenSelection> {

		private static final List<OptionSpec> SPECS = List.of(
				new OptionSpec("id", List.of("-i", "--id"), OptionSpec.Kind.LIST, false,
						"API token ID; repeat it or give a comma-separated list", AuthIdProvider.class),
				OptionSpec.value("user", "every token of this user", "-u", "--user"),
				OptionSpec.value("description", "every token whose description matches this regular expression",
						"--description"),
				OptionSpec.flag("dry-run", "show what would change, change nothing", "--dry-run"));

		@Override
		public Class<TokenSelection> type() {
			return TokenSelection.class;
		}

		@Override
		public List<OptionSpec> options() {
			return SPECS;
		}

		@Override
		@SuppressWarnings("unchecked")
		public TokenSelection bind(Map<String, Object> values) {
			List<String> ids = (List<String>) values.get("id");
			return new TokenSelection(ids == null ? List.of() : ids, (String) values.get("user"),
					(String) values.get("description"), Boolean.TRUE.equals(values.get("dry-run")));
		}
	}
}
