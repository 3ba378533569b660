package org.influxshell.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
 */
public class TokenSelector {

	private final TokenQueries queries;

	public TokenSelector(TokenQueries queries) {
		this.queries = queries;
	}

	/** @return raw IDs, each once, in ID order */
	public List<String> select(Connection conn, TokenSelection selection) {
		Map<String, String> byKey = new TreeMap<>();
		for (String id : selection.ids()) {
			byKey.putIfAbsent(AuthIds.problem(id) == null ? id.toLowerCase(Locale.ROOT) : id, id);
		}
		if (selection.hasSelectors()) {
			List<Pattern> patterns = selection.descriptions().stream().map(TokenSelector::compile).toList();
			List<String> users = selection.users();
			ListQuery query = users.size() == 1 ? ListQuery.ofUser(users.get(0)) : ListQuery.all();
			for (Authorization a : queries.list(conn, query).tokens()) {
				boolean user = users.isEmpty() || users.contains(a.user());
				boolean description = patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(a.description()).find());
				if (user && description) {
					byKey.putIfAbsent(a.id(), a.id());
				}
			}
		}
		return new ArrayList<>(byKey.values());
	}

	private static Pattern compile(String regex) {
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			// RE2/J words it as Go does: error parsing regexp: missing closing ): `(`
			throw CliException.usage("invalid --description pattern: " + ex.getMessage());
		}
	}
}
