package org.influxshell.shell;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.influxshell.cli.CliException;

/**
 * The lines of a script file or of stdin, read as a text file is: UTF-8, a byte-order mark at
 * the start ignored, lines ended by LF, CRLF or CR. Each line is decoded on its own, so that a
 * byte that is not UTF-8 is reported on its own line, after the lines before it were run. A line
 * is read as soon as it is complete, so commands piped in one by one run one by one.
 */
final class ScriptLines {

	/** Longest line read; a longer one is no command (a device such as {@code /dev/zero}, say). */
	static final int MAX_LINE = 1024 * 1024;

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private int number;

	private int pending = -1;

	ScriptLines(InputStream in) {
		this.in = new BufferedInputStream(in);
	}

	/** The number of the line {@link #next()} returned last. */
	int number() {
		return number;
	}

	/**
	 * The next line without its end, or {@code null} at the end of the input.
	 * @throws CliException for a line that is not UTF-8 or too long; {@link #number()} is its number
	 */
	String next() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b = pending >= 0 ? pending : in.read();
		pending = -1;
		if (b < 0) {
			return null;
		}
		number++;
		while (b >= 0 && b != '\n' && b != '\r') {
			if (line.size() == MAX_LINE) {
				throw CliException.failure("line is longer than " + MAX_LINE / (1024 * 1024) + " MiB");
			}
			line.write(b);
			b = in.read();
		}
		if (b == '\r') {
			int after = in.read();
			if (after != '\n') {
				pending = after;
			}
		}
		String text = decode(line.toByteArray());
		return number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private String decode(byte[] bytes) {
		ByteBuffer input = ByteBuffer.wrap(bytes);
		CharBuffer output = CharBuffer.allocate(bytes.length);
		decoder.reset();
		CoderResult result = decoder.decode(input, output, true);
		if (result.isError()) {
			throw CliException.failure(String.format("not UTF-8 text: byte 0x%02x at column %d", bytes[input.position()] & 0xff,
					input.position() + 1));
		}
		decoder.flush(output);
		return output.flip().toString();
	}
}
