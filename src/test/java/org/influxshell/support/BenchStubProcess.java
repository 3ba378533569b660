package org.influxshell.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's stand-in InfluxDB ({@code bench/StubInflux.java}) as a process of its own, with
 * this many seeded tokens: for the tests of large lists, whose bodies should not share a JVM with
 * the test. Ready when made; stops when closed.
 */
public final class BenchStubProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private BenchStubProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Starts the stub with {@code tokens} tokens and waits for it to say it listens. */
	public static BenchStubProcess start(int tokens) throws IOException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Process stub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dsun.net.httpserver.nodelay=true", "-Xmx1g", Path.of("bench", "StubInflux.java").toAbsolutePath().toString(),
				String.valueOf(port), String.valueOf(tokens))
			.redirectErrorStream(true)
			.start();
		BenchStubProcess running = new BenchStubProcess(stub, port);
		String first = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8)).readLine();
		if (!"ready".equals(first)) {
			running.close();
			throw new IllegalStateException("the stub did not start: " + first);
		}
		return running;
	}

	public int port() {
		return port;
	}

	/** The stub stops when its stdin closes. */
	@Override
	public void close() throws IOException {
		process.getOutputStream().close();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
