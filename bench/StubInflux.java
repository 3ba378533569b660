import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in InfluxDB 2.7 for the benchmark: the authorizations endpoints and {@code /api/v2/me} on loopback, answering
 * with the server's shapes (tab-indented JSON without a trailing newline, build headers, pretty
 * error bodies), with N seeded tokens whose status really changes. Run as a separate process:
 * {@code java StubInflux.java PORT N [SECONDS [PORT_FILE]]}; it prints "ready" when it listens and
 * stops when stdin closes, or after SECONDS when given (the build's class-data training run uses
 * that). PORT 0 takes a free port; PORT_FILE, when given, then receives the port it took, written
 * whole at once, so that two builds at once never meet on one port.
 * Start it with {@code -Dsun.net.httpserver.nodelay=true}, or Nagle's algorithm adds 40 ms stalls.
 */
public class StubInflux {

	static final Map<String, String> STATUS = new ConcurrentSkipListMap<>();

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int n = Integer.parseInt(args[1]);
		for (int i = 0; i < n; i++) {
			STATUS.put(id(i), "active");
		}
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
		// handlers run on the dispatcher thread: no hand-off per request, the fastest this server gets
		server.setExecutor(null);
		server.createContext("/api/v2/authorizations", StubInflux::handle);
		// the caller is an operator of its own, not the user "bench" that owns the seeded tokens
		server.createContext("/api/v2/me", ex -> send(ex, 200, "{\n\t\"links\": {\n\t\t\"self\": \"/api/v2/users/0d09973ac7600001\"\n"
				+ "\t},\n\t\"id\": \"0d09973ac7600001\",\n\t\"name\": \"admin\",\n\t\"status\": \"active\"\n}"));
		// config status: /health answers 200 with its JSON, /ping 204 with the build headers only
		server.createContext("/health", ex -> send(ex, 200, "{\"name\":\"influxdb\", \"message\":\"ready for queries and writes\", "
				+ "\"status\":\"pass\", \"checks\":[], \"version\": \"v2.7.12\", \"commit\": \"ec9dcde5d6\"}\n"));
		server.createContext("/ping", ex -> {
			ex.getResponseHeaders().add("X-Influxdb-Build", "OSS");
			ex.getResponseHeaders().add("X-Influxdb-Version", "v2.7.12");
			ex.sendResponseHeaders(204, -1);
			ex.close();
		});
		server.start();
		if (args.length > 3) {
			Path file = Path.of(args[3]);
			Path part = Path.of(args[3] + ".part");
			Files.writeString(part, Integer.toString(server.getAddress().getPort()));
			Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
		}
		System.out.println("ready");
		System.out.flush();
		if (args.length > 2) {
			Thread.sleep(Long.parseLong(args[2]) * 1000);
		}
		else {
			while (System.in.read() >= 0) {
				// run until the benchmark closes our stdin
			}
		}
		server.stop(0);
		System.exit(0);
	}

	/** The i-th seeded ID: time-ordered like the server's. */
	static String id(int i) {
		return String.format("0d0%013x", 0x99b627e605000L + i);
	}

	static void handle(HttpExchange ex) throws IOException {
		String path = ex.getRequestURI().getPath();
		String method = ex.getRequestMethod();
		byte[] body = ex.getRequestBody().readAllBytes();
		if (!ex.getRequestHeaders().getOrDefault("Authorization", java.util.List.of("")).get(0).startsWith("Token ")) {
			send(ex, 401, "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}");
			return;
		}
		if (path.equals("/api/v2/authorizations") && method.equals("GET")) {
			StringBuilder list = new StringBuilder("{\n\t\"links\": {\n\t\t\"self\": \"/api/v2/authorizations\"\n\t},\n\t\"authorizations\": [");
			String sep = "\n";
			for (Map.Entry<String, String> e : STATUS.entrySet()) {
				list.append(sep).append(auth(e.getKey(), e.getValue()).replace("\n", "\n\t\t").replaceFirst("^", "\t\t"));
				sep = ",\n";
			}
			send(ex, 200, list.append("\n\t]\n}").toString());
			return;
		}
		String id = path.substring(path.lastIndexOf('/') + 1);
		String status = STATUS.get(id);
		if (status == null) {
			error(ex, 404, "not found", "authorization not found");
			return;
		}
		switch (method) {
			case "GET" -> send(ex, 200, auth(id, status));
			case "PATCH" -> {
				String text = new String(body, StandardCharsets.UTF_8);
				if (text.isEmpty()) {
					error(ex, 500, "internal error", "EOF");
					return;
				}
				String next = text.contains("\"inactive\"") ? "inactive" : "active";
				STATUS.put(id, next);
				send(ex, 200, auth(id, next));
			}
			case "DELETE" -> {
				STATUS.remove(id);
				ex.getResponseHeaders().add("X-Influxdb-Build", "OSS");
				ex.sendResponseHeaders(204, -1);
				ex.close();
			}
			default -> error(ex, 405, "method not allowed", "method not allowed");
		}
	}

	static String auth(String id, String status) {
		return "{\n\t\"id\": \"" + id + "\",\n\t\"token\": \"\",\n\t\"status\": \"" + status
				+ "\",\n\t\"description\": \"bench token " + id + "\",\n\t\"orgID\": \"9c5955fc99a60b8f\",\n\t\"org\": \"bench\",\n"
				+ "\t\"userID\": \"0d09973ac7605000\",\n\t\"user\": \"bench\",\n\t\"permissions\": [\n\t\t{\n\t\t\t\"action\": \"write\",\n"
				+ "\t\t\t\"resource\": {\n\t\t\t\t\"type\": \"buckets\",\n\t\t\t\t\"orgID\": \"9c5955fc99a60b8f\",\n\t\t\t\t\"org\": \"bench\"\n"
				+ "\t\t\t}\n\t\t}\n\t],\n\t\"links\": {\n\t\t\"self\": \"/api/v2/authorizations/" + id + "\",\n"
				+ "\t\t\"user\": \"/api/v2/users/0d09973ac7605000\"\n\t},\n\t\"createdAt\": \"2024-05-14T09:30:12.345871234Z\",\n"
				+ "\t\"updatedAt\": \"2024-05-14T09:30:12.345871234Z\"\n}";
	}

	static void error(HttpExchange ex, int status, String code, String message) throws IOException {
		ex.getResponseHeaders().add("X-Platform-Error-Code", code);
		send(ex, status, "{\n\t\"code\": \"" + code + "\",\n\t\"message\": \"" + message + "\"\n}");
	}

	static void send(HttpExchange ex, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		ex.getResponseHeaders().add("X-Influxdb-Build", "OSS");
		ex.getResponseHeaders().add("X-Influxdb-Version", "v2.7.12");
		ex.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = ex.getResponseBody()) {
			out.write(bytes);
		}
	}
}
