package org.influxshell.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import org.influxshell.auth.TokenQueries.ListQuery;
import org.influxshell.cli.CliException;
import org.influxshell.connection.Connection;

/**
 * Which tokens a bulk command acts on: the IDs given, plus the tokens the selectors pick from the
 * server's list. Repeated values of one selector add up (any of the users, any of the patterns);
 * two different selectors narrow each other. Patterns are RE2's (Go's {@code regexp}, upstream's
 * engine) through RE2/J: they mean what they mean to upstream's users, and no pattern can make a
 * match take more than linear time.
 *
 * <p>A selector, {@code --token-value} too, never picks the token the command itself
 * authenticates with, compared as the server compares it ({@link Connection#asSent}): changing it would
 * lock the operator out half-way through the run. It is left out and named; {@code --id} still
 * names it. A token value is compared here, never sent: servers ignore it as a filter.
 */
public class TokenSelector {

	private final BiFunction<Connection, String, List<Authorization>> lister;

	private final Function<Authorization, String> userOf;

	private final boolean guardsInUse;

	/** API tokens: {@code --user} is the owner's name, and the token in use is never picked. */
	public TokenSelector(TokenQueries queries) {
		this((conn, user) -> queries.list(conn, user == null ? ListQuery.all() : ListQuery.ofUser(user)).tokens(),
				Authorization::user, true);
	}

	/**
	 * Another kind of credential (v1 authorizations: their username is {@code token}).
	 * @param lister the whole list, filtered by the one user name given or {@code null}
	 * @param userOf what a user selector is compared with
	 * @param guardsInUse whether a credential equal to the token in use is left out (only API tokens can be)
	 */
	TokenSelector(BiFunction<Connection, String, List<Authorization>> lister, Function<Authorization, String> userOf,
			boolean guardsInUse) {
		this.lister = lister;
		this.userOf = userOf;
		this.guardsInUse = guardsInUse;
	}

	/**
	 * What was selected.
	 *
	 * @param ids the raw IDs to act on, each once, in ID order
	 * @param listed the tokens the selectors picked, as the server's list shows them, by ID
	 * @param bySelector the tokens only a selector picked (not also named with {@code --id}), in ID order
	 * @param skipped the IDs a selector picked but left out: the token this command uses
	 * @param valuesHidden the server returned no token values (hashed tokens, 2.8+, or Cloud's
	 *        placeholders), so the token in use could not be recognised in the list
	 */
	public record Selection(List<String> ids, Map<String, Authorization> listed, List<Authorization> bySelector,
			List<String> skipped, boolean valuesHidden) {
	}

	/** Whether the credentials picked may be the ones this command uses (API tokens). */
	boolean guardsInUse() {
		return guardsInUse;
	}

	public Selection select(Connection conn, TokenSelection selection) {
		Map<String, String> byKey = new TreeMap<>();
		for (String id : selection.ids()) {
			byKey.putIfAbsent(AuthIds.problem(id) == null ? id.toLowerCase(Locale.ROOT) : id, id);
		}
		Map<String, Authorization> listed = new LinkedHashMap<>();
		List<Authorization> bySelector = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		boolean valuesHidden = false;
		if (selection.hasSelectors()) {
			List<Pattern> patterns = selection.descriptions().stream().map(TokenSelector::compile).toList();
			List<String> users = selection.users();
			List<Authorization> all = lister.apply(conn, users.size() == 1 ? users.get(0) : null);
			String inUse = guardsInUse ? Connection.asSent(conn.token()) : "";
			valuesHidden = !inUse.isEmpty() && !all.isEmpty()
					&& all.stream().noneMatch(a -> TokenQueries.isRealToken(a.token()));
			for (Authorization a : all) {
				boolean user = users.isEmpty() || users.contains(userOf.apply(a));
				boolean description = patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(a.description()).find());
				boolean value = selection.tokenValue() == null || !a.token().isEmpty() && a.token().equals(selection.tokenValue());
				if (!user || !description || !value) {
					continue;
				}
				boolean named = byKey.containsKey(a.id());
				if (!named && !inUse.isEmpty() && a.token().equals(inUse)) {
					skipped.add(a.id());
					continue;
				}
				listed.put(a.id(), a);
				if (!named) {
					bySelector.add(a);
					byKey.put(a.id(), a.id());
				}
			}
			if (selection.tokenValue() != null && listed.isEmpty() && skipped.isEmpty()
					&& !all.isEmpty() && all.stream().noneMatch(a -> TokenQueries.isRealToken(a.token()))) {
				throw CliException.failure(TokenQueries.VALUES_HIDDEN);
			}
		}
		return new Selection(new ArrayList<>(byKey.values()), listed, bySelector, skipped, valuesHidden);
	}

	static Pattern compile(String regex) {
		if (RegexSize.of(regex) > RegexSize.GO_MAX_SIZE) {
			// Go refuses it before building it; RE2/J would build it, for minutes and gigabytes
			throw CliException.usage("invalid --description pattern: error parsing regexp: expression too large: `"
					+ regex + "`");
		}
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			// RE2/J words it as Go does: error parsing regexp: missing closing ): `(`
			throw CliException.usage("invalid --description pattern: " + ex.getMessage());
		}
	}
}
