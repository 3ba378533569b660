package org.influxshell.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where results go: stdout in UTF-8, every write checked. A {@code PrintStream} would swallow a
 * full disk or a closed pipe; here either becomes an {@link OutputException}.
 */
public final class ResultOutput {

	private final OutputStream stream;

	public ResultOutput(OutputStream stream) {
		this.stream = stream;
	}

	/**
	 * Writes {@code text} and flushes it.
	 * @throws OutputException when the bytes cannot be written
	 */
	public void write(String text) {
		try {
			stream.write(text.getBytes(StandardCharsets.UTF_8));
			stream.flush();
		}
		catch (IOException ex) {
			String reason = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			boolean closed = reason.contains("Broken pipe") || reason.contains("Stream closed");
			throw new OutputException(closed ? "the reader closed the pipe" : reason, closed, null, ex);
		}
	}
}
