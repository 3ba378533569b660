package org.influxshell.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.resolver.NoopAddressResolverGroup;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.netty.transport.ProxyProvider;

import org.influxshell.connection.InfluxProperties;

import org.springframework.core.codec.ByteArrayDecoder;
import org.springframework.core.codec.CharSequenceEncoder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.DecoderHttpMessageReader;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The WebClients of one console process, all on Reactor Netty and one set of event-loop threads.
 * Each is made from a {@link Settings}: everything about a connection that a run chooses
 * (certificate checks, the CA file trusted and its content, proxy, proxy credentials, timeouts and
 * limits). A client, and its own connection pool, serves only requests whose settings are equal,
 * so nothing one run chose reaches another run's requests: no JVM-wide property, no pooled
 * connection opened under other rules. That is what lets the warm console share one instance
 * between its requests, and a request reuse the connection an earlier one left open. The few most
 * recently used clients are kept; nothing is created until the first request.
 */
public final class HttpClients implements AutoCloseable {

	/** Buffers taken from the heap and from no pool: see {@link #create}. */
	private static final UnpooledByteBufAllocator UNPOOLED = new UnpooledByteBufAllocator(false);

	/** How many clients are kept; the least recently used one beyond that is closed. */
	static final int KEPT = 8;

	/** How a request reaches its server. */
	enum Route {

		/** A connection to the server itself. */
		DIRECT,

		/**
		 * Plain http through a proxy: a connection to the proxy, which is sent the absolute-URI
		 * request ({@code GET http://host:port/path HTTP/1.1}) as Go sends it.
		 */
		ABSOLUTE_URI,

		/** https through a proxy: a {@code CONNECT host:port} tunnel, then TLS with the server. */
		TUNNEL
	}

	/**
	 * The run's timeouts and sizes a client is built with.
	 * @param connectTimeout {@code influx.connect-timeout}
	 * @param responseTimeout {@code influx.response-timeout}
	 * @param maxResponseSize {@code influx.max-response-size}: the largest body read
	 * @param maxConnections the pool's size, twice {@code influx.bulk-concurrency} and at least 16
	 */
	record Limits(Duration connectTimeout, Duration responseTimeout, long maxResponseSize, int maxConnections) {

		/** The limits the settings give. */
		static Limits of(InfluxProperties properties) {
			return new Limits(properties.connectTimeout(), properties.responseTimeout(), properties.maxResponseSize(),
					Math.max(16, properties.bulkConcurrency() * 2));
		}
	}

	/**
	 * What a client is made from.
	 * @param route how requests reach the server
	 * @param skipVerify accept any certificate and host name ({@code --skip-verify}); always false
	 *        on a route that carries no TLS
	 * @param proxy the proxy, with its credentials, or {@code null} going direct
	 * @param caFile CA certificates trusted besides the system's (its path and content make the key),
	 *        or {@code null}; always {@code null} with skip-verify or on a route that carries no TLS
	 * @param limits the run's timeouts and sizes
	 */
	record Settings(Route route, boolean skipVerify, Proxies.Proxy proxy, CaFile caFile, Limits limits) {

		/** The settings of a request to {@code target}, trusting {@code caFile} (or {@code null}) too. */
		static Settings of(URI target, boolean skipVerify, Proxies.Proxy proxy, CaFile caFile, Limits limits) {
			boolean tls = "https".equals(target.getScheme());
			Route route = proxy == null ? Route.DIRECT : tls ? Route.TUNNEL : Route.ABSOLUTE_URI;
			boolean skip = skipVerify && route != Route.ABSOLUTE_URI;
			return new Settings(route, skip, proxy, tls && !skip ? caFile : null, limits);
		}
	}

	private final LinkedHashMap<Settings, Client> clients = new LinkedHashMap<>(16, 0.75f, true);

	/** Clients no longer kept that an exchange still holds: closed when the last one lets go. */
	private final Set<Client> leaving = new HashSet<>();

	private LoopResources loops;

	private boolean closed;

	/** No client, pool or thread yet: each is made at its first request. */
	public HttpClients() {
	}

	/** A client and its pool, and how many exchanges hold it now. */
	private static final class Client {

		final WebClient web;

		final ConnectionProvider pool;

		int users;

		boolean closed;

		Client(WebClient web, ConnectionProvider pool) {
			this.web = web;
			this.pool = pool;
		}

		/** Closes the pool once; its requests still running finish. */
		void close() {
			if (!closed) {
				closed = true;
				pool.disposeLater().subscribe();
			}
		}
	}

	/**
	 * A client lent to one exchange. The warm console's requests share these clients; one that
	 * makes a ninth set of settings must not close a pool another request is about to use, so a
	 * client past the limit is closed only when no exchange holds it.
	 */
	final class Lease {

		private final Client client;

		private boolean released;

		private Lease(Client client) {
			this.client = client;
		}

		WebClient web() {
			return client.web;
		}

		/** The exchange is over; a second call does nothing. */
		void release() {
			synchronized (HttpClients.this) {
				if (released) {
					return;
				}
				released = true;
				client.users--;
				if (client.users == 0 && leaving.remove(client)) {
					client.close();
				}
			}
		}

		/** Whether this client's pool was closed (for tests). */
		boolean poolClosed() {
			synchronized (HttpClients.this) {
				return client.closed;
			}
		}
	}

	/** The client for these settings, made on first use, lent until {@link Lease#release}. */
	synchronized Lease lease(Settings settings) {
		if (closed) {
			throw new IllegalStateException("the HTTP clients are closed");
		}
		Client client = clients.get(settings);
		if (client == null) {
			client = create(settings);
			clients.put(settings, client);
			if (clients.size() > KEPT) {
				Iterator<Client> oldest = clients.values().iterator();
				Client gone = oldest.next();
				oldest.remove();
				if (gone.users == 0) {
					gone.close();
				}
				else {
					leaving.add(gone);
				}
			}
		}
		client.users++;
		return new Lease(client);
	}

	private Client create(Settings settings) {
		Limits limits = settings.limits();
		ConnectionProvider pool = ConnectionProvider.builder("influx-shell")
			.maxConnections(limits.maxConnections())
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
		HttpClient http = HttpClient.create(pool)
			// the JDK's resolver: Netty's own DNS client reads resolver files and loads far more classes.
			// Named before runOn: runOn without a resolver caches a DNS resolver for these loops in a
			// static map of Reactor Netty's, which kept every closed client's loops (a daemon leak)
			.resolver(DefaultAddressResolverGroup.INSTANCE)
			.runOn(loops())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) limits.connectTimeout().toMillis())
			// a response's buffers, inflated ones above all, are plain heap arrays freed as soon as
			// they are let go: Netty's pools keep what a large body took (three refused bodies
			// inflating towards the size limit left a warm console at 840 MB), and the heap is given
			// back by the collector
			.option(ChannelOption.ALLOCATOR, UNPOOLED)
			.responseTimeout(limits.responseTimeout())
			.followRedirect(false)
			// as Go's transport does: a large token list travels compressed, and Netty inflates it
			.compress(true);
		Proxies.Proxy proxy = settings.proxy();
		if (settings.route() == Route.ABSOLUTE_URI) {
			// requests are addressed to the proxy; the request line names the server again
			http = http.doOnChannelInit((observer, channel, address) -> channel.pipeline()
				.addLast("influx-shell.absoluteUri", AbsoluteUri.INSTANCE));
		}
		else if (settings.route() == Route.TUNNEL) {
			// the server's name goes to the proxy unresolved, in the CONNECT: only the proxy may know it
			http = http.resolver(NoopAddressResolverGroup.INSTANCE).proxy(spec -> {
				ProxyProvider.Builder builder = spec.type(ProxyProvider.Proxy.HTTP)
					.host(proxy.host())
					.port(proxy.port())
					.connectTimeoutMillis(limits.connectTimeout().toMillis());
				if (proxy.user() != null) {
					// Netty sends them with the CONNECT itself, up front, as Go does
					builder.username(proxy.user()).password(user -> proxy.password());
				}
			});
		}
		if (settings.skipVerify()) {
			SslContext insecure = insecureContext();
			http = http.secure(ssl -> ssl.sslContext(insecure).handlerConfigurator(handler -> {
				SSLEngine engine = handler.engine();
				SSLParameters params = engine.getSSLParameters();
				params.setEndpointIdentificationAlgorithm(null);
				engine.setSSLParameters(params);
			}));
		}
		else if (settings.caFile() != null) {
			// the default handler configurator stays: it checks the host name against the certificate
			SslContext trusting = trustingContext(settings.caFile());
			http = http.secure(ssl -> ssl.sslContext(trusting));
		}
		WebClient web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
			.exchangeStrategies(strategies(limits.maxResponseSize())).build();
		return new Client(web, pool);
	}

	/**
	 * Turns the origin-form request line Reactor Netty writes ({@code GET /path}) into the
	 * absolute form a forward proxy expects ({@code GET http://host:port/path}), from the
	 * request's own {@code Host} header.
	 */
	@ChannelHandler.Sharable
	static final class AbsoluteUri extends ChannelOutboundHandlerAdapter {

		static final AbsoluteUri INSTANCE = new AbsoluteUri();

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (msg instanceof HttpRequest request && request.uri().startsWith("/")) {
				request.setUri("http://" + request.headers().get(HttpHeaderNames.HOST) + request.uri());
			}
			super.write(ctx, msg, promise);
		}
	}

	/**
	 * Text out, bytes in: bodies are parsed by the callers, so only these two codecs are needed
	 * (the default set costs start-up time and a search through every codec on each request); a
	 * body may be as large as influx.max-response-size (100,000 tokens are about 90 MB).
	 */
	private static ExchangeStrategies strategies(long maxResponseSize) {
		ByteArrayDecoder bytes = new ByteArrayDecoder();
		bytes.setMaxInMemorySize((int) Math.min(Integer.MAX_VALUE - 8, maxResponseSize));
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

	private static SslContext insecureContext() {
		try {
			return SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	private static SslContext trustingContext(CaFile caFile) {
		try {
			return SslContextBuilder.forClient().trustManager(caFile.trust()).build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	private LoopResources loops() {
		if (loops == null) {
			loops = LoopResources.create("influx-shell-http", 1, true);
		}
		return loops;
	}

	/**
	 * Closes every pool and the event loops at once: a console that ends has no requests to wait
	 * for. The warm console closes its shared instance when it stops.
	 */
	@Override
	public void close() {
		List<Client> open;
		LoopResources threads;
		synchronized (this) {
			closed = true;
			open = new ArrayList<>(clients.values());
			open.addAll(leaving);
			clients.clear();
			leaving.clear();
			threads = loops;
		}
		for (Client client : open) {
			client.pool.disposeLater().block(Duration.ofSeconds(1));
		}
		if (threads != null) {
			// no quiet period; the timeout is how long the threads get to stop (zero fails at once)
			threads.disposeLater(Duration.ZERO, Duration.ofSeconds(1)).block(Duration.ofSeconds(2));
		}
	}

	/** The settings of the clients kept now, least recently used first (for tests). */
	synchronized List<Settings> kept() {
		return List.copyOf(clients.keySet());
	}

	/** Whether the event loops were made (for tests). */
	synchronized Object eventLoops() {
		return loops;
	}
}
