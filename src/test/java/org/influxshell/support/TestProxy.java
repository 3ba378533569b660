package org.influxshell.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A forward proxy for the process tests, run as its own process:
 * {@code java -cp test-classes org.influxshell.support.TestProxy USER:PASS NAME=ADDRESS}. It
 * maps the made-up host NAME to ADDRESS (loopback never goes through a proxy, so the tests need
 * a name only the proxy knows), asks for Basic credentials with a 407, forwards absolute-URI
 * requests, tunnels {@code CONNECT}, and prints one line per request it saw on stdout:
 * {@code GET http://influx.test:1234/... auth=ok}. It prints {@code ready PORT} when it listens and
 * stops when stdin closes.
 */
public final class TestProxy {

	private final String credentials;

	private final String name;

	private final String address;

	private TestProxy(String credentials, String name, String address) {
		this.credentials = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
		this.name = name;
		this.address = address;
	}

	public static void main(String[] args) throws Exception {
		String[] map = args[1].split("=", 2);
		TestProxy proxy = new TestProxy(args[0], map[0], map[1]);
		ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (true) {
				try {
					Socket client = server.accept();
					Thread t = new Thread(() -> proxy.serve(client));
					t.setDaemon(true);
					t.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
		System.out.println("ready " + server.getLocalPort());
		System.out.flush();
		while (System.in.read() >= 0) {
			// run until the test closes our stdin
		}
		server.close();
	}

	private synchronized void log(String line) {
		System.out.println(line);
		System.out.flush();
	}

	private void serve(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			OutputStream out = client.getOutputStream();
			while (true) {
				List<String> head = readHead(in);
				if (head.isEmpty()) {
					return;
				}
				String[] requestLine = head.get(0).split(" ");
				String auth = header(head, "Proxy-Authorization");
				boolean authorized = credentials.equals(auth);
				log(requestLine[0] + " " + requestLine[1] + " auth=" + (auth == null ? "none" : authorized ? "ok" : "wrong"));
				if (!authorized) {
					out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
							+ "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
					out.flush();
					continue;
				}
				if (requestLine[0].equals("CONNECT")) {
					String[] target = requestLine[1].split(":");
					Socket upstream = new Socket(map(target[0]), Integer.parseInt(target[1]));
					out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					out.flush();
					pipe(upstream.getInputStream(), out, upstream);
					in.transferTo(upstream.getOutputStream());
					upstream.close();
					return;
				}
				forward(requestLine, head, in, out);
				return;
			}
		}
		catch (IOException ex) {
			// the other side went away: nothing to forward any more
		}
	}

	private void forward(String[] requestLine, List<String> head, InputStream in, OutputStream out) throws IOException {
		java.net.URI uri = java.net.URI.create(requestLine[1]);
		try (Socket upstream = new Socket(map(uri.getHost()), uri.getPort() < 0 ? 80 : uri.getPort())) {
			StringBuilder request = new StringBuilder(requestLine[0] + " " + uri.getRawPath()
					+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n");
			int length = 0;
			for (String h : head.subList(1, head.size())) {
				String lower = h.toLowerCase();
				if (lower.startsWith("proxy-") || lower.startsWith("connection:")) {
					continue;
				}
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(h.substring(h.indexOf(':') + 1).strip());
				}
				request.append(h).append("\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			OutputStream up = upstream.getOutputStream();
			up.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			up.write(in.readNBytes(length));
			up.flush();
			upstream.getInputStream().transferTo(out);
			out.flush();
		}
	}

	private String map(String host) {
		return host.equals(name) ? address : host;
	}

	private static void pipe(InputStream from, OutputStream to, Socket owner) {
		Thread t = new Thread(() -> {
			try {
				from.transferTo(to);
				to.flush();
			}
			catch (IOException ex) {
				// the tunnel closed
			}
			finally {
				try {
					owner.close();
				}
				catch (IOException ex) {
					// already closed
				}
			}
		});
		t.setDaemon(true);
		t.start();
	}

	private static String header(List<String> head, String name) {
		for (String h : head) {
			if (h.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
				return h.substring(name.length() + 1).strip();
			}
		}
		return null;
	}

	/** The request line and headers, up to the blank line; empty at the end of the stream. */
	private static List<String> readHead(InputStream in) throws IOException {
		List<String> lines = new ArrayList<>();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0) {
			if (b == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
				line.reset();
				if (text.isEmpty()) {
					return lines;
				}
				lines.add(text);
			}
			else {
				line.write(b);
			}
		}
		return List.of();
	}
}
