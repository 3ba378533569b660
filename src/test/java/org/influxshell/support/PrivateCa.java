package org.influxshell.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A certificate authority of the test's own, made with the JDK's {@code keytool}: its certificate
 * as a PEM file ({@link #caPem()}), and server key stores whose certificates it signed, for
 * WireMock's HTTPS port. Nothing of it is trusted by the system: a client trusts it only when told
 * to ({@code --ca-cert}).
 */
public final class PrivateCa {

	public static final String PASSWORD = "changeit";

	private final Path dir;

	private final Path caStore;

	private final Path caPem;

	private PrivateCa(Path dir) {
		this.dir = dir;
		this.caStore = dir.resolve("ca.p12");
		this.caPem = dir.resolve("ca.pem");
	}

	/** The JDK's keytool beside the running Java, or the test is skipped. */
	static Path keytool() {
		Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		assumeTrue(Files.isExecutable(tool), "needs the JDK's keytool (" + tool + ")");
		return tool;
	}

	/** A new CA in {@code dir}; the test is skipped when the JDK has no keytool. */
	public static PrivateCa create(Path dir) throws IOException, InterruptedException {
		PrivateCa ca = new PrivateCa(dir);
		ca.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
				"-dname", "CN=influx-shell test CA", "-ext", "bc:c", "-ext", "KeyUsage=keyCertSign,cRLSign",
				"-keystore", ca.caStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
		ca.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.caStore.toString(), "-storepass", PASSWORD,
				"-file", ca.caPem.toString());
		return ca;
	}

	/** The CA's certificate, PEM. */
	public Path caPem() {
		return caPem;
	}

	/**
	 * A PKCS12 key store for a server whose certificate this CA signed for {@code san}
	 * ({@code dns:localhost,ip:127.0.0.1}), the chain to the CA included.
	 */
	public Path server(String name, String san) throws IOException, InterruptedException {
		Path store = dir.resolve(name + ".p12");
		Path csr = dir.resolve(name + ".csr");
		Path cert = dir.resolve(name + ".pem");
		keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
				"-dname", "CN=" + name, "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
		keytool("-certreq", "-alias", "server", "-keystore", store.toString(), "-storepass", PASSWORD, "-file",
				csr.toString());
		keytool("-gencert", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", PASSWORD, "-infile",
				csr.toString(), "-outfile", cert.toString(), "-rfc", "-validity", "30", "-ext", "SAN=" + san,
				"-ext", "KeyUsage=digitalSignature", "-ext", "ExtendedKeyUsage=serverAuth");
		keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", store.toString(),
				"-storepass", PASSWORD);
		keytool("-importcert", "-alias", "server", "-file", cert.toString(), "-keystore", store.toString(),
				"-storepass", PASSWORD);
		return store;
	}

	/** WireMock on a dynamic HTTPS port with this key store. */
	public static WireMockConfiguration https(Path serverStore) {
		return WireMockConfiguration.wireMockConfig()
			.dynamicPort()
			.dynamicHttpsPort()
			.keystorePath(serverStore.toString())
			.keystoreType("PKCS12")
			.keystorePassword(PASSWORD)
			.keyManagerPassword(PASSWORD);
	}

	private void keytool(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(keytool().toString());
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] out = p.getInputStream().readAllBytes();
		if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
			p.destroyForcibly();
			throw new IOException("keytool " + args[0] + " failed: " + new String(out, StandardCharsets.UTF_8));
		}
	}
}
