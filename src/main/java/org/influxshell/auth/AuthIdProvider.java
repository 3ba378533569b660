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
import org.influxshell.connection.LocalOptions;
import org.influxshell.connection.ServerOptions;

import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.standard.ValueProvider;
import org.springframework.stereotype.Component;

/**
 * Completes {@code --id} with the IDs of the server's tokens, each described by its
 * description, from the server the line names ({@code --host}, {@code -t}, {@code -c}) or else the
 * usual one. The list is fetched once per server and session; the prompt waits for it at most
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
			Connection conn = resolver.connection(typedOptions(context.getWords()));
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

	/** The server the line being typed talks to: its {@code --host}, {@code -t}, {@code -c} and {@code --configs-path}. */
	static ServerOptions typedOptions(List<String> words) {
		Map<String, String> given = new java.util.HashMap<>();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			int eq = word.indexOf('=');
			String name = eq > 0 ? word.substring(0, eq) : word;
			String key = switch (name) {
				case "--host" -> "host";
				case "-t", "--token" -> "token";
				case "-c", "--active-config" -> "config";
				case "--configs-path" -> "path";
				default -> null;
			};
			if (key != null && eq > 0) {
				given.put(key, word.substring(eq + 1));
			}
			else if (key != null && i + 1 < words.size() - 1) {
				given.put(key, words.get(++i));
			}
		}
		boolean skipVerify = words.contains("--skip-verify");
		return new ServerOptions(new LocalOptions(given.get("path"), null, null), given.get("host"), given.get("token"),
				given.get("config"), skipVerify ? Boolean.TRUE : null, false);
	}

	private CompletableFuture<List<Authorization>> fetch(Connection conn) {
		return CompletableFuture.supplyAsync(() -> client.list(conn, AuthorizationsClient.ListFilter.none()));
	}
}
