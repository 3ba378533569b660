package org.influxshell.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's wire format, spoken over its Unix domain socket: frames of a type byte, a length
 * and that many bytes. A client opens with {@link #REQUEST} (a command), {@link #STATUS} or
 * {@link #STOP}; a request's output comes back as it is written, and the client answers every
 * {@link #STDOUT} frame with an {@link #ACK} (empty, or why the bytes could not be written), so a
 * closed pipe or a full disk fails the write in the daemon exactly where it would fail in a cold run.
 * The whole protocol, which both clients (this JDK one and the native one) and the daemon follow,
 * is written down in {@code src/main/c/PROTOCOL.md}.
 */
public final class Frames {

	/** Client: a command. Payload: see {@link Request}. */
	public static final byte REQUEST = 'R';

	/** Client: what is the daemon doing. Answered by {@link #TEXT}. */
	public static final byte STATUS = 'S';

	/** Client: stop when the requests in progress are done. Answered by {@link #TEXT}. */
	public static final byte STOP = 'Q';

	/** Client: bytes read from stdin, in answer to {@link #READ}; none means end of input. */
	public static final byte STDIN = 'I';

	/** Client: the {@link #STDOUT} bytes were written (empty), or why not (the error's message). */
	public static final byte ACK = 'A';

	/** Client: a signal the client received ({@code INT}, {@code TERM}). */
	public static final byte SIGNAL = 'G';

	/**
	 * Daemon: the command has begun (sent before it runs, after the checks that may send the
	 * client away with {@link #COLD}): from here on the connection ending without {@link #EXIT}
	 * is an error, never a reason to run the command again cold, for it may have changed things.
	 */
	public static final byte BEGUN = 'B';

	/** Daemon: bytes for stdout; the client answers with {@link #ACK}. */
	public static final byte STDOUT = 'O';

	/** Daemon: bytes for stderr. */
	public static final byte STDERR = 'E';

	/** Daemon: the command reads stdin; payload: the most bytes wanted (an int). */
	public static final byte READ = 'N';

	/** Daemon: the command ended; payload: its exit code (an int). */
	public static final byte EXIT = 'X';

	/** Daemon: run this command cold (it asks a question, starts the REPL, or the daemon is not yours). */
	public static final byte COLD = 'C';

	/** Daemon: a reply in words (status, stop). */
	public static final byte TEXT = 'T';

	/** The largest frame either side sends. */
	public static final int MAX_FRAME = 1 << 20;

	private Frames() {
	}

	/** One frame read. */
	public record Frame(byte type, byte[] payload) {

		public String text() {
			return new String(payload, StandardCharsets.UTF_8);
		}

		public int number() {
			return (payload[0] & 0xff) << 24 | (payload[1] & 0xff) << 16 | (payload[2] & 0xff) << 8 | payload[3] & 0xff;
		}
	}

	/** Reads one frame; {@code null} at the end of the stream. */
	public static Frame read(DataInputStream in) throws IOException {
		int type = in.read();
		if (type < 0) {
			return null;
		}
		int length = in.readInt();
		if (length < 0 || length > MAX_FRAME) {
			throw new IOException("bad frame length " + length);
		}
		byte[] payload = new byte[length];
		in.readFully(payload);
		return new Frame((byte) type, payload);
	}

	/** Writes one frame and flushes it; callers that share the stream hold its lock. */
	public static void write(DataOutputStream out, byte type, byte[] payload, int offset, int length)
			throws IOException {
		out.writeByte(type);
		out.writeInt(length);
		out.write(payload, offset, length);
		out.flush();
	}

	public static void write(DataOutputStream out, byte type, byte[] payload) throws IOException {
		write(out, type, payload, 0, payload.length);
	}

	public static byte[] number(int value) {
		return new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
	}

	/**
	 * A command for the daemon: who asks (the build and runtime, which must be the daemon's own),
	 * the arguments, the working and home folders, the whole environment, the {@code influx.*} and
	 * {@code spring.*} system properties given to the client's JVM, and which streams are terminals.
	 */
	public record Request(String identity, List<String> args, String folder, String home, String terminals,
			Map<String, String> environment, Map<String, String> properties) {

		public byte[] encode() throws IOException {
			java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(8192);
			DataOutputStream out = new DataOutputStream(bytes);
			string(out, identity);
			out.writeInt(args.size());
			for (String a : args) {
				string(out, a);
			}
			string(out, folder);
			string(out, home);
			string(out, terminals);
			map(out, environment);
			map(out, properties);
			out.flush();
			return bytes.toByteArray();
		}

		public static Request decode(byte[] payload) throws IOException {
			DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
			String identity = string(in);
			int count = count(in, payload.length);
			List<String> args = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				args.add(string(in));
			}
			return new Request(identity, args, string(in), string(in), string(in), map(in), map(in));
		}

		private static void string(DataOutputStream out, String s) throws IOException {
			byte[] b = s.getBytes(StandardCharsets.UTF_8);
			out.writeInt(b.length);
			out.write(b);
		}

		private static String string(DataInputStream in) throws IOException {
			int length = in.readInt();
			if (length < 0 || length > MAX_FRAME) {
				throw new IOException("bad string length " + length);
			}
			byte[] b = new byte[length];
			in.readFully(b);
			return new String(b, StandardCharsets.UTF_8);
		}

		private static void map(DataOutputStream out, Map<String, String> map) throws IOException {
			out.writeInt(map.size());
			for (Map.Entry<String, String> e : map.entrySet()) {
				string(out, e.getKey());
				string(out, e.getValue());
			}
		}

		/** A count of strings, each at least the 4 bytes of its length: more than the payload holds is no request. */
		private static int count(DataInputStream in, int payload) throws IOException {
			int count = in.readInt();
			if (count < 0 || count > payload / 4) {
				throw new IOException("bad count " + count);
			}
			return count;
		}

		private static Map<String, String> map(DataInputStream in) throws IOException {
			int count = in.readInt();
			if (count < 0) {
				throw new IOException("bad count " + count);
			}
			Map<String, String> map = new LinkedHashMap<>();
			for (int i = 0; i < count; i++) {
				map.put(string(in), string(in));
			}
			return map;
		}
	}
}
