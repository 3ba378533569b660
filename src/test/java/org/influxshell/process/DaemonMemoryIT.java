package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.influxshell.support.JarProcess;
import org.influxshell.support.Poll;

/**
 * The daemon lives long, so what one large request took must go back: after a warm list of
 * 100,000 tokens (about 90 MB of JSON, from the benchmark's stub InfluxDB in a process of its
 * own) its resident memory returns under 250 MB once the request is over.
 */
class DaemonMemoryIT {

	static final long LIMIT_KB = 250 * 1024;

	@TempDir
	Path home;

	JarProcess console;

	@AfterEach
	void stopDaemon() throws Exception {
		if (console != null) {
			console.run(null, "daemon", "stop");
		}
	}

	/** The resident set of a process, in kB, from {@code /proc/PID/status}. */
	static long rssKb(long pid) throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		throw new IllegalStateException("no VmRSS for " + pid);
	}

	@Test
	void theDaemonsMemoryReturnsAfterALargeRequest() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Process stub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dsun.net.httpserver.nodelay=true", "-Xmx1g", Path.of("bench", "StubInflux.java").toAbsolutePath().toString(),
				String.valueOf(port), "100000")
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader ready = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
			assertThat(ready.readLine()).isEqualTo("ready");
			console = new JarProcess(home);
			assertThat(console.run(null, "daemon", "start").exit()).isZero();
			long daemon = DaemonIT.pid(console);
			// the peak, for whoever reads the test's output: what there was to give back
			AtomicLong peak = new AtomicLong();
			ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
			sampler.scheduleAtFixedRate(() -> {
				try {
					peak.accumulateAndGet(rssKb(daemon), Math::max);
				}
				catch (Exception ex) {
					// the daemon is gone: the test says so below
				}
			}, 0, 50, TimeUnit.MILLISECONDS);
			JarProcess.Result r;
			try {
				r = console.runWithStdoutTo(home.resolve("list.txt").toFile(), "auth", "list", "--hide-headers",
						"--host", "http://127.0.0.1:" + port, "-t", "any-token");
			}
			finally {
				sampler.shutdownNow();
			}
			assertThat(r.exit()).as(r.err()).isZero();
			assertThat(Files.readAllLines(home.resolve("list.txt"))).hasSize(100_000);
			assertThat(DaemonIT.served(console)).isEqualTo(1);
			long ended = System.nanoTime();
			AtomicLong rss = new AtomicLong();
			Poll.until(Duration.ofSeconds(30), () -> {
				rss.set(rssKb(daemon));
				return rss.get() < LIMIT_KB;
			}, () -> "the daemon still holds " + rss.get() / 1024 + " MB");
			System.out.println("daemon memory: " + peak.get() / 1024 + " MB resident at most, " + rss.get() / 1024 + " MB "
					+ Duration.ofNanos(System.nanoTime() - ended).toMillis() + " ms after a warm list of 100,000 tokens");
		}
		finally {
			stub.getOutputStream().close();
			if (!stub.waitFor(10, TimeUnit.SECONDS)) {
				stub.destroyForcibly();
			}
		}
	}
}
