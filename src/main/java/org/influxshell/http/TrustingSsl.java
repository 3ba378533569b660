package org.influxshell.http;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** {@code --skip-verify} for the JDK's client: a TLS context that accepts any certificate. */
final class TrustingSsl {

	private TrustingSsl() {
	}

	static SSLContext context() {
		TrustManager any = new X509TrustManager() {
			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) {
				// --skip-verify: every certificate is accepted, as asked
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) {
				// --skip-verify: every certificate is accepted, as asked
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}
		};
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { any }, new SecureRandom());
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot set up TLS: " + ex.getMessage(), ex);
		}
	}
}
