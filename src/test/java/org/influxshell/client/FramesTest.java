package org.influxshell.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The request frame: what a client sends comes back whole; what no client sends is an IOException, nothing else. */
class FramesTest {

	@Test
	void aRequestComesBackAsItWasSent() throws IOException {
		Frames.Request request = new Frames.Request("id", List.of("auth", "list", "", "ünï"), "/w", "/h", "012",
				Map.of("INFLUX_TOKEN", "t", "EMPTY", ""), Map.of("influx.retries", "1"));
		assertThat(Frames.Request.decode(request.encode())).isEqualTo(request);
	}

	/** Such a payload used to throw IllegalArgumentException (or allocate what the count said) on the daemon's request thread, its stack trace in daemon.log. */
	@Test
	void aCountThePayloadCannotHoldIsABadRequest() throws IOException {
		for (int count : new int[] { -5, Integer.MAX_VALUE, 1_000_000 }) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(bytes);
			byte[] identity = "id".getBytes(StandardCharsets.UTF_8);
			out.writeInt(identity.length);
			out.write(identity);
			out.writeInt(count);
			out.flush();
			assertThatThrownBy(() -> Frames.Request.decode(bytes.toByteArray())).as("count %d", count)
				.isInstanceOf(IOException.class);
		}
	}
}
