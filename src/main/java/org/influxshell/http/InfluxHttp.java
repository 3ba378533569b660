package org.influxshell.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

import org.influxshell.cli.Digests;
import org.influxshell.cli.CliException;
import org.influxshell.cli.Stderr;
import org.influxshell.connection.Connection;
import org.influxshell.connection.InfluxProperties;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends requests to InfluxDB servers with WebClient on Reactor Netty, directly or through the
 * proxy {@link Proxies} picks. The clients and their connection pools ({@link HttpClients}) are
 * the process's, shared by its runs (a daemon's requests too), one per set of
 * connection settings, so that a script, a bulk command or the next warm request reuses its
 * connections while no run's {@code --skip-verify}, proxy or timeout reaches another's requests.
 * Adds the credentials and the standard headers, applies the timeouts, writes the masked
 * exchange to stderr with {@code --http-debug} (and the {@code --skip-verify} warning as the first
 * such request goes out: both written as the exchange happens, to the run's stderr the wiring
 * hands in), and turns transport failures into {@link TransportException}s. A request
 * that may safely be repeated is sent again, at most {@code influx.retries} times, when the server
 * answers {@code 429} or {@code 503} ({@link Retries}). Nothing is created until the first request.
 */
public class InfluxHttp {

	/** The methods that may be repeated whatever their body: doing them twice is doing them once. */
	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
			HttpMethod.DELETE, HttpMethod.OPTIONS);

	private final InfluxProperties properties;

	private final Stderr stderr;

	private final String userAgent;

	private final Proxies proxies;

	private final Pause retryPause;

	/** Sign-ins of users, one per server and user in a run. */
	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final AtomicBoolean skipVerifyWarned = new AtomicBoolean();

	private final HttpClients clients;


	private final HttpClients.Limits limits;

	/**
	 * @param clients the clients of the process this run is in, shared by its runs (a daemon's
	 *        requests, kept open between them) and closed with it
	 */
	public InfluxHttp(InfluxProperties properties, Stderr stderr, String version, Proxies proxies,
			HttpClients clients) {
		this(properties, stderr, version, proxies, wait -> Thread.sleep(wait.toMillis()), clients);
	}

	/** @param pause how the thread waits before a request is sent again */
	InfluxHttp(InfluxProperties properties, Stderr stderr, String version, Proxies proxies, Pause pause,
			HttpClients clients) {
		this.properties = properties;
		this.stderr = stderr;
		this.proxies = proxies;
		this.retryPause = pause;
		this.limits = HttpClients.Limits.of(properties);
		this.clients = clients;
		this.userAgent = "influx-shell/" + version + " (" + System.getProperty("os.name") + ") java/"
				+ System.getProperty("java.version");
	}

	/**
	 * Sends one request and reads the whole response.
	 * @param pathAndQuery starts with {@code /}
	 * @param jsonBody the body, or {@code null} for none
	 * @throws TransportException when no response came back
	 */
	public HttpResponse exchange(Connection conn, HttpMethod method, String pathAndQuery, String jsonBody) {
		String credential;
		if (conn.signIn() != null) {
			credential = "Cookie " + session(conn);
		}
		else {
			credential = conn.token().isEmpty() ? null : "Token " + conn.token();
		}
		return exchange(conn, method, pathAndQuery, jsonBody, credential);
	}

	/**
	 * Sends one request with a credential of its own kind: {@code Token T}, {@code Basic B}, or
	 * {@code Cookie NAME=VALUE} for a signed-in session.
	 */
	private HttpResponse exchange(Connection conn, HttpMethod method, String pathAndQuery, String jsonBody,
			String credential) {
		try {
			return exchangeAsync(conn, method, pathAndQuery, jsonBody, credential).block();
		}
		catch (RuntimeException ex) {
			// Ctrl-C in the REPL interrupts the waiting thread: the request is cancelled, not the console
			if (ex.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
				throw new TransportException(method + " " + conn.baseUrl() + pathAndQuery + ": cancelled", ex);
			}
			throw ex;
		}
	}

	/**
	 * {@link #exchange}, then {@link ApiErrors#check}: the successful response, or an
	 * {@link InfluxApiException} whose message never repeats the credential. Idempotent requests (GET, DELETE, ...) are
	 * repeated after {@code 429} and {@code 503}; other methods are sent once.
	 */
	public HttpResponse send(Connection conn, HttpMethod method, String pathAndQuery, String jsonBody) {
		return send(conn, method, pathAndQuery, jsonBody, IDEMPOTENT.contains(method));
	}

	/**
	 * {@link #send} for a request that may be repeated although its method does not say so: a
	 * PATCH that sets a status leaves the same state however many times it arrives.
	 */
	public HttpResponse sendIdempotent(Connection conn, HttpMethod method, String pathAndQuery, String jsonBody) {
		return send(conn, method, pathAndQuery, jsonBody, true);
	}

	private HttpResponse send(Connection conn, HttpMethod method, String pathAndQuery, String jsonBody,
			boolean repeatable) {
		HttpResponse response = exchangeWithRetries(conn, method, pathAndQuery, jsonBody, repeatable);
		return ApiErrors.check(response, secrets(conn.token(), proxies.forTarget(URI.create(conn.baseUrl() + pathAndQuery))
			.orElse(null)));
	}

	/**
	 * An InfluxDB 3 server's refusal of a request of this connection ({@link ApiErrors#v3}): never
	 * the token, as given or as received, nor the credentials of the proxy the request went through.
	 * @param pathAndQuery the request's, which picks the proxy
	 */
	public InfluxApiException v3Error(Connection conn, String pathAndQuery, HttpResponse response) {
		Proxies.Proxy proxy;
		try {
			proxy = proxies.forTarget(URI.create(conn.baseUrl() + pathAndQuery)).orElse(null);
		}
		catch (CliException ex) {
			// no request went through a malformed proxy variable: there is no proxy credential to hide
			proxy = null;
		}
		return ApiErrors.v3(response, secrets(conn.token(), proxy));
	}

	/**
	 * {@link #exchange}, sent again after {@code 429} and {@code 503} when {@code repeatable}, as
	 * {@link #send} does, for a caller that reads the server's errors in its own way (InfluxDB 3's
	 * bodies are not InfluxDB 2's). A repeated DELETE answered {@code 404} is done: an earlier attempt
	 * got through.
	 * @param repeatable sending it twice is sending it once (a GET, a DELETE, a read-only query)
	 * @return the last answer, error or not
	 */
	public HttpResponse exchangeWithRetries(Connection conn, HttpMethod method, String pathAndQuery, String jsonBody,
			boolean repeatable) {
		int retries = repeatable ? properties.retries() : 0;
		for (int attempt = 0;; attempt++) {
			HttpResponse response = exchange(conn, method, pathAndQuery, jsonBody);
			if (attempt > 0 && method == HttpMethod.DELETE && response.status() == 404) {
				// an earlier attempt reached the server after all: what was asked for is done
				return new HttpResponse(204, "", "", "", List.of(), new byte[0]);
			}
			Duration wait = attempt < retries ? Retries.delay(response, attempt, Clock.systemUTC()) : null;
			if (wait == null) {
				return response;
			}
			pause(wait, method + " " + conn.baseUrl() + pathAndQuery);
		}
	}

	private void pause(Duration wait, String request) {
		try {
			retryPause.pause(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransportException(request + ": cancelled", ex);
		}
	}

	/**
	 * The session cookie of the connection's user: signed in on first use (POST /api/v2/signin, as
	 * upstream does). A password the profile does not keep is asked for then, by the connection's
	 * {@link Connection.SignIn}: the resolver gave it the run's questions.
	 */
	private String session(Connection conn) {
		Connection.SignIn user = conn.signIn();
		// one attempt per server and user, its failure kept too: the threads of a bulk run wait for
		// it, and a refused sign-in is neither asked for nor sent again
		// two profiles of one user with different passwords (config status checks both) are two sign-ins;
		// the password's digest, so that the map of sessions holds no password
		String key = conn.baseUrl() + " " + user.user() + " " + (user.password() == null ? "" : Digests.sha256(user.password()));
		Session session = sessions.computeIfAbsent(key, k -> signIn(conn, user));
		if (session.failure() != null) {
			throw session.failure();
		}
		return session.cookie();
	}

	/** Waits before a retry: the thread sleeps, unless a test records the waits instead. */
	@FunctionalInterface
	interface Pause {

		void pause(Duration wait) throws InterruptedException;
	}

	/** A sign-in's outcome: the session cookie, or why there is none. */
	private record Session(String cookie, CliException failure) {
	}

	private Session signIn(Connection conn, Connection.SignIn user) {
		try {
			String password = user.password();
			if (password == null) {
				throw CliException.failure(SIGN_IN_FAILED + "no password: the profile keeps none and there is no "
						+ "terminal to ask for it");
			}
			String basic = "Basic " + Base64.getEncoder()
				.encodeToString((user.user() + ":" + password).getBytes(StandardCharsets.UTF_8));
			HttpResponse r = exchange(conn, HttpMethod.POST, "/api/v2/signin", null, basic);
			if (!r.isSuccess()) {
				InfluxApiException refused = ApiErrors.toException(r);
				throw CliException.failure(SIGN_IN_FAILED + Secrets.without(refused.getMessage(), password));
			}
			return new Session(r.cookies().stream().map(c -> c.split(";", 2)[0].strip())
				.filter(c -> c.contains("influxdb") && c.contains("="))
				.findFirst()
				.orElseThrow(() -> CliException.failure(SIGN_IN_FAILED + "the server set no session cookie")), null);
		}
		catch (TransportException ex) {
			// no answer is no verdict: the next request tries again
			throw ex;
		}
		catch (CliException ex) {
			return new Session(null, ex);
		}
	}

	/** Said when the built-in default server cannot be reached: most often, no profile was made yet. */
	static final String DEFAULT_HOST_HINT = "no profile and no --host, so the default http://localhost:8086 was tried; "
			+ "make a profile for your server: influx-shell config create -n NAME -u URL -t TOKEN -a";

	private static final String SIGN_IN_FAILED = "error creating session: error signing in, verify signin was not called "
			+ "against cloud influxdb: ";

	private Mono<HttpResponse> exchangeAsync(Connection conn, HttpMethod method, String pathAndQuery, String jsonBody,
			String credential) {
		URI uri = URI.create(conn.baseUrl() + pathAndQuery);
		Proxies.Proxy proxy = proxy(uri, method);
		String secret = credential == null ? conn.token() : credential.substring(credential.indexOf(' ') + 1);
		List<String> secrets = secrets(secret, proxy);
		HttpDebug debug = conn.httpDebug() ? new HttpDebug(stderr, secrets) : null;
		if (conn.skipVerify() && uri.getScheme().equals("https") && skipVerifyWarned.compareAndSet(false, true)) {
			stderr.warn("TLS certificate verification is disabled (--skip-verify)");
		}
		HttpHeaders headers = new HttpHeaders();
		if (credential != null && credential.startsWith("Cookie ")) {
			headers.set(HttpHeaders.COOKIE, credential.substring("Cookie ".length()));
		}
		else if (credential != null) {
			headers.set(HttpHeaders.AUTHORIZATION, credential);
		}
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		// as Go's transport does: a large token list travels compressed (Netty inflates it)
		headers.set(HttpHeaders.ACCEPT_ENCODING, "gzip");
		headers.set(HttpHeaders.USER_AGENT, userAgent);
		if (jsonBody != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		HttpClients.Settings settings = settings(conn, uri, proxy);
		URI address = uri;
		if (settings.route() == HttpClients.Route.ABSOLUTE_URI) {
			// sent to the proxy with the server in the request line; the credentials go up front, as Go sends them
			address = URI.create(proxy + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
			if (proxy.user() != null) {
				headers.set(HttpHeaders.PROXY_AUTHORIZATION, basic(proxy));
			}
		}
		if (debug != null) {
			if (proxy != null) {
				debug.via(proxy);
			}
			debug.request(method, uri, headers, jsonBody);
		}
		String host = settings.route() == HttpClients.Route.ABSOLUTE_URI ? uri.getRawAuthority() : null;
		URI to = address;
		// a client is lent for each exchange, each retry included: one that falls out of the kept few is
		// closed only when no exchange holds it (the warm console's requests share the clients)
		return Mono.defer(() -> {
			HttpClients.Lease lease = clients.lease(settings);
			WebClient.RequestBodySpec spec = lease.web().method(method).uri(to).headers(h -> {
				h.addAll(headers);
				if (host != null) {
					// the server's, not the proxy's: the request line is made from it (HttpClients.AbsoluteUri)
					h.set(HttpHeaders.HOST, host);
				}
			});
			WebClient.RequestHeadersSpec<?> request = jsonBody == null ? spec : spec.bodyValue(jsonBody);
			Duration timeout = properties.responseTimeout();
			// the body is read as bytes whatever the Content-Type says: InfluxDB 3 answers a created
			// token with "Content-Type: json", which is no media type and would fail a typed read
			return request.exchangeToMono(resp -> DataBufferUtils
				.join(resp.body(BodyExtractors.toDataBuffers()), (int) Math.min(Integer.MAX_VALUE - 8, properties.maxResponseSize()))
				.map(InfluxHttp::bytes)
				.defaultIfEmpty(new byte[0])
				.map(body -> new HttpResponse(resp.statusCode().value(),
						resp.headers().header(HttpHeaders.CONTENT_TYPE).stream().findFirst().orElse(""),
						resp.headers().header(HttpHeaders.LOCATION).stream().findFirst().orElse(""),
						resp.headers().header(HttpHeaders.RETRY_AFTER).stream().findFirst().orElse(""),
						resp.headers().header(HttpHeaders.SET_COOKIE), body, firstValues(resp.headers().asHttpHeaders()))))
				.timeout(timeout)
				.map(r -> {
					boolean proxyRefused = proxy != null && r.status() == 407;
					if (debug != null) {
						// a proxy's refusal page may quote what it was sent: only its status is shown
						debug.response(proxyRefused ? new HttpResponse(407, "", "", "", List.of(), new byte[0]) : r);
					}
					if (proxyRefused) {
						throw new TransportException(method + " " + uri + ": " + TransportErrors.proxyRefused(proxy, 407),
								null, false);
					}
					return r;
				})
				.onErrorMap(ex -> !(ex instanceof TransportException), ex -> {
					boolean sent = !TransportErrors.beforeSending(ex);
					TransportException failure = new TransportException(Secrets.without(method + " " + uri + ": "
							+ TransportErrors.describe(ex, timeout, properties.getMaxResponseSize(), proxy), secrets), ex, sent);
					if (!sent && conn.defaultHost()) {
						failure.hint(DEFAULT_HOST_HINT);
					}
					return failure;
				})
				.doFinally(signal -> lease.release());
		});
	}

	/**
	 * How a request to {@code conn}'s server travels: route, certificate checks, CA file (its
	 * content too), proxy and its credentials, limits. Two runs that get equal values would send
	 * their requests the same way, through the same client.
	 * @throws TransportException when a proxy variable does not read
	 */
	public Object transport(Connection conn) {
		URI uri = URI.create(conn.baseUrl());
		return settings(conn, uri, proxy(uri, HttpMethod.GET));
	}

	private HttpClients.Settings settings(Connection conn, URI uri, Proxies.Proxy proxy) {
		// read at each request: a file changed on disk is trusted as it is now, by a client of its own
		CaFile caFile = conn.caCert().isEmpty() || conn.skipVerify() || !uri.getScheme().equals("https") ? null
				: CaFile.load(Path.of(conn.caCert()));
		return HttpClients.Settings.of(uri, conn.skipVerify(), proxy, caFile, limits);
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] out = new byte[buffer.readableByteCount()];
			buffer.read(out);
			return out;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Map<String, String> firstValues(HttpHeaders headers) {
		Map<String, String> out = new HashMap<>();
		headers.forEach((name, values) -> {
			if (!values.isEmpty()) {
				out.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
			}
		});
		return out;
	}

	/** The proxy the request goes through, if any: a malformed proxy variable fails the request, as a transport failure. */
	private Proxies.Proxy proxy(URI uri, HttpMethod method) {
		try {
			return proxies.forTarget(uri).orElse(null);
		}
		catch (CliException ex) {
			throw new TransportException(method + " " + uri + ": " + ex.getMessage(), null, false);
		}
	}

	/**
	 * What no message or debug line may show: the request's credential, as given and as the server
	 * received it (without spaces around it), and the proxy's.
	 */
	private static List<String> secrets(String credential, Proxies.Proxy proxy) {
		List<String> secrets = new ArrayList<>();
		secrets.add(credential);
		if (credential != null) {
			secrets.add(Connection.asSent(credential));
		}
		if (proxy != null && proxy.user() != null) {
			secrets.add(proxy.password());
			secrets.add(basic(proxy).substring("Basic ".length()));
		}
		return secrets;
	}

	private static String basic(Proxies.Proxy proxy) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((proxy.user() + ":" + proxy.password()).getBytes(StandardCharsets.UTF_8));
	}
}
