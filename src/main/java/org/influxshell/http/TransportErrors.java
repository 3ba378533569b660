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

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.netty.http.client.PrematureCloseException;

import org.influxshell.cli.Durations;

import org.springframework.core.io.buffer.DataBufferLimitException;

/** Names the cause of a failed request in a few words, with a hint where one helps. */
final class TransportErrors {

	private TransportErrors() {
	}

	/** @param maxResponseSize {@code influx.max-response-size} as written, to name it when a body passes it */
	static String describe(Throwable ex, Duration responseTimeout, String maxResponseSize) {
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

	/** Whether the request cannot have reached the server: no connection was ever made. */
	static boolean beforeSending(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConnectTimeoutException || t instanceof ConnectException
					|| t instanceof UnknownHostException || t instanceof SSLHandshakeException) {
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
