package org.influxshell.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import io.netty.channel.ChannelOption;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.influxshell.cli.CliException;
import org.influxshell.cli.SecretPrompt;
import org.influxshell.cli.Stderr;
import org.influxshell.connection.Connection;
import org.influxshell.connection.InfluxProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.core.codec.CharSequenceEncoder;
import org.springframework.core.codec.ByteArrayDecoder;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.DecoderHttpMessageReader;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends requests to InfluxDB servers with WebClient over one connection pool for the whole
 * process, so that a script or a bulk command reuses its connections. Adds the credentials and
 * the standard headers, applies the timeouts, writes the masked exchange to stderr with
 * {@code --http-debug}, and turns transport failures into {@link TransportException}s. A request
 * that may safely be repeated is sent again, at most {@code influx.retries} times, when the server
 * answers {@code 429} or {@code 503} ({@link Retries}). Nothing is created until the first request.
 */
public class InfluxHttp implements AutoCloseable {

	/** The methods that may be repeated whatever their body: doing them twice is doing them once. */
	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
			HttpMethod.DELETE, HttpMethod.OPTIONS);

	private final InfluxProperties properties;

	private final Stderr stderr;

	private final String userAgent;

	private final Map<Boolean, WebClient> clients = new ConcurrentHashMap<>();

	private final Map<String, WebClient> proxiedClients = new ConcurrentHashMap<>();

	private final Proxies proxies;

	private final SecretPrompt prompt;

	/** Sign-ins of users, one per server and user per process. */
	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final AtomicBoolean skipVerifyWarned = new AtomicBoolean();

	private volatile ConnectionProvider pool;

	private volatile LoopResources loops;

	public InfluxHttp(InfluxProperties properties, Stderr stderr, String version) {
		this(properties, stderr, version, Proxies.fromEnvironment(), question -> null);
	}

	/** @param prompt asks for a password a profile does not keep */
	public InfluxHttp(InfluxProperties properties, Stderr stderr, String version, Proxies proxies, SecretPrompt prompt) {
		this.properties = properties;
		this.stderr = stderr;
		this.proxies = proxies;
		this.prompt = prompt;
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
		int retries = repeatable ? properties.retries() : 0;
		for (int attempt = 0;; attempt++) {
			HttpResponse response = exchange(conn, method, pathAndQuery, jsonBody);
			if (attempt > 0 && method == HttpMethod.DELETE && response.status() == 404) {
				// an earlier attempt reached the server after all: what was asked for is done
				return new HttpResponse(204, "", "", "", List.of(), new byte[0]);
			}
			Duration wait = attempt < retries ? Retries.delay(response, attempt, Clock.systemUTC()) : null;
			if (wait == null) {
				return ApiErrors.check(response, conn.token());
			}
			pause(wait, method + " " + conn.baseUrl() + pathAndQuery);
		}
	}

	private static void pause(Duration wait, String request) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransportException(request + ": cancelled", ex);
		}
	}

	/**
	 * The session cookie of the connection's user: signed in on first use (POST /api/v2/signin, as upstream does),
	 * asking for the password on the terminal when the profile keeps none.
	 */
	private String session(Connection conn) {
		Connection.SignIn user = conn.signIn();
		// one attempt per server and user, its failure kept too: the threads of a bulk run wait for
		// it, and a refused sign-in is neither asked for nor sent again
		Session session = sessions.computeIfAbsent(conn.baseUrl() + " " + user.user(), key -> signIn(conn, user));
		if (session.failure() != null) {
			throw session.failure();
		}
		return session.cookie();
	}

	/** A sign-in's outcome: the session cookie, or why there is none. */
	private record Session(String cookie, CliException failure) {
	}

	private Session signIn(Connection conn, Connection.SignIn user) {
		try {
			String password = user.password() != null ? user.password() : prompt.ask("Please provide your password: ");
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
		String secret = credential == null ? conn.token() : credential.substring(credential.indexOf(' ') + 1);
		HttpDebug debug = conn.httpDebug() ? new HttpDebug(stderr, secret) : null;
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
		Proxies.Proxy proxy = proxies.forTarget(uri).orElse(null);
		if (proxy != null && proxy.user() != null && uri.getScheme().equals("http")) {
			// plain http goes to the proxy as an absolute-URI request: its credentials go with it
			// (an https tunnel sends them with CONNECT, through the client's authenticator)
			headers.set(HttpHeaders.PROXY_AUTHORIZATION, basic(proxy.user(), proxy.password()));
		}
		if (debug != null) {
			if (proxy != null) {
				debug.via(proxy);
			}
			debug.request(method, uri, headers, jsonBody);
		}
		WebClient client = proxy == null ? client(conn.skipVerify()) : proxiedClient(conn.skipVerify(), proxy);
		WebClient.RequestBodySpec spec = client.method(method).uri(uri)
			.headers(h -> h.addAll(headers));
		WebClient.RequestHeadersSpec<?> request = jsonBody == null ? spec : spec.bodyValue(jsonBody);
		Duration timeout = properties.responseTimeout();
		return request.exchangeToMono(resp -> resp.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
			.map(body -> gunzipped(resp.headers().header(HttpHeaders.CONTENT_ENCODING), body))
			.map(body -> new HttpResponse(resp.statusCode().value(),
					resp.headers().contentType().map(MediaType::toString).orElse(""),
					resp.headers().header(HttpHeaders.LOCATION).stream().findFirst().orElse(""),
					resp.headers().header(HttpHeaders.RETRY_AFTER).stream().findFirst().orElse(""),
					resp.headers().header(HttpHeaders.SET_COOKIE), body)))
			.timeout(timeout)
			.doOnNext(r -> {
				if (debug != null) {
					debug.response(r);
				}
			})
			.onErrorMap(ex -> !(ex instanceof TransportException), ex -> {
				boolean sent = !TransportErrors.beforeSending(ex);
				TransportException failure = new TransportException(Secrets.without(method + " " + uri + ": "
						+ TransportErrors.describe(ex, timeout, properties.getMaxResponseSize()), secret), ex, sent);
				if (!sent && conn.defaultHost()) {
					failure.hint(DEFAULT_HOST_HINT);
				}
				return failure;
			});
	}

	private WebClient client(boolean skipVerify) {
		return clients.computeIfAbsent(skipVerify, this::newClient);
	}

	private WebClient newClient(boolean skipVerify) {
		HttpClient http = HttpClient.create(pool())
			// the JDK's resolver: Netty's own DNS client reads resolver files and loads far more classes.
			// Named before runOn: runOn without a resolver caches a DNS resolver for these loops in a
			// static map of Reactor Netty's, which kept every closed client's loops (a daemon leak)
			.resolver(DefaultAddressResolverGroup.INSTANCE)
			.runOn(loops())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			.responseTimeout(properties.responseTimeout())
			.followRedirect(false)
			.compress(true);
		if (skipVerify) {
			SslContext insecure = insecureContext();
			http = http.secure(ssl -> ssl.sslContext(insecure).handlerConfigurator(handler -> {
				SSLEngine engine = handler.engine();
				SSLParameters params = engine.getSSLParameters();
				params.setEndpointIdentificationAlgorithm(null);
				engine.setSSLParameters(params);
			}));
		}
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
			.exchangeStrategies(strategies()).build();
	}

	/**
	 * Text out, bytes in: bodies are parsed by the callers, so only these two codecs are needed
	 * (the default set costs start-up time and a search through every codec on each request); a
	 * body may be as large as influx.max-response-size (100,000 tokens are about 90 MB).
	 */
	private ExchangeStrategies strategies() {
		ByteArrayDecoder bytes = new ByteArrayDecoder();
		bytes.setMaxInMemorySize(maxResponseBytes());
		return new TwoCodecs(List.of(new DecoderHttpMessageReader<>(bytes)),
				List.of(new EncoderHttpMessageWriter<>(CharSequenceEncoder.allMimeTypes())));
	}

	/**
	 * The two codecs as strategies of our own: every {@code ExchangeStrategies} builder, {@code empty()}
	 * included, first builds the default set (a Jackson mapper among them) when its class is initialised.
	 */
	private record TwoCodecs(List<HttpMessageReader<?>> messageReaders, List<HttpMessageWriter<?>> messageWriters)
			implements ExchangeStrategies {
	}

	/**
	 * Requests through a proxy use the JDK's client: for plain http it sends the absolute-URI
	 * request Go sends (Reactor Netty would tunnel with CONNECT, which common proxies refuse for
	 * ports other than 443), and for https it tunnels with CONNECT. It is built only when a proxy
	 * applies, so a console without one never loads it.
	 */
	private WebClient proxiedClient(boolean skipVerify, Proxies.Proxy proxy) {
		return proxiedClients.computeIfAbsent(skipVerify + " " + proxy, key -> {
			java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder()
				.proxy(ProxySelector.of(new InetSocketAddress(proxy.host(), proxy.port())))
				.connectTimeout(properties.connectTimeout())
				.followRedirects(java.net.http.HttpClient.Redirect.NEVER);
			if (proxy.user() != null) {
				// the JDK leaves Basic out of CONNECT unless told otherwise: the proxy's own URL asked for it
				System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
				builder.authenticator(new Authenticator() {
					@Override
					protected PasswordAuthentication getPasswordAuthentication() {
						return getRequestorType() == RequestorType.PROXY
								? new PasswordAuthentication(proxy.user(), proxy.password().toCharArray()) : null;
					}
				});
			}
			if (skipVerify) {
				System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
				builder.sslContext(TrustingSsl.context());
			}
			JdkClientHttpConnector connector = new JdkClientHttpConnector(builder.build());
			connector.setReadTimeout(properties.responseTimeout());
			return WebClient.builder().clientConnector(connector).exchangeStrategies(strategies()).build();
		});
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** The body as sent, inflated when the server gzipped it and the client did not (the JDK's does not). */
	private static byte[] gunzipped(List<String> contentEncoding, byte[] body) {
		if (contentEncoding.stream().noneMatch(e -> e.toLowerCase(java.util.Locale.ROOT).contains("gzip")) || body.length < 2
				|| (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
			return body;
		}
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("a gzipped response that does not inflate", ex);
		}
	}

	private int maxResponseBytes() {
		return (int) Math.min(Integer.MAX_VALUE - 8, properties.maxResponseSize());
	}

	private static SslContext insecureContext() {
		try {
			return SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	private synchronized ConnectionProvider pool() {
		if (pool == null) {
			pool = ConnectionProvider.builder("influx-shell")
				.maxConnections(Math.max(16, properties.bulkConcurrency() * 2))
				.maxIdleTime(Duration.ofSeconds(30))
				.build();
		}
		return pool;
	}

	private synchronized LoopResources loops() {
		if (loops == null) {
			loops = LoopResources.create("influx-shell-http", 1, true);
		}
		return loops;
	}

	/** Closes the pool at once: a short-lived console has no requests to wait for at exit. */
	@Override
	public void close() {
		if (pool != null) {
			pool.disposeLater().block(Duration.ofSeconds(1));
		}
		if (loops != null) {
			// no quiet period; the timeout is how long the threads get to stop (zero fails at once)
			loops.disposeLater(Duration.ZERO, Duration.ofSeconds(1)).block(Duration.ofSeconds(2));
		}
	}
}
