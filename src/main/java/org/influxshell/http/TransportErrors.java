package org.influxshell.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.netty.http.client.PrematureCloseException;

import org.influxshell.cli.Durations;

import org.springframework.core.io.buffer.DataBufferLimitException;

/** Names the cause of a failed request in a few words, with a hint where one helps. */
final class TransportErrors {

	private TransportErrors() {
	}

	/**
	 * @param maxResponseSize {@code influx.max-response-size} as written, to name it when a body passes it
	 * @param proxy the proxy the request went through, or {@code null}: failing to reach it, or a
	 *        tunnel it refused, is said to be the proxy's
	 */
	static String describe(Throwable ex, Duration responseTimeout, String maxResponseSize, Proxies.Proxy proxy) {
		if (proxy != null) {
			for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
				if (t instanceof ProxyConnectException refused) {
					return tunnelRefused(proxy, refused);
				}
				if (t instanceof ConnectTimeoutException || t instanceof ConnectException || t instanceof UnknownHostException) {
					return "cannot reach the proxy " + proxy + ": " + describe(t, responseTimeout, maxResponseSize, null);
				}
			}
		}
		boolean certificate = false;
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof CertificateException || t instanceof CertPathBuilderException
					|| t instanceof CertPathValidatorException) {
				certificate = true;
			}
		}
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof InterruptedException) {
				return "interrupted";
			}
			if (t instanceof DataBufferLimitException) {
				return "the response is larger than influx.max-response-size (" + maxResponseSize + ")";
			}
			if (t instanceof ConnectTimeoutException) {
				return "connection timed out";
			}
			if (t instanceof ConnectException) {
				return "connection refused";
			}
			if (t instanceof UnknownHostException) {
				return "unknown host";
			}
			if (t instanceof TimeoutException || t instanceof ReadTimeoutException
					|| t instanceof io.netty.handler.timeout.TimeoutException) {
				return "no response within " + Durations.text(responseTimeout);
			}
			if (t instanceof SSLException) {
				return certificate
						? "TLS certificate verification failed (" + firstLine(t) + "); use --skip-verify to accept an untrusted certificate"
						: "TLS handshake failed: " + firstLine(t);
			}
			if (t instanceof PrematureCloseException || t instanceof ClosedChannelException) {
				return "connection closed by the server before a complete response";
			}
			if (t instanceof IOException io && io.getMessage() != null && io.getMessage().contains("reset")) {
				return "connection reset by peer";
			}
		}
		return firstLine(ex);
	}

	/**
	 * A proxy's {@code 407}, or another refusal of a {@code CONNECT}, in plain words: never its
	 * page, which may quote the credentials it was sent.
	 */
	static String proxyRefused(Proxies.Proxy proxy, int status) {
		String answer = "(" + ApiErrors.statusLine(status) + ")";
		if (status != 407) {
			return "the proxy " + proxy + " refused to open a tunnel to the server " + answer;
		}
		return proxy.user() == null
				? "the proxy " + proxy + " asks for a user name and password " + answer
						+ "; give them in the proxy URL: http://USER:PASSWORD@HOST:PORT"
				: "the proxy " + proxy + " did not accept the user name and password of the proxy URL " + answer;
	}

	/** Netty says {@code "http, basic, /127.0.0.1:3128 => influx.test:443, status: 407 Proxy Authentication Required"}. */
	private static String tunnelRefused(Proxies.Proxy proxy, ProxyConnectException ex) {
		String message = ex.getMessage() == null ? "" : ex.getMessage();
		Matcher status = PROXY_STATUS.matcher(message);
		if (status.find()) {
			return proxyRefused(proxy, Integer.parseInt(status.group(1)));
		}
		if (message.endsWith(", timeout")) {
			return "the proxy " + proxy + " did not open a tunnel to the server in time";
		}
		return "the proxy " + proxy + " closed the connection before opening a tunnel to the server";
	}

	private static final Pattern PROXY_STATUS = Pattern.compile("status: (\\d{3})");

	/** Whether the request cannot have reached the server: no connection was ever made. */
	static boolean beforeSending(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConnectTimeoutException || t instanceof ConnectException
					|| t instanceof UnknownHostException || t instanceof SSLHandshakeException
					|| t instanceof ProxyConnectException) {
				return true;
			}
		}
		return false;
	}

	private static String firstLine(Throwable t) {
		String m = t.getMessage();
		if (m == null || m.isBlank()) {
			return t.getClass().getSimpleName();
		}
		int nl = m.indexOf('\n');
		return nl < 0 ? m : m.substring(0, nl);
	}
}
