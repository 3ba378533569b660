package org.influxshell.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.influxshell.connection.Connection;
import org.influxshell.connection.ProductProbe;
import org.influxshell.http.HttpResponse;

/**
 * {@link ProductProbe} by one {@code GET /ping}, waited for a short while only: a profile is made
 * whether or not its server answers, as upstream makes it; then it keeps no generation.
 */
public class PingProbe implements ProductProbe {

	private final V3Client client;

	private final Duration wait;

	public PingProbe(V3Client client, Duration wait) {
		this.client = client;
		this.wait = wait;
	}

	@Override
	public String probe(Connection conn) {
		CompletableFuture<HttpResponse> ping = CompletableFuture.supplyAsync(() -> client.ping(conn));
		try {
			return classify(ping.get(wait.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
		catch (ExecutionException | TimeoutException ex) {
			ping.cancel(true);
			return "";
		}
	}

	/** The generation an answer to {@code GET /ping} shows, or empty. */
	static String classify(HttpResponse r) {
		String build = r.header("x-influxdb-build").toLowerCase(Locale.ROOT);
		String version = r.header("x-influxdb-version");
		if (r.status() == 200 && (build.equals("core") || build.equals("enterprise") || version.startsWith("3."))) {
			return Connection.V3;
		}
		if (r.status() == 204 && (version.startsWith("2.") || version.startsWith("v2."))) {
			return Connection.V2;
		}
		// a v3 server checks the token before /ping, and only v3 answers in this shape (v2 sends its build headers)
		if ((r.status() == 401 || r.status() == 400) && r.header("x-influxdb-version").isEmpty()
				&& r.text().startsWith("{\"error\": ")) {
			return Connection.V3;
		}
		return "";
	}
}
