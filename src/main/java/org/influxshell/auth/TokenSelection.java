package org.influxshell.auth;

import java.util.List;

import org.influxshell.command.OptionDef;
import org.influxshell.command.OptionGroup;
import org.influxshell.command.ValueKind;

/**
 * Which tokens {@code auth inactive}, {@code auth active} and {@code auth delete} act on.
 *
 * @param ids {@code -i/--id}, repeated or comma-separated
 * @param users {@code -u/--user}: every token of any of these users
 * @param descriptions {@code --description}: every token whose description matches any of these
 * @param tokenValue {@code --token-value}: the token with this value (a leaked one), or {@code null};
 *        {@code -} until it is read from stdin ({@link #withTokenValue})
 * @param dryRun {@code --dry-run}: show, change nothing
 */
public record TokenSelection(List<String> ids, List<String> users, List<String> descriptions, String tokenValue,
		boolean dryRun) {

	public static final OptionDef<List<String>> ID = OptionDef
		.list("ID", "API token ID; repeat it or give a comma-separated list", "-i", "--id")
		.commaSeparated()
		.completes(ValueKind.AUTH_ID);

	public static final OptionDef<List<String>> USER = OptionDef
		.list("NAME", "every token of this user; repeat it for several users", "-u", "--user")
		.nonEmpty()
		.completes(ValueKind.USER_NAME);

	public static final OptionDef<List<String>> DESCRIPTION = OptionDef.list("REGEX",
			"every token whose description matches this regular expression; repeat it for several", "--description")
		.nonEmpty();

	public static final OptionDef<String> TOKEN_VALUE = OptionDef
		.value("TOKEN", "the token with this value (a leaked one, say); - reads it from stdin, so that it shows "
				+ "neither in ps nor in the shell's history", "--token-value")
		.secret();

	public static final OptionDef<Boolean> DRY_RUN = OptionDef.flag("show what would change, change nothing",
			"--dry-run");

	/** The options that pick tokens: a command that acts on several tokens needs at least one. */
	public static final OptionDef<?>[] SELECTORS = { ID, USER, DESCRIPTION, TOKEN_VALUE };

	/** The selection options, for any command that acts on several tokens. */
	public static final OptionGroup<TokenSelection> OPTIONS = OptionGroup.of(
			a -> new TokenSelection(a.get(ID), a.get(USER), a.get(DESCRIPTION), a.get(TOKEN_VALUE), a.flag(DRY_RUN)),
			List.of(ID, USER, DESCRIPTION, TOKEN_VALUE, DRY_RUN));

	public TokenSelection {
		ids = List.copyOf(ids);
		users = List.copyOf(users);
		descriptions = List.copyOf(descriptions);
	}

	/** The same selection with the token value given ({@code -} read). */
	public TokenSelection withTokenValue(String value) {
		return new TokenSelection(ids, users, descriptions, value, dryRun);
	}

	boolean hasSelectors() {
		return !users.isEmpty() || !descriptions.isEmpty() || tokenValue != null;
	}
}
