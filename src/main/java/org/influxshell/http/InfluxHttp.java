package org.influxshell.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

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

import org.influxshell.cli.Stderr;
import org.influxshell.connection.Connection;
import org.influxshell.connection.InfluxProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.core.codec.CharSequenceEncoder;
import org.springframework.core.codec.ByteArrayDecoder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
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

	private final AtomicBoolean skipVerifyWarned = new AtomicBoolean();

	private volatile ConnectionProvider pool;

	private volatile LoopResources loops;

	public InfluxHttp(InfluxProperties properties, Stderr stderr, String version) {
		this.properties = properties;
		this.stderr = stderr;
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
		try {
			return exchangeAsync(conn, method, pathAndQuery, jsonBody).block();
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
	 * {@link InfluxApiException} whose message never repeats the credential. GET and DELETE are
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
				return new HttpResponse(204, "", "", "", new byte[0]);
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

	private Mono<HttpResponse> exchangeAsync(Connection conn, HttpMethod method, String pathAndQuery, String jsonBody) {
		URI uri = URI.create(conn.baseUrl() + pathAndQuery);
		HttpDebug debug = conn.httpDebug() ? new HttpDebug(stderr, conn.token()) : null;
		if (conn.skipVerify() && uri.getScheme().equals("https") && skipVerifyWarned.compareAndSet(false, true)) {
			stderr.warn("TLS certificate verification is disabled (--skip-verify)");
		}
		HttpHeaders headers = new HttpHeaders();
		if (!conn.token().isEmpty()) {
			headers.set(HttpHeaders.AUTHORIZATION, "Token " + conn.token());
		}
		headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
		// as Go's transport does: a large token list travels compressed (Netty inflates it)
		headers.set(HttpHeaders.ACCEPT_ENCODING, "gzip");
		headers.set(HttpHeaders.USER_AGENT, userAgent);
		if (jsonBody != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		if (debug != null) {
			debug.request(method, uri, headers, jsonBody);
		}
		WebClient.RequestBodySpec spec = client(conn.skipVerify()).method(method).uri(uri)
			.headers(h -> h.addAll(headers));
		WebClient.RequestHeadersSpec<?> request = jsonBody == null ? spec : spec.bodyValue(jsonBody);
		Duration timeout = properties.responseTimeout();
		return request.exchangeToMono(resp -> resp.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
			.map(body -> new HttpResponse(resp.statusCode().value(),
					resp.headers().contentType().map(MediaType::toString).orElse(""),
					resp.headers().header(HttpHeaders.LOCATION).stream().findFirst().orElse(""),
					resp.headers().header(HttpHeaders.RETRY_AFTER).stream().findFirst().orElse(""), body)))
			.timeout(timeout)
			.doOnNext(r -> {
				if (debug != null) {
					debug.response(r);
				}
			})
			.onErrorMap(ex -> !(ex instanceof TransportException),
					ex -> new TransportException(Secrets.without(method + " " + uri + ": "
							+ TransportErrors.describe(ex, timeout, properties.getMaxResponseSize()), conn.token()), ex,
							!TransportErrors.beforeSending(ex)));
	}

	private WebClient client(boolean skipVerify) {
		return clients.computeIfAbsent(skipVerify, this::newClient);
	}

	private WebClient newClient(boolean skipVerify) {
		HttpClient http = HttpClient.create(pool())
			.runOn(loops())
			// the JDK's resolver: Netty's own DNS client reads resolver files and loads far more classes
			.resolver(DefaultAddressResolverGroup.INSTANCE)
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
		// text out, bytes in: bodies are parsed by the callers, so only these two codecs are needed
		// (the default set costs start-up time and a search through every codec on each request);
		// a body may be as large as influx.max-response-size (100,000 tokens are about 90 MB)
		ByteArrayDecoder bytes = new ByteArrayDecoder();
		bytes.setMaxInMemorySize(maxResponseBytes());
		ExchangeStrategies strategies = ExchangeStrategies.builder().codecs(codecs -> {
			codecs.registerDefaults(false);
			codecs.customCodecs().register(CharSequenceEncoder.allMimeTypes());
			codecs.customCodecs().register(bytes);
		}).build();
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
			.exchangeStrategies(strategies).build();
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
