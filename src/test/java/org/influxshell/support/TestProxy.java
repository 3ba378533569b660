package org.influxshell.support;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A forward proxy for the process tests, run as its own process:
 * {@code java -cp test-classes org.influxshell.support.TestProxy USER:PASS NAME=ADDRESS...}. It
 * maps each made-up host NAME to ADDRESS (loopback never goes through a proxy, so the tests need
 * names only the proxy knows), asks for Basic credentials with a 407 whose page, like some real
 * proxies' pages, quotes the credentials it was sent, forwards absolute-URI requests, tunnels
 * {@code CONNECT}, and prints one line per request it saw on stdout:
 * {@code GET http://influx.test:1234/... auth=ok}. It prints {@code ready PORT} when it listens and
 * stops when stdin closes.
 */
public final class TestProxy {

	private final String credentials;

	private final Map<String, String> names = new HashMap<>();

	private TestProxy(String credentials) {
		this.credentials = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	/** A proxy process started by a test: its port and the requests it saw, one line each. */
	public static final class Running implements AutoCloseable {

		private final Process process;

		private final int port;

		private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

		private Running(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		public int port() {
			return port;
		}

		/** The request lines seen so far: {@code GET http://influx.test:1234/... auth=ok}. */
		public List<String> seen() {
			synchronized (seen) {
				return List.copyOf(seen);
			}
		}

		/**
		 * Waits until the lines seen hold all of {@code expected} (the proxy prints a line before it
		 * answers, but the test reads it on another thread), then returns every line seen.
		 */
		public List<String> awaitSeen(String... expected) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			synchronized (seen) {
				while (!seen.containsAll(List.of(expected))) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						throw new AssertionError("the proxy did not see " + List.of(expected) + "; it saw " + seen);
					}
					TimeUnit.NANOSECONDS.timedWait(seen, left);
				}
				return List.copyOf(seen);
			}
		}

		private void add(String line) {
			synchronized (seen) {
				seen.add(line);
				seen.notifyAll();
			}
		}

		/** {@code http://USER:PASSWORD@127.0.0.1:PORT}, the user and password %-encoded as given. */
		public String url(String userInfo) {
			return "http://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + port;
		}

		@Override
		public void close() throws IOException, InterruptedException {
			process.getOutputStream().close();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	/**
	 * Starts a proxy process that asks for {@code credentials} ({@code USER:PASS}) and maps each
	 * {@code NAME=ADDRESS} of {@code names}; returns once it listens.
	 */
	public static Running start(String credentials, String... names) throws IOException, URISyntaxException {
		Path classes = Path.of(TestProxy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classes.toString(), TestProxy.class.getName(), credentials));
		command.addAll(List.of(names));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String ready = out.readLine();
		if (ready == null || !ready.startsWith("ready ")) {
			process.destroyForcibly();
			throw new IllegalStateException("the test proxy did not start: " + ready);
		}
		Running running = new Running(process, Integer.parseInt(ready.substring("ready ".length())));
		Thread reader = new Thread(() -> out.lines().forEach(running::add), "test-proxy-output");
		reader.setDaemon(true);
		reader.start();
		return running;
	}

	public static void main(String[] args) throws Exception {
		TestProxy proxy = new TestProxy(args[0]);
		for (String mapping : List.of(args).subList(1, args.length)) {
			String[] map = mapping.split("=", 2);
			proxy.names.put(map[0], map[1]);
		}
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
					byte[] page = refusal(auth).getBytes(StandardCharsets.UTF_8);
					out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
							+ "Content-Type: text/html\r\nContent-Length: " + page.length + "\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
					out.write(page);
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
		return names.getOrDefault(host, host);
	}

	/** A refusal page that quotes what it was sent, the decoded user and password included. */
	private static String refusal(String auth) {
		String sent = auth == null ? "nothing" : auth;
		if (auth != null && auth.startsWith("Basic ")) {
			sent += " (" + new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8) + ")";
		}
		return "<html><head><title>Access denied for " + sent + "</title></head><body>You sent " + sent
				+ "</body></html>\n";
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
