package org.influxshell.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.influxshell.cli.Digests;
import org.influxshell.command.Args;
import org.influxshell.command.CommonOptions;
import org.influxshell.command.CompletionLists;
import org.influxshell.command.ValueCompleter;
import org.influxshell.command.ValueKind;
import org.influxshell.connection.Connection;
import org.influxshell.connection.ConnectionResolver;

/**
 * Completes values that live on the server (token IDs, user names) from the server the line being
 * typed names ({@code --host}, {@code -t}, {@code -c}, {@code --configs-path}) or else the usual
 * one. Each list is fetched once per server, credential and way there in a session; the prompt
 * waits for it at most {@code influx.completion-timeout}, and a slow or failing server completes
 * nothing (the fetch goes on in the background and serves the next Tab). A list fetched by an earlier run of the
 * same process (the warm console's, a shell's earlier Tab) serves this one too, within
 * {@code influx.completion-reuse}, when it came from the same server, credential and way there
 * ({@link CompletionLists}).
 *
 * @param <T> what the server lists
 */
public class ServerCompletions<T> implements ValueCompleter {

	private final ValueKind kind;

	private final ConnectionResolver resolver;

	private final Function<Connection, List<T>> fetch;

	private final Function<T, Proposal> proposal;

	private final Duration timeout;

	private final Sharing sharing;

	private final Map<Key, CompletableFuture<List<Proposal>>> cache = new ConcurrentHashMap<>();

	/**
	 * The lists of earlier runs this run may use, and how.
	 * @param lists the process's lists
	 * @param reuse {@code influx.completion-reuse}: how old a list may be (zero: none is used or kept)
	 * @param transport what decides how a request to the connection's server travels (certificate
	 *        checks, CA file, proxy): part of a list's key, so that no list crosses between ways
	 */
	public record Sharing(CompletionLists lists, Duration reuse, Function<Connection, Object> transport) {
	}

	public ServerCompletions(ValueKind kind, ConnectionResolver resolver, Function<Connection, List<T>> fetch,
			Function<T, Proposal> proposal, Duration timeout, Sharing sharing) {
		this.kind = kind;
		this.resolver = resolver;
		this.fetch = fetch;
		this.proposal = proposal;
		this.timeout = timeout;
		this.sharing = sharing;
	}

	/** Token IDs, each described by its description and status. */
	static ServerCompletions<AuthorizationsClient.Summary> authIds(ConnectionResolver resolver,
			AuthorizationsClient client, Duration timeout, Sharing sharing) {
		return new ServerCompletions<>(ValueKind.AUTH_ID, resolver, client::summaries,
				a -> new Proposal(a.id(), a.description().isEmpty() ? a.status() : a.description() + " (" + a.status() + ")"),
				timeout, sharing);
	}

	/**
	 * v1 authorizations: their IDs, each described by its username, description and status, or
	 * their usernames, each described by its description and status.
	 */
	static ServerCompletions<Authorization> v1(ConnectionResolver resolver, V1AuthorizationsClient client,
			Duration timeout, Sharing sharing, boolean usernames) {
		return new ServerCompletions<>(usernames ? ValueKind.V1_USERNAME : ValueKind.V1_AUTH_ID, resolver,
				conn -> client.list(conn, V1AuthorizationsClient.Filter.none()),
				a -> usernames ? new Proposal(a.token(), described(a))
						: new Proposal(a.id(), a.token() + " " + described(a)),
				timeout, sharing);
	}

	private static String described(Authorization a) {
		return a.description().isEmpty() ? "(" + a.status() + ")" : a.description() + " (" + a.status() + ")";
	}

	/** User names. */
	static ServerCompletions<String> userNames(ConnectionResolver resolver, DirectoryClient directory, Duration timeout,
			Sharing sharing) {
		return new ServerCompletions<>(ValueKind.USER_NAME, resolver, directory::userNames,
				name -> new Proposal(name, ""), timeout, sharing);
	}

	@Override
	public ValueKind kind() {
		return kind;
	}

	@Override
	public List<Proposal> complete(Args typed) {
		try {
			Connection conn = resolver.connectionWithoutAsking(typed.get(CommonOptions.SERVER));
			Key key = key(conn);
			CompletableFuture<List<Proposal>> values = cache.compute(key,
					(k, old) -> old == null || old.isCompletedExceptionally() ? fetched(conn, key) : old);
			return values.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			return List.of();
		}
	}

	/**
	 * The list an earlier run kept or is fetching, when it may serve this one; else fetched now in
	 * the background, and kept for the runs that follow when it may serve them.
	 */
	private CompletableFuture<List<Proposal>> fetched(Connection conn, Key key) {
		Supplier<CompletableFuture<List<Proposal>>> fetching = () -> CompletableFuture
			.supplyAsync(() -> fetch.apply(conn).stream().map(proposal).toList());
		return key.shareable() ? sharing.lists().get(key, sharing.reuse(), fetching) : fetching.get();
	}

	/**
	 * What a list fetched over {@code conn} is kept under, in the session and for the runs that
	 * follow: the kind of value, the server, its generation, the credential (a token or a password
	 * only as a digest) and how the request travels.
	 */
	private Key key(Connection conn) {
		String credential;
		boolean known = true;
		if (!conn.token().isEmpty()) {
			// as the server reads it: "TOKEN " and "TOKEN" are one credential
			credential = "token " + ChangeJournal.fingerprint(conn.token());
		}
		else if (conn.signIn() != null && conn.signIn().password() != null) {
			credential = "user " + conn.signIn().user() + " " + Digests.sha256(conn.signIn().password());
		}
		else {
			// a sign-in whose password is not known yet: this session's own, never another run's
			credential = conn.signIn() == null ? "none" : "user " + conn.signIn().user();
			known = false;
		}
		Object transport;
		try {
			transport = sharing.transport().apply(conn);
		}
		catch (RuntimeException ex) {
			// a proxy variable or CA file that does not read: the fetch says so, and nothing is shared
			transport = null;
			known = false;
		}
		return new Key(kind, conn.baseUrl(), conn.product(), credential, transport, known);
	}

	/** A list's key. Shared with other runs only when its credential and way there are known. */
	private record Key(ValueKind kind, String server, String product, String credential, Object transport,
			boolean shareable) {

		/** Never shows the credential's digest. */
		@Override
		public String toString() {
			return "Key[" + kind + " " + server + " " + product + ", credential ***]";
		}
	}
}
