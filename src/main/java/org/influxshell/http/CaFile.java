package org.influxshell.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.influxshell.cli.Digests;
import org.influxshell.cli.CliException;

/**
 * A PEM file of CA certificates trusted for one server in addition to the system's
 * ({@code --ca-cert}, {@code INFLUX_CA_CERT}, a profile's {@code ca-cert}). Two are equal when
 * they name the same file with the same content: an HTTP client made for one serves the other,
 * and a file changed on disk gets a client of its own. Nothing JVM-wide is changed: the trust is
 * that of the clients made from it.
 */
public final class CaFile {

	/** Larger than any bundle of CA certificates; a bigger file is not one. */
	private static final long MAX_SIZE = 4L << 20;

	private final String path;

	private final String sha256;

	private final byte[] pem;

	private CaFile(String path, String sha256, byte[] pem) {
		this.path = path;
		this.sha256 = sha256;
		this.pem = pem;
	}

	/**
	 * Reads the file and checks that it holds one or more PEM certificates that parse.
	 * @throws CliException a one-line failure naming the file: missing, unreadable, or no certificates
	 */
	public static CaFile check(Path file) {
		CaFile ca = load(file);
		ca.certificates();
		return ca;
	}

	/**
	 * Reads the file; its certificates are parsed when a client is made from it.
	 * @throws CliException a one-line failure naming the file: missing or unreadable
	 */
	static CaFile load(Path file) {
		String name = file.toString();
		byte[] pem;
		try {
			if (Files.isDirectory(file)) {
				throw bad(name, "is a folder, not a PEM file");
			}
			if (Files.size(file) > MAX_SIZE) {
				throw bad(name, "is larger than 4 MiB, too large for a PEM file of CA certificates");
			}
			pem = Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			throw bad(name, "does not exist");
		}
		catch (AccessDeniedException ex) {
			throw bad(name, "cannot be read: permission denied");
		}
		catch (IOException ex) {
			throw bad(name, "cannot be read: " + ex.getMessage());
		}
		return new CaFile(name, Digests.sha256(pem), pem);
	}

	private List<X509Certificate> certificates() {
		String name = path;
		String text = new String(pem, java.nio.charset.StandardCharsets.US_ASCII);
		if (!text.contains("-----BEGIN CERTIFICATE-----")) {
			throw bad(name, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
		}
		List<X509Certificate> found = new ArrayList<>();
		try {
			for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
				found.add((X509Certificate) c);
			}
		}
		catch (CertificateException ex) {
			throw bad(name, "is not a valid PEM file of certificates: " + firstLine(ex));
		}
		if (found.isEmpty()) {
			throw bad(name, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
		}
		return List.copyOf(found);
	}

	private static CliException bad(String name, String why) {
		return CliException.failure("CA certificate file " + name + " " + why);
	}

	private static String firstLine(Exception ex) {
		String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		int nl = m.indexOf('\n');
		return nl < 0 ? m : m.substring(0, nl);
	}

	/** The file as named. */
	public String path() {
		return path;
	}

	/** How many certificates it holds. */
	public int size() {
		return certificates().size();
	}

	/**
	 * Trust in the system's CA certificates (the JDK's default trust store) and in this file's: a
	 * key store of both, read by the default trust manager algorithm, for this client only.
	 */
	TrustManagerFactory trust() {
		try {
			TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			system.init((KeyStore) null);
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int n = 0;
			for (TrustManager tm : system.getTrustManagers()) {
				if (tm instanceof X509TrustManager x509) {
					for (X509Certificate c : x509.getAcceptedIssuers()) {
						store.setCertificateEntry("system-" + n++, c);
					}
				}
			}
			for (X509Certificate c : certificates()) {
				store.setCertificateEntry("ca-cert-" + n++, c);
			}
			TrustManagerFactory both = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			both.init(store);
			return both;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw CliException.failure("CA certificate file " + path + " cannot be used: " + firstLine(ex));
		}
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CaFile other && other.path.equals(path) && other.sha256.equals(sha256);
	}

	@Override
	public int hashCode() {
		return path.hashCode() * 31 + sha256.hashCode();
	}

	@Override
	public String toString() {
		return "CaFile[" + path + ", sha256 " + sha256.substring(0, 12) + "]";
	}
}
