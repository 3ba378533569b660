package org.influxshell.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.influxshell.connection.Connection;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.InfluxProperties;
import org.influxshell.connection.ServerOptions;

import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.standard.ValueProvider;
import org.springframework.stereotype.Component;

/**
 * Completes {@code --id} with the IDs of the server's tokens, each described by its
 * description. The list is fetched once per server and session; the prompt waits for it at most
 * {@code influx.completion-timeout}, and a slow or failing server completes nothing (the fetch
 * goes on in the background and serves the next Tab).
 */
@Component
public class AuthIdProvider implements ValueProvider {

	private final ConnectionResolver resolver;

	private final AuthorizationsClient client;

	private final Duration timeout;

	private final Map<String, CompletableFuture<List<Authorization>>> cache = new ConcurrentHashMap<>();

	public AuthIdProvider(ConnectionResolver resolver, AuthorizationsClient client, InfluxProperties properties) {
		this.resolver = resolver;
		this.client = client;
		this.timeout = properties.getCompletionTimeout();
	}

	@Override
	public List<CompletionProposal> complete(CompletionContext context) {
		try {
			Connection conn = resolver.connection(ServerOptions.none());
			CompletableFuture<List<Authorization>> tokens = cache.compute(conn.baseUrl() + " " + conn.token().hashCode(),
					(k, old) -> old == null || old.isCompletedExceptionally() ? fetch(conn) : old);
			return tokens.get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
				.map(a -> new CompletionProposal(a.id()).description(a.description().isEmpty() ? a.status()
						: a.description() + " (" + a.status() + ")"))
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
