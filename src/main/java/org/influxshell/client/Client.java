package org.influxshell.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;

import jdk.net.ExtendedSocketOptions;

import org.influxshell.cli.UserHome;

/**
 * The warm console's client: JDK classes only, started by the launcher when the user's daemon
 * socket exists. It hands the daemon the command (arguments, working folder, environment, which
 * streams are terminals), writes what comes back to stdout and stderr, feeds stdin when the
 * command reads it, forwards Ctrl-C and SIGTERM, and exits with the command's code. When no
 * daemon of this build answers, or the daemon says the command must run cold, it runs the
 * launcher again, cold, on the same streams: the user sees no difference but the time. It sends
 * nothing to a daemon that does not run as this user. The protocol, which the native client
 * ({@code src/main/c/influx-shell-client.c}) follows as well: {@code src/main/c/PROTOCOL.md}.
 */
public final class Client {

	/** Set in the environment of the cold run the client hands over to: the launcher then never starts a client. */
	public static final String COLD_VARIABLE = "INFLUX_SHELL_COLD";

	private final OutputStream stdout = new FileOutputStream(FileDescriptor.out);

	private final OutputStream stderr = new FileOutputStream(FileDescriptor.err);

	private final Object sending = new Object();

	private DataOutputStream out;

	/**
	 * Whether the daemon began the command, anything reached the user's streams, or stdin was
	 * read: past that, a connection that ends is an error, never a cold run (unless the daemon
	 * itself says {@code COLD}). A daemon that dies before it has begun (stopped, idle, killed)
	 * leaves the command to a cold run; one that dies during it may have changed things already,
	 * and a second run would do them again.
	 */
	private volatile boolean started;

	public static void main(String[] args) {
		System.exit(new Client().run(args));
	}

	int run(String[] args) {
		Map<String, String> environment = System.getenv();
		DaemonFolder folder = DaemonFolder.of(environment, UserHome.of(environment, System.getProperty("user.home")));
		SocketChannel channel;
		try {
			if (folder.unusable() != null) {
				return cold(args);
			}
			channel = SocketChannel.open(StandardProtocolFamily.UNIX);
			channel.connect(UnixDomainSocketAddress.of(folder.socket()));
		}
		catch (IOException | RuntimeException ex) {
			// no daemon listens (a socket left behind), or it went away: cold, silently
			return cold(args);
		}
		String stranger = stranger(channel);
		if (stranger != null) {
			close(channel);
			if (!stranger.isEmpty()) {
				write(stderr, ("Warning: the process listening on " + folder.socket() + " runs as " + stranger + ", not as "
						+ System.getProperty("user.name") + ": the command runs without it\n").getBytes(StandardCharsets.UTF_8));
			}
			return cold(args);
		}
		try (channel) {
			return converse(channel, args, environment, folder);
		}
		catch (IOException ex) {
			if (!started) {
				return cold(args);
			}
			error(ex.getMessage() == null ? "the influx-shell daemon went away before the command ended"
					: "the influx-shell daemon went away before the command ended: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Who listens on the socket, when it is not this user: the folder check came before the
	 * connection, and the folder may have been swapped since. {@code null} for this user, the
	 * other user's name, or empty when the peer cannot be told (then nothing is sent either).
	 */
	private static String stranger(SocketChannel channel) {
		try {
			String peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user().getName();
			return peer.equals(System.getProperty("user.name")) ? null : peer;
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	private static void close(SocketChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// closed already
		}
	}

	private int converse(SocketChannel channel, String[] args, Map<String, String> environment, DaemonFolder folder)
			throws IOException {
		DataInputStream in = new DataInputStream(new BufferedInputStream(SocketStreams.input(channel), 1 << 16));
		out = new DataOutputStream(new BufferedOutputStream(SocketStreams.output(channel), 1 << 16));
		// (no lambdas nor string concatenation on this path: each first use costs the JVM milliseconds)
		Map<String, String> properties = new LinkedHashMap<>();
		for (String key : System.getProperties().stringPropertyNames()) {
			if (key.startsWith("influx.") || key.startsWith("spring.") || key.startsWith("logging.")) {
				properties.put(key, System.getProperty(key));
			}
		}
		String terminals = System.getProperty("influxshell.tty", "");
		Frames.Request request = new Frames.Request(DaemonFolder.identity(), List.of(args),
				System.getProperty("user.dir"), System.getProperty("user.home"), terminals, environment, properties);
		send(Frames.REQUEST, request.encode());
		Signals.handle("INT", new Forward("INT"));
		Signals.handle("TERM", new Forward("TERM"));
		StdinPump stdin = null;
		while (true) {
			Frames.Frame frame = Frames.read(in);
			if (frame == null) {
				if (!started) {
					return cold(args);
				}
				error("the influx-shell daemon went away before the command ended");
				return 1;
			}
			switch (frame.type()) {
				case Frames.BEGUN -> started = true;
				case Frames.STDOUT -> {
					started = true;
					String failure = "";
					try {
						stdout.write(frame.payload());
					}
					catch (IOException ex) {
						failure = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
					}
					send(Frames.ACK, failure.getBytes(StandardCharsets.UTF_8));
				}
				case Frames.STDERR -> {
					started = true;
					write(stderr, frame.payload());
				}
				case Frames.READ -> {
					started = true;
					if (stdin == null) {
						stdin = new StdinPump();
					}
					stdin.want(frame.number());
				}
				case Frames.EXIT -> {
					return frame.number();
				}
				case Frames.COLD -> {
					channel.close();
					if (!started) {
						retireStale(folder);
					}
					return cold(args);
				}
				default -> throw new IOException("unexpected frame '" + (char) frame.type() + "'");
			}
		}
	}

	/**
	 * Sent away before anything ran: when the daemon is of another build or runtime (built again,
	 * upgraded), it is asked to stop, so that only this run pays for it (with auto-start on, the
	 * cold run starts a current one), and the user is told in one line.
	 */
	private void retireStale(DaemonFolder folder) {
		String theirs = ask(folder, Frames.STATUS);
		String differs = theirs == null ? null : DaemonFolder.difference(theirs, DaemonFolder.identity());
		if (differs != null && ask(folder, Frames.STOP) != null) {
			write(stderr, ("Warning: the daemon listening on " + folder.socket() + " was of another " + differs
					+ ": it was asked to stop, and the command runs without it\n").getBytes(StandardCharsets.UTF_8));
		}
	}

	/** The first line of the daemon's answer to {@code STATUS} or {@code STOP} (its identity), or {@code null}. */
	private static String ask(DaemonFolder folder, byte what) {
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(folder.socket()));
			if (stranger(channel) != null) {
				return null;
			}
			Frames.write(new DataOutputStream(SocketStreams.output(channel)), what, new byte[0]);
			Frames.Frame reply = Frames.read(new DataInputStream(new BufferedInputStream(SocketStreams.input(channel))));
			if (reply == null || reply.type() != Frames.TEXT) {
				return null;
			}
			String text = reply.text();
			int eol = text.indexOf('\n');
			return eol < 0 ? text : text.substring(0, eol);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** Passes a signal on to the daemon. */
	private final class Forward implements Runnable {

		private final String name;

		Forward(String name) {
			this.name = name;
		}

		@Override
		public void run() {
			try {
				send(Frames.SIGNAL, name.getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				// the daemon is gone: the reading loop says so
			}
		}
	}

	private void send(byte type, byte[] payload) throws IOException {
		synchronized (sending) {
			Frames.write(out, type, payload);
		}
	}

	/** Reads stdin on a thread of its own, as much as the daemon asks for at a time. */
	private final class StdinPump implements Runnable {

		private final SynchronousQueue<Integer> wanted = new SynchronousQueue<>();

		private final InputStream stdin = new FileInputStream(FileDescriptor.in);

		StdinPump() {
			Thread t = new Thread(this, "stdin");
			t.setDaemon(true);
			t.start();
		}

		void want(int bytes) {
			try {
				wanted.put(bytes);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void run() {
			try {
				while (true) {
					int max = Math.min(wanted.take(), Frames.MAX_FRAME);
					byte[] buffer = new byte[Math.max(1, max)];
					int n;
					try {
						n = stdin.read(buffer);
					}
					catch (IOException ex) {
						n = -1;
					}
					send(Frames.STDIN, n <= 0 ? new byte[0] : Arrays.copyOf(buffer, n));
				}
			}
			catch (InterruptedException | IOException ex) {
				// the command ended, or the daemon went away
			}
		}
	}

	/**
	 * Runs the command cold: the launcher again, on the same streams, with the client left out.
	 * Ctrl-C reaches that run from the terminal itself; SIGTERM sent to the client is passed on.
	 */
	private int cold(String[] args) {
		String launcher = System.getProperty("influxshell.self");
		if (launcher == null) {
			error("cannot run the command cold: influxshell.self is not set (start the client with the launcher)");
			return 1;
		}
		ProcessBuilder builder = new ProcessBuilder();
		builder.command().add(launcher);
		builder.command().addAll(List.of(args));
		builder.environment().put(COLD_VARIABLE, "1");
		builder.inheritIO();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			error("cannot run " + launcher + ": " + ex.getMessage());
			return 1;
		}
		Signals.handle("INT", () -> {
		});
		Signals.handle("TERM", process::destroy);
		while (true) {
			try {
				return process.waitFor();
			}
			catch (InterruptedException ex) {
				// keep waiting: the run decides when it ends
			}
		}
	}

	private void error(String message) {
		write(stderr, ("Error: " + message + "\n").getBytes(StandardCharsets.UTF_8));
	}

	private static void write(OutputStream stream, byte[] bytes) {
		try {
			stream.write(bytes);
		}
		catch (IOException ex) {
			// stderr is gone: nothing else to tell it with
		}
	}
}
