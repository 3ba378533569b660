package org.influxshell.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on loopback that counts the connections made to it: each is piped to the
 * target port as it is. Shows whether a client opened a connection or reused one it had.
 */
public final class CountingForwarder implements AutoCloseable {

	private final ServerSocket listener;

	private final int target;

	private final AtomicInteger accepted = new AtomicInteger();

	private final List<Socket> open = new ArrayList<>();

	public CountingForwarder(int target) throws IOException {
		this.target = target;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "forwarder");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return listener.getLocalPort();
	}

	/** How many connections were made so far. */
	public int connections() {
		return accepted.get();
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
				accepted.incrementAndGet();
				synchronized (open) {
					open.add(client);
					open.add(server);
				}
				pipe(client, server);
				pipe(server, client);
			}
			catch (IOException ex) {
				// closed: the test is over
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		Thread t = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side went: the other is closed with it
			}
			finally {
				closeQuietly(to);
				closeQuietly(from);
			}
		}, "forwarder-pipe");
		t.setDaemon(true);
		t.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		listener.close();
		synchronized (open) {
			open.forEach(CountingForwarder::closeQuietly);
		}
	}
}
