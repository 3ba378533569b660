package org.influxshell.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.re2j.Pattern;

import org.influxshell.cli.CliException;
import org.influxshell.command.Notes;
import org.influxshell.command.Questions;
import org.influxshell.connection.Connection;
import org.influxshell.http.ApiCalls;
import org.influxshell.http.HttpResponse;
import org.influxshell.http.InfluxApiException;
import org.influxshell.http.V3Api;
import org.influxshell.journal.JournalEntry;
import org.influxshell.output.TabTableRenderer;

import org.springframework.shell.table.ArrayTableModel;

/**
 * The token commands on InfluxDB 3 Core and Enterprise: list with filters, find a token by its
 * value (by the hash the server shows), create, and delete down the {@link ChangePath}. A delete
 * cannot be undone on InfluxDB 3, so it is asked on a terminal and needs {@code --force} off one.
 * The operator token {@code _admin} is refused before any request when named, and left out of a
 * selection; the token this command uses (found by its hash) is never picked by a selector.
 */
public class V3Auth {

	private final V3Client client;

	private final ChangePath path;

	private final ChangeJournal journal;

	private final Questions questions;

	private final Notes notes;

	/** @param path the change path for InfluxDB 3 tokens ({@code path.with(v3Tokens)}) */
	public V3Auth(V3Client client, ChangePath path, ChangeJournal journal, Questions questions, Notes notes) {
		this.client = client;
		this.path = path;
		this.journal = journal;
		this.questions = questions;
		this.notes = notes;
	}

	/**
	 * Which tokens: repeated values of one filter add up, different filters narrow each other.
	 *
	 * @param ids {@code --id}
	 * @param names {@code --name}
	 * @param descriptions {@code --description}, RE2 patterns
	 * @param tokenValue {@code --token-value}, or {@code null}
	 * @param expired {@code --expired}: only the tokens whose expiry has passed
	 */
	public record Filter(List<String> ids, List<String> names, List<String> descriptions, String tokenValue,
			boolean expired) {

		public Filter {
			ids = List.copyOf(ids);
			names = List.copyOf(names);
			descriptions = List.copyOf(descriptions);
		}

		boolean hasSelectors() {
			return !descriptions.isEmpty() || tokenValue != null || expired;
		}
	}

	/** {@code auth list} on InfluxDB 3: every token that passes the filter, in ID order. */
	public List<V3Token> list(Connection conn, Filter filter, Instant now) {
		filter.ids().forEach(V3Tokens::checkId);
		List<Pattern> patterns = filter.descriptions().stream().map(TokenSelector::compile).toList();
		List<V3Token> all = ApiCalls.describing("could not list tokens", () -> client.list(conn));
		return all.stream().filter(t -> named(t, filter) && selected(t, filter, patterns, now)).toList();
	}

	private static boolean named(V3Token t, Filter f) {
		return (f.ids().isEmpty() || f.ids().stream().anyMatch(id -> V3Tokens.checkId(id) == t.id()))
				&& (f.names().isEmpty() || f.names().contains(t.name()));
	}

	private static boolean selected(V3Token t, Filter f, List<Pattern> patterns, Instant now) {
		return (patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(t.description()).find()))
				&& (f.tokenValue() == null || t.hasValue(f.tokenValue())) && (!f.expired() || t.expiredAt(now));
	}

	/**
	 * Makes a named admin token, or with permissions an Enterprise resource token; journaled
	 * (never its value). A resource token is asked of a Core server only after its {@code /ping}
	 * says it is Enterprise, or does not say.
	 * @param expirySecs seconds until it expires, or {@code null} for never
	 */
	public V3Created create(Connection conn, String name, Long expirySecs, List<V3Permission> permissions) {
		V3Created made;
		if (permissions.isEmpty()) {
			made = ApiCalls.describing("could not create token \"" + name + "\"", () -> client.createAdmin(conn, name,
					expirySecs));
		}
		else {
			refuseOnCore(conn);
			made = ApiCalls.describing("could not create token \"" + name + "\"", () -> {
				try {
					return client.createResource(conn, name, permissions, expirySecs);
				}
				catch (InfluxApiException ex) {
					if (ex.status() == 404) {
						throw CliException.usage(CORE_HAS_NO_RESOURCE_TOKENS);
					}
					throw ex;
				}
			});
		}
		journal.record(conn, V3Tokens.KIND, JournalEntry.CREATE, new V3Token(made.id(), made.name(), "", "", "", "",
				"", "").asAuthorization(), null, "active");
		return made;
	}

	static final String CORE_HAS_NO_RESOURCE_TOKENS = "--permission makes a resource token, which only InfluxDB 3 "
			+ "Enterprise has; this server is InfluxDB 3 Core, where every token is an admin token: leave --permission out";

	private void refuseOnCore(Connection conn) {
		HttpResponse ping;
		try {
			ping = client.ping(conn);
		}
		catch (CliException ex) {
			// no answer: the create request will say what is wrong
			return;
		}
		if (ping.status() == 200 && ping.header("x-influxdb-build").equalsIgnoreCase("Core")) {
			throw CliException.usage(CORE_HAS_NO_RESOURCE_TOKENS);
		}
	}

	/**
	 * {@code auth delete} on InfluxDB 3: selects, plans, asks, and deletes down the change path.
	 * @throws CliException a usage error for the operator token or a missing {@code --force}, a
	 *         failure when the answer is no, and a single token's own failure when only one was named
	 */
	public Deletion delete(Connection conn, Filter filter, boolean force, boolean dryRun) {
		if (filter.names().contains(V3Token.OPERATOR)) {
			throw CliException.usage(V3Tokens.OPERATOR_REFUSED);
		}
		filter.ids().forEach(V3Tokens::checkId);
		List<Pattern> patterns = filter.descriptions().stream().map(TokenSelector::compile).toList();
		List<V3Token> all = ApiCalls.describing("could not list tokens", () -> client.list(conn));
		Instant now = Instant.now();
		Map<Long, V3Token> chosen = new LinkedHashMap<>();
		List<String> failedIds = new ArrayList<>();
		List<CliException> failures = new ArrayList<>();
		for (String id : filter.ids()) {
			long wanted = V3Tokens.checkId(id);
			V3Token t = all.stream().filter(x -> x.id() == wanted).findFirst().orElse(null);
			if (t == null) {
				failedIds.add(id);
				failures.add(CliException.failure("could not find token with ID \"" + id + "\": no such token"));
			}
			else if (t.isOperator()) {
				throw CliException.usage(V3Tokens.OPERATOR_REFUSED);
			}
			else {
				chosen.put(t.id(), t);
			}
		}
		for (String name : filter.names()) {
			V3Token t = all.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
			if (t == null) {
				failedIds.add(name);
				failures.add(CliException.failure("could not find token \"" + name + "\": no such token"));
			}
			else {
				chosen.put(t.id(), t);
			}
		}
		boolean named = !filter.ids().isEmpty() || !filter.names().isEmpty();
		if (filter.hasSelectors() && named) {
			// the selectors narrow what was named
			chosen.values().removeIf(t -> !selected(t, filter, patterns, now));
		}
		else if (filter.hasSelectors()) {
			V3Token inUse = inUse(conn, all);
			for (V3Token t : all) {
				if (!selected(t, filter, patterns, now)) {
					continue;
				}
				if (t.isOperator()) {
					notes.line("skipped " + t.id() + " (_admin): the operator token cannot be deleted");
				}
				else if (inUse != null && inUse.id() == t.id()) {
					notes.line("skipped " + t.id() + " (" + t.name() + "): it is the token this command uses; name it "
							+ "with --name to delete it");
				}
				else {
					chosen.put(t.id(), t);
				}
			}
		}
		int planned = chosen.size() + failures.size();
		if (planned == 1 && !failures.isEmpty()) {
			throw failures.get(0);
		}
		List<V3Token> tokens = new ArrayList<>(chosen.values());
		tokens.sort((a, b) -> Long.compareUnsigned(a.id(), b.id()));
		List<ChangePath.Step> steps = tokens.stream()
			.map(t -> new ChangePath.Step(String.valueOf(t.id()), t.asAuthorization(), Change.DELETE)).toList();
		ChangePath.Read read = new ChangePath.Read(Map.of(), failedIds, failures, null);
		if (dryRun || steps.isEmpty()) {
			return new Deletion(tokens, new ChangePath.Outcome(planned, steps.stream().map(ChangePath.Step::now).toList(),
					List.of(), failedIds, failures, List.of(), List.of(), null));
		}
		if (!force) {
			confirm(tokens, "Delete " + tokens.size() + " token(s)? InfluxDB 3 cannot bring a deleted token back. [y/N] ",
					"nothing deleted");
		}
		ChangePath.Outcome done = path.execute(conn, steps);
		if (planned == 1 && done.stop() == null && !done.failures().isEmpty()) {
			throw done.failures().get(0);
		}
		return new Deletion(tokens, path.summarise(conn, done, read));
	}

	/**
	 * What a delete did.
	 *
	 * @param planned the tokens the plan held, as listed
	 * @param outcome what the change path did (in a dry run: the tokens that would be deleted)
	 */
	public record Deletion(List<V3Token> planned, ChangePath.Outcome outcome) {

		/** The tokens the outcome names as changed, as they were listed. */
		public List<V3Token> changed() {
			List<String> ids = outcome.changed().stream().map(Authorization::id).toList();
			return planned.stream().filter(t -> ids.contains(String.valueOf(t.id()))).toList();
		}
	}

	/** On a terminal asks; off one a delete needs {@code --force}, since it cannot be undone. */
	void confirm(List<V3Token> tokens, String question, String refused) {
		if (!questions.canAsk()) {
			throw CliException.usage("deleting InfluxDB 3 tokens needs --force when not run from a terminal: a deleted "
					+ "token cannot be brought back");
		}
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "ID", "Name", "Permissions" });
		tokens.stream().limit(TokenChanges.SHOWN).forEach(t -> rows.add(new Object[] { t.id(), t.name(), t.permissions() }));
		List<String> lines = new ArrayList<>(
				TabTableRenderer.render(new ArrayTableModel(rows.toArray(new Object[0][])), false).lines().toList());
		if (tokens.size() > TokenChanges.SHOWN) {
			lines.add("... and " + (tokens.size() - TokenChanges.SHOWN) + " more");
		}
		if (!questions.confirm(lines, question)) {
			throw CliException.failure(refused);
		}
	}

	/** The token this command uses, as the server lists it, or {@code null}. */
	V3Token inUse(Connection conn, List<V3Token> all) {
		if (conn.token().isEmpty()) {
			return null;
		}
		String hash = V3Api.shownHash(Connection.asSent(conn.token()));
		return all.stream().filter(t -> t.hash().equalsIgnoreCase(hash)).findFirst().orElse(null);
	}

	/** Every token of the server. */
	List<V3Token> all(Connection conn) {
		return ApiCalls.describing("could not list tokens", () -> client.list(conn));
	}

	/** The change path of InfluxDB 3 tokens. */
	ChangePath path() {
		return path;
	}

	Notes notes() {
		return notes;
	}
}
