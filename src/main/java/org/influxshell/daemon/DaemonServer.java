package org.influxshell.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.influxshell.cli.CliException;
import org.influxshell.cli.Durations;
import org.influxshell.client.DaemonFolder;
import org.influxshell.client.Frames;
import org.influxshell.client.Signals;
import org.influxshell.client.SocketStreams;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The daemon: listens on the user's socket, runs each client's command on a thread of its own
 * as a run of its own ({@link WarmConsole}), and exits after the idle timeout with
 * no request, on {@code daemon stop}, or on SIGTERM (finishing the requests in progress first).
 * It holds a lock on {@code daemon.lock} while it runs: the one test of "is a daemon running"
 * that a crash cannot fool. Only the user it runs as is served.
 */
public final class DaemonServer {

	/** How long a stopping daemon waits for the requests in progress before it exits all the same. */
	static final Duration FINISHING = Duration.ofSeconds(60);

	/** How often the daemon looks whether its own files were replaced or removed. */
	static final Duration FILES_CHECK = Duration.ofSeconds(2);

	/** How long the daemon waits, with no request, before it gives back the memory the last ones took. */
	static final Duration SETTLED = Duration.ofSeconds(1);

	private final DaemonFolder folder;

	private final Duration idleTimeout;

	private final WarmConsole console;

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicLong served = new AtomicLong();

	private final Instant started = Instant.now();

	private volatile long lastActivity = System.nanoTime();

	/**
	 * The full collections still to make since the last request ended: one at {@link #SETTLED},
	 * one at three times that (what the first still found reachable, a request's last buffers and
	 * run on their way out, is garbage by then).
	 */
	private final AtomicInteger collections = new AtomicInteger();

	private volatile ServerSocketChannel server;

	public DaemonServer(DaemonFolder folder, Duration idleTimeout, WarmConsole console) {
		this.folder = folder;
		this.idleTimeout = idleTimeout;
		this.console = console;
	}

	/**
	 * Serves until stopped or idle.
	 * @throws CliException when the folder cannot be used or another daemon runs
	 */
	public void serve() {
		try {
			folder.create();
		}
		catch (IOException ex) {
			throw CliException.failure("cannot use the daemon folder: " + ex.getMessage());
		}
		try (FileChannel lockFile = FileChannel.open(folder.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			FileLock lock = lockFile.tryLock();
			if (lock == null) {
				throw CliException.failure("a daemon is already running (" + folder.socket() + ")");
			}
			// a socket file left by a daemon that did not end cleanly: nobody holds the lock, so nobody listens
			Files.deleteIfExists(folder.socket());
			try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
				listening.bind(UnixDomainSocketAddress.of(folder.socket()));
				Files.setPosixFilePermissions(folder.socket(), PosixFilePermissions.fromString("rw-------"));
				server = listening;
				// the terminal that started it may go, and its Ctrl-C is not meant for the daemon
				Signals.handle("INT", () -> {
				});
				Signals.handle("HUP", () -> {
				});
				Signals.handle("TERM", this::stop);
				watchIdle();
				accept(listening);
			}
			finally {
				Files.deleteIfExists(folder.socket());
				awaitRequests();
			}
		}
		catch (IOException ex) {
			throw CliException.failure("the daemon cannot listen on " + folder.socket() + ": " + ex.getMessage());
		}
	}

	private void accept(ServerSocketChannel listening) throws IOException {
		while (true) {
			SocketChannel channel;
			try {
				channel = listening.accept();
			}
			catch (ClosedChannelException ex) {
				return;
			}
			if (!sameUser(channel)) {
				channel.close();
				continue;
			}
			lastActivity = System.nanoTime();
			Thread t = new Thread(() -> converse(channel), "influx-shell-request");
			t.setDaemon(true);
			t.start();
		}
	}

	private static boolean sameUser(SocketChannel channel) {
		try {
			UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
			return peer.user().getName().equals(System.getProperty("user.name"));
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

	/**
	 * One connection. Only a request counts as in progress, from the moment it arrives: a
	 * connection that sends nothing keeps the daemon neither from its idle exit nor from stopping.
	 */
	private void converse(SocketChannel channel) {
		boolean counted = false;
		try (channel) {
			DataInputStream in = new DataInputStream(new BufferedInputStream(SocketStreams.input(channel), 1 << 16));
			DataOutputStream out = new DataOutputStream(new BufferedOutputStream(SocketStreams.output(channel), 1 << 16));
			Frames.Frame first = Frames.read(in);
			if (first == null) {
				return;
			}
			switch (first.type()) {
				case Frames.REQUEST -> {
					active.incrementAndGet();
					counted = true;
					lastActivity = System.nanoTime();
					Frames.Request request = Frames.Request.decode(first.payload());
					if (!request.identity().equals(DaemonFolder.identity()) || !server.isOpen()) {
						// another build or runtime, or a daemon on its way out (idle, stopped) that
						// would not wait for it: its own cold run is the right answer
						Frames.write(out, Frames.COLD, new byte[0]);
						return;
					}
					new RequestRun(request, out).run(in, console, served::incrementAndGet);
				}
				case Frames.STATUS -> Frames.write(out, Frames.TEXT, status().getBytes(StandardCharsets.UTF_8));
				case Frames.STOP -> {
					Frames.write(out, Frames.TEXT, status().getBytes(StandardCharsets.UTF_8));
					stop();
				}
				default -> {
					// not a conversation this daemon knows
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
		finally {
			// a request's thread may still be interrupted from its reader: clear it for the next use
			Thread.interrupted();
			lastActivity = System.nanoTime();
			if (counted) {
				collections.set(2);
				active.decrementAndGet();
			}
		}
	}

	/** The first line: the identity; then what {@code daemon status} shows. */
	String status() {
		return DaemonFolder.identity() + "\n"
				+ "pid:          " + ProcessHandle.current().pid() + "\n"
				+ "version:      " + org.influxshell.cli.BuildInfo.version() + " (built " + org.influxshell.cli.BuildInfo.time() + ")\n"
				+ "java:         " + System.getProperty("java.home") + "\n"
				+ "socket:       " + folder.socket() + "\n"
				+ "started:      " + started + "\n"
				+ "requests:     " + served.get() + " served, " + active.get() + " in progress\n"
				+ "idle timeout: " + Durations.text(idleTimeout) + "\n";
	}

	/** Stops accepting; the requests in progress finish. */
	public void stop() {
		ServerSocketChannel s = server;
		if (s != null) {
			try {
				s.close();
			}
			catch (IOException ex) {
				// closed already
			}
		}
	}

	/**
	 * Stops the daemon once it has been idle for the idle timeout, or once its own files were
	 * replaced or removed (checked every {@link #FILES_CHECK}; a rebuild, an upgrade, a removal);
	 * gives back the memory requests took once none has run for {@link #SETTLED}, and what they left
	 * for later ones once it has outlived its use.
	 */
	private void watchIdle() {
		OwnFiles files = OwnFiles.ofThisProcess();
		Thread t = new Thread(() -> {
			long checked = System.nanoTime();
			while (server.isOpen()) {
				try {
					Thread.sleep(Math.min(1000, Math.max(10, idleTimeout.toMillis() / 4)));
				}
				catch (InterruptedException ex) {
					return;
				}
				if (active.get() == 0 && System.nanoTime() - lastActivity >= idleTimeout.toNanos()) {
					stop();
				}
				if (active.get() == 0 && console.letGo()) {
					// a completion list past its time: its memory goes back like a request's
					collections.compareAndSet(0, 1);
				}
				int left = collections.get();
				if (left > 0 && active.get() == 0
						&& System.nanoTime() - lastActivity >= (left == 2 ? SETTLED : SETTLED.multipliedBy(3)).toNanos()) {
					// what a large request took (a long token list, a large journal) goes back to the
					// system: a full collection shrinks the heap to the launcher's MaxHeapFreeRatio
					if (collections.compareAndSet(left, left - 1)) {
						System.gc();
					}
				}
				if (System.nanoTime() - checked >= FILES_CHECK.toNanos()) {
					checked = System.nanoTime();
					String changed = files.changed();
					if (changed != null) {
						System.err.println("the daemon stops: " + changed + " (it runs from the files it started with)");
						stop();
					}
				}
			}
		}, "influx-shell-idle");
		t.setDaemon(true);
		t.start();
	}

	private void awaitRequests() {
		long deadline = System.nanoTime() + FINISHING.toNanos();
		while (active.get() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}
}
