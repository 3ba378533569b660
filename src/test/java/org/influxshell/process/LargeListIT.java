package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.influxshell.support.BenchStubProcess;
import org.influxshell.support.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with 100,000 tokens (about 90 MB of JSON), served by the benchmark's stub InfluxDB as
 * its own process: the whole list arrives, in ID order, and nothing is cut at a buffer limit.
 */
class LargeListIT {

	@TempDir
	Path home;

	@Test
	void listsOneHundredThousandTokens() throws Exception {
		try (BenchStubProcess stub = BenchStubProcess.start(100_000)) {
			int port = stub.port();
			Path out = home.resolve("list.txt");
			JarProcess.Result r = new JarProcess(home).runWithStdoutTo(out.toFile(), "auth", "list", "--hide-headers",
					"--host", "http://127.0.0.1:" + port, "-t", "any-token");
			assertThat(r.err()).isEmpty();
			assertThat(r.exit()).isZero();
			List<String> rows = Files.readAllLines(out);
			assertThat(rows).hasSize(100_000);
			assertThat(rows.get(0)).startsWith("0d099b627e605000\tbench token 0d099b627e605000\t");
			String last = String.format("0d0%013x", 0x99b627e605000L + 99_999);
			assertThat(rows.get(99_999)).isEqualTo(last + "\tbench token " + last + "\t\tbench\t0d09973ac7605000\t"
					+ "[write:orgs/9c5955fc99a60b8f/buckets]");
		}
	}
}
