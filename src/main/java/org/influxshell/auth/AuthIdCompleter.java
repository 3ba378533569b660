package org.influxshell.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.influxshell.command.Args;
import org.influxshell.command.CommonOptions;
import org.influxshell.command.ValueCompleter;
import org.influxshell.command.ValueKind;
import org.influxshell.connection.Connection;
import org.influxshell.connection.ConnectionResolver;

/**
 * Completes {@code --id} with the IDs of the server's tokens, each described by its description,
 * from the server the line being typed names ({@code --host}, {@code -t}, {@code -c},
 * {@code --configs-path}) or else the usual one. The list is fetched once per server and session;
 * the prompt waits for it at most {@code influx.completion-timeout}, and a slow or failing server
 * completes nothing (the fetch goes on in the background and serves the next Tab).
 */
public class AuthIdCompleter implements ValueCompleter {

	private final ConnectionResolver resolver;

	private final AuthorizationsClient client;

	private final Duration timeout;

	private final Map<String, CompletableFuture<List<Authorization>>> cache = new ConcurrentHashMap<>();

	public AuthIdCompleter(ConnectionResolver resolver, AuthorizationsClient client, Duration timeout) {
		this.resolver = resolver;
		this.client = client;
		this.timeout = timeout;
	}

	@Override
	public ValueKind kind() {
		return ValueKind.AUTH_ID;
	}

	@Override
	public List<Proposal> complete(Args typed) {
		try {
			Connection conn = resolver.connection(typed.get(CommonOptions.SERVER));
			CompletableFuture<List<Authorization>> tokens = cache.compute(conn.baseUrl() + " " + conn.token().hashCode(),
					(k, old) -> old == null || old.isCompletedExceptionally() ? fetch(conn) : old);
			return tokens.get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
				.map(a -> new Proposal(a.id(),
						a.description().isEmpty() ? a.status() : a.description() + " (" + a.status() + ")"))
				.toList();
		}
		catch (Exception ex) {
			return List.of();
		}
	}

	private CompletableFuture<List<Authorization>> fetch(Connection conn) {
		return CompletableFuture.supplyAsync(() -> client.list(conn, AuthorizationsClient.ListFilter.none()));
	}
}
