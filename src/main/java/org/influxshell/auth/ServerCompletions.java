package org.influxshell.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.influxshell.command.Args;
import org.influxshell.command.CommonOptions;
import org.influxshell.command.ValueCompleter;
import org.influxshell.command.ValueKind;
import org.influxshell.connection.Connection;
import org.influxshell.connection.ConnectionResolver;

/**
 * Completes values that live on the server (token IDs, user names) from the server the line being
 * typed names ({@code --host}, {@code -t}, {@code -c}, {@code --configs-path}) or else the usual
 * one. Each list is fetched once per server and session; the prompt waits for it at most
 * {@code influx.completion-timeout}, and a slow or failing server completes nothing (the fetch
 * goes on in the background and serves the next Tab).
 *
 * @param <T> what the server lists
 */
public class ServerCompletions<T> implements ValueCompleter {

	private final ValueKind kind;

	private final ConnectionResolver resolver;

	private final Function<Connection, List<T>> fetch;

	private final Function<T, Proposal> proposal;

	private final Duration timeout;

	private final Map<String, CompletableFuture<List<T>>> cache = new ConcurrentHashMap<>();

	public ServerCompletions(ValueKind kind, ConnectionResolver resolver, Function<Connection, List<T>> fetch,
			Function<T, Proposal> proposal, Duration timeout) {
		this.kind = kind;
		this.resolver = resolver;
		this.fetch = fetch;
		this.proposal = proposal;
		this.timeout = timeout;
	}

	/** Token IDs, each described by its description and status. */
	static ServerCompletions<Authorization> authIds(ConnectionResolver resolver, AuthorizationsClient client,
			Duration timeout) {
		return new ServerCompletions<>(ValueKind.AUTH_ID, resolver,
				conn -> client.list(conn, AuthorizationsClient.ListFilter.none()),
				a -> new Proposal(a.id(), a.description().isEmpty() ? a.status() : a.description() + " (" + a.status() + ")"),
				timeout);
	}

	/**
	 * v1 authorizations: their IDs, each described by its username, description and status, or
	 * their usernames, each described by its description and status.
	 */
	static ServerCompletions<Authorization> v1(ConnectionResolver resolver, V1AuthorizationsClient client,
			Duration timeout, boolean usernames) {
		return new ServerCompletions<>(usernames ? ValueKind.V1_USERNAME : ValueKind.V1_AUTH_ID, resolver,
				conn -> client.list(conn, V1AuthorizationsClient.Filter.none()),
				a -> usernames ? new Proposal(a.token(), described(a))
						: new Proposal(a.id(), a.token() + " " + described(a)),
				timeout);
	}

	private static String described(Authorization a) {
		return a.description().isEmpty() ? "(" + a.status() + ")" : a.description() + " (" + a.status() + ")";
	}

	/** User names. */
	static ServerCompletions<String> userNames(ConnectionResolver resolver, DirectoryClient directory, Duration timeout) {
		return new ServerCompletions<>(ValueKind.USER_NAME, resolver, directory::userNames,
				name -> new Proposal(name, ""), timeout);
	}

	@Override
	public ValueKind kind() {
		return kind;
	}

	@Override
	public List<Proposal> complete(Args typed) {
		try {
			Connection conn = resolver.connectionWithoutAsking(typed.get(CommonOptions.SERVER));
			CompletableFuture<List<T>> values = cache.compute(conn.baseUrl() + " " + conn.token().hashCode(),
					(k, old) -> old == null || old.isCompletedExceptionally() ? CompletableFuture.supplyAsync(() -> fetch.apply(conn))
							: old);
			return values.get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream().map(proposal).toList();
		}
		catch (Exception ex) {
			return List.of();
		}
	}
}
