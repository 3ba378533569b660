package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.ok;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.influxshell.support.CountingForwarder;
import org.influxshell.support.InfluxStub;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Needs;
import org.influxshell.support.Poll;
import org.influxshell.support.PtySession;
import org.influxshell.support.StatefulTokens;

/**
 * The warm console as a user meets it: real daemons and clients started by the launcher, each
 * test with its own daemon folder. Warm runs must be byte for byte what cold runs are; requests
 * run side by side, each with its own environment and configs file; a stale socket and a folder
 * of the wrong mode or owner are never used (nor a daemon of another build: DaemonOfAnotherBuildIT);
 * the daemon leaves when idle; Ctrl-C and SIGTERM reach the command; questions run cold; a list
 * fetched for one Tab serves the next Tabs of the same server and token.
 */
class DaemonIT {

	/** Holds the answers of the stubs that name it until the test lets them go. */
	static final class Held implements ResponseDefinitionTransformerV2 {

		private volatile CountDownLatch gate = new CountDownLatch(0);

		private final AtomicInteger waiting = new AtomicInteger();

		/** From now on, the answers are held. */
		void hold() {
			waiting.set(0);
			gate = new CountDownLatch(1);
		}

		/** Lets the held answers go, and those to come. */
		void release() {
			gate.countDown();
		}

		/** How many requests have come in since {@link #hold}. */
		int waiting() {
			return waiting.get();
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			waiting.incrementAndGet();
			try {
				// only stops a hang: the test lets go as soon as it has seen what it waits for
				gate.await(10, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return serveEvent.getResponseDefinition();
		}

		@Override
		public String getName() {
			return "held";
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}
	}

	static final Held HELD = new Held();

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(64).extensions(HELD))
		.build();

	/** Only stops a hang: a console starts, answers and ends within it even on a small, busy machine. */
	static final Duration LIMIT = Duration.ofSeconds(120);

	static final String ORG = "9c5955fc99a60b8f";

	static final String CAROL = "0d09973ac7603000";

	static final String TOKEN_A = "0d099b627e605000";

	@TempDir
	Path home;

	JarProcess console;

	final List<JarProcess> daemons = new ArrayList<>();

	@BeforeEach
	void setUp() {
		console = new JarProcess(home);
	}

	@AfterEach
	void stopDaemons() throws Exception {
		HELD.release();
		for (JarProcess d : daemons) {
			d.run(null, "daemon", "stop");
		}
	}

	/** Waits until the stub has seen a GET request. */
	static void awaitRequest() throws Exception {
		Poll.until("a GET request reaches the server", LIMIT, () -> !server.findAll(getRequestedFor(anyUrl())).isEmpty());
	}

	String host() {
		return "http://localhost:" + server.getPort();
	}

	Result startDaemon(JarProcess where) throws Exception {
		daemons.add(where);
		Result started = where.run(null, "daemon", "start");
		assertThat(started.exit()).as("daemon start: %s", started).isZero();
		assertThat(started.out()).startsWith("the daemon is running (pid ");
		return started;
	}

	/** How many requests the daemon has taken, from {@code daemon status}. */
	static long served(JarProcess where) throws Exception {
		Result status = where.run(null, "daemon", "status");
		assertThat(status.exit()).as("daemon status: %s", status).isZero();
		Matcher m = Pattern.compile("requests: +(\\d+) served").matcher(status.out());
		assertThat(m.find()).as(status.out()).isTrue();
		return Long.parseLong(m.group(1));
	}

	void carol(int n, int delayMs) {
		List<String> listed = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String id = String.format("0d099b627e7%05x", i);
			String active = authorization(id, "", "active", "bulk " + i, CAROL, "carol", ORG, "my-org", List.of());
			listed.add(active);
			server.stubFor(get("/api/v2/authorizations/" + id).willReturn(ok(active)));
			server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + id))
				.willReturn(ok(active.replace("\"active\"", "\"inactive\"")).withFixedDelay(delayMs)));
			server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete("/api/v2/authorizations/" + id)
				.willReturn(noContent()));
		}
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(listed))));
		server.stubFor(get("/api/v2/me").willReturn(ok("{\n\t\"id\": \"0d09973ac7600001\",\n\t\"name\": \"admin\"\n}")));
	}

	/** One step of the sample: stdin (or none), environment, arguments. */
	record Step(String stdin, Map<String, String> env, String... args) {
	}

	List<Step> sample() {
		String h = host();
		return List.of(new Step(null, Map.of(), "config", "list"),
				new Step(null, Map.of(), "config", "create", "-n", "prod", "-u", h, "-t", "tok", "-o", "my-org", "-a"),
				new Step(null, Map.of(), "config", "create", "-n", "lab", "-u", "http://lab.example:8086", "-t", "t2", "-o",
						"lab-org"),
				new Step(null, Map.of(), "config", "list", "--json"), new Step(null, Map.of(), "config", "use", "lab"),
				new Step(null, Map.of(), "config", "set", "-n", "lab", "-o", "org2"), new Step(null, Map.of(), "config"),
				new Step(null, Map.of(), "config", "use", "prod"), new Step(null, Map.of(), "config", "rm", "lab"),
				new Step(null, Map.of(), "config", "use", "nope"), new Step(null, Map.of(), "auth", "lst"),
				new Step(null, Map.of(), "auth", "list", "--hide-headers"),
				new Step(null, Map.of(), "auth", "inactive", "--id", TOKEN_A, "--hide-headers"),
				new Step(null, Map.of(), "auth", "list", "--id", TOKEN_A, "--json"),
				new Step(null, Map.of(), "auth", "active", "--id", TOKEN_A),
				new Step(null, Map.of(), "auth", "inactive", "--user", "carol", "--hide-headers"),
				new Step(null, Map.of(), "auth", "delete", "--user", "carol"),
				new Step(null, Map.of(), "auth", "inactive", "--id", TOKEN_A, "--host", "http://127.0.0.1:9"),
				new Step(null, Map.of(), "auth", "list", "-t", "-abc", "--id", TOKEN_A),
				new Step(null, Map.of("INFLUX_RESPONSE_TIMEOUT", "30"), "config", "list"),
				new Step(null, Map.of("INFLUX_ACTIVE_CONFIG", "nope"), "auth", "list"),
				new Step(null, Map.of("INFLUX_HIDE_HEADERS", "true", "INFLUX_OUTPUT_JSON", "false"), "config", "list"),
				new Step(null, Map.of(), "--help"), new Step(null, Map.of(), "auth", "inactive", "--help"),
				new Step(null, Map.of(), "version"),
				new Step("config list\nauth lst\nconfig list --json\n", Map.of()),
				new Step(null, Map.of(), "@incident.influx"),
				new Step(null, Map.of(), "--spring.shell.script=incident.influx"),
				new Step(null, Map.of(), "script", "missing.influx"));
	}

	/** Runs the sample in {@code where}; each result with the home folder's path written as HOME. */
	List<Result> runSample(JarProcess where, Path folder) throws Exception {
		Files.writeString(folder.resolve("incident.influx"),
				"# the leaked one\nauth inactive --id " + TOKEN_A + " --hide-headers\nconfig lsit\n");
		List<Result> results = new ArrayList<>();
		for (Step step : sample()) {
			JarProcess p = where;
			if (!step.env().isEmpty()) {
				p = new JarProcess(folder);
				step.env().forEach(p::env);
			}
			Result r = p.run(step.stdin(), step.args());
			results.add(new Result(r.exit(), r.out().replace(folder.toString(), "HOME"),
					r.err().replace(folder.toString(), "HOME")));
		}
		return results;
	}

	@Test
	void warmRunsPrintWriteAndExitExactlyAsColdRuns() throws Exception {
		StatefulTokens.stub(server, TOKEN_A, "telegraf writer", "my-user");
		carol(3, 0);
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(
				authorization(TOKEN_A, "", "active", "telegraf writer", "0d09973ac7600001", "my-user", ORG, "my-org",
						List.of()))))));

		Path coldHome = Files.createDirectory(home.resolve("cold"));
		Path warmHome = Files.createDirectory(home.resolve("warm"));
		List<Result> cold = runSample(new JarProcess(coldHome), coldHome);
		byte[] coldConfigs = Files.readAllBytes(coldHome.resolve(".influxdbv2/configs"));

		server.resetScenarios();
		JarProcess warm = new JarProcess(warmHome);
		startDaemon(warm);
		long before = served(warm);
		List<Result> warmResults = runSample(warm, warmHome);
		long after = served(warm);

		for (int i = 0; i < cold.size(); i++) {
			assertThat(warmResults.get(i)).as("step %d: %s", i, List.of(sample().get(i).args())).isEqualTo(cold.get(i));
		}
		assertThat(Files.readAllBytes(warmHome.resolve(".influxdbv2/configs"))).isEqualTo(coldConfigs);
		assertThat(Files.readAllLines(warmHome.resolve(".influxdbv2/influx-shell-journal.jsonl")))
			.hasSameSizeAs(Files.readAllLines(coldHome.resolve(".influxdbv2/influx-shell-journal.jsonl")));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(warmHome.resolve(".influxdbv2/configs"))))
			.isEqualTo("rw-------");
		// every step of the sample was answered by the daemon
		assertThat(after - before).isEqualTo(sample().size());
		// a sanity check that the sample did reach the server
		server.verify(getRequestedFor(urlEqualTo("/api/v2/authorizations/" + TOKEN_A)));
	}

	/**
	 * The daemon's HTTP clients outlive a request: the next request with equal connection settings
	 * reuses the connection the last one left open; other settings (a response timeout) get a
	 * connection of their own.
	 */
	@Test
	void warmRequestsReuseAConnectionOnlyWhenTheirSettingsAreEqual() throws Exception {
		StatefulTokens.stub(server, TOKEN_A, "telegraf writer", "my-user");
		try (CountingForwarder forwarder = new CountingForwarder(server.getPort())) {
			String host = "http://127.0.0.1:" + forwarder.port();
			startDaemon(console);
			long before = served(console);
			List<String> read = List.of("auth", "list", "--id", TOKEN_A, "--host", host, "-t", "tok", "--hide-headers");
			for (int i = 0; i < 3; i++) {
				Result r = console.run(null, read.toArray(String[]::new));
				assertThat(r.exit()).as("%s", r).isZero();
				assertThat(r.out()).startsWith(TOKEN_A + "\t");
			}
			assertThat(forwarder.connections()).isEqualTo(1);
			List<String> other = new ArrayList<>(read);
			other.add("--influx.response-timeout=7s");
			Result r = console.run(null, other.toArray(String[]::new));
			assertThat(r.exit()).as("%s", r).isZero();
			assertThat(forwarder.connections()).isEqualTo(2);
			assertThat(served(console) - before).isEqualTo(4);
		}
	}

	/**
	 * A shell asks the console at each Tab, each ask a run of its own: through the daemon, the
	 * list one Tab fetched serves the next Tabs for the same server and token, and a run with
	 * another token, or with reuse off, fetches its own. A cold run keeps nothing for the next.
	 */
	@Test
	void aListATabFetchedServesTheDaemonsNextTabsForTheSameServerAndToken() throws Exception {
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(
				authorization(TOKEN_A, "", "active", "telegraf writer", "0d09973ac7600001", "my-user", ORG, "my-org",
						List.of()),
				authorization("0d099b627e605001", "", "inactive", "", "0d09973ac7600001", "my-user", ORG, "my-org",
						List.of()))))));
		Result listed = new Result(0, TOKEN_A + "\ttelegraf writer (active)\n0d099b627e605001\tinactive\n", "");
		String[] tab = { "__complete", "--", "auth", "inactive", "--id", "" };
		// reuse far longer than any run takes, and a completion that waits for the server however busy the machine
		Function<String, JarProcess> tabs = token -> new JarProcess(home).env("INFLUX_HOST", host())
			.env("INFLUX_TOKEN", token).env("INFLUX_COMPLETION_REUSE", "10m").env("INFLUX_COMPLETION_TIMEOUT", "120s");

		// cold: each run is a process of its own, and fetches
		for (int i = 1; i <= 2; i++) {
			assertThat(tabs.apply("tok").env("INFLUX_SHELL_COLD", "1").run(null, tab)).as("cold run %d", i).isEqualTo(listed);
			server.verify(i, getRequestedFor(urlPathEqualTo("/api/v2/authorizations")));
		}
		server.resetRequests();

		startDaemon(console);
		long before = served(console);
		assertThat(tabs.apply("tok").run(null, tab)).isEqualTo(listed);
		assertThat(tabs.apply("tok").run(null, tab)).isEqualTo(listed);
		server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/authorizations")));
		// another token: another list
		assertThat(tabs.apply("other").run(null, tab)).isEqualTo(listed);
		server.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/authorizations")));
		server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/authorizations")).withHeader("Authorization",
				com.github.tomakehurst.wiremock.client.WireMock.equalTo("Token other")));
		// reuse off: the first token's list is fetched again
		assertThat(tabs.apply("tok").env("INFLUX_COMPLETION_REUSE", "0s").run(null, tab)).isEqualTo(listed);
		server.verify(3, getRequestedFor(urlPathEqualTo("/api/v2/authorizations")));
		server.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/authorizations")).withHeader("Authorization",
				com.github.tomakehurst.wiremock.client.WireMock.equalTo("Token tok")));
		// every Tab was answered by the daemon
		assertThat(served(console) - before).isEqualTo(4);
	}

	@Test
	void aClosedPipeAndAFullDiskEndWarmRunsAsTheyEndColdOnes() throws Exception {
		console.run(null, "config", "create", "-n", "prod", "-u", host(), "-t", "tok", "-o", "my-org", "-a");
		StatefulTokens.stub(server, TOKEN_A, "telegraf writer", "my-user");
		Result coldPipe = console.runWithClosedStdout("config", "list");
		Result coldFull = console.runWithStdoutTo(new File("/dev/full"), "auth", "inactive", "--id", TOKEN_A);
		server.resetScenarios();
		startDaemon(console);
		long before = served(console);
		assertThat(console.runWithClosedStdout("config", "list")).isEqualTo(coldPipe);
		assertThat(console.runWithStdoutTo(new File("/dev/full"), "auth", "inactive", "--id", TOKEN_A)).isEqualTo(coldFull);
		assertThat(coldPipe.exit()).isEqualTo(141);
		assertThat(coldFull.exit()).isEqualTo(1);
		assertThat(served(console) - before).isEqualTo(2);
	}

	@Test
	void requestsRunSideBySideEachWithItsOwnEnvironmentAndConfigsFile() throws Exception {
		startDaemon(console);
		// one slow request holds a thread of the daemon: its answer is held until the 30 requests
		// below have all been answered, however long they take
		String listed = authorization(TOKEN_A, "", "active", "telegraf writer", "0d09973ac7600001", "my-user", ORG,
				"my-org", List.of());
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(listed)))
			.withTransformers(HELD.getName())));
		HELD.hold();
		JarProcess slow = new JarProcess(home).env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "tok")
			.env("INFLUX_RESPONSE_TIMEOUT", "600s");
		JarProcess.Running held = slow.start("auth", "list", "--hide-headers");

		int clients = 6;
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Path configs = home.resolve("configs-" + i);
			Files.writeString(configs, "[p" + i + "]\n  url = \"http://host-" + i + ":8086\"\n  token = \"t" + i
					+ "\"\n  org = \"org-" + i + "\"\n  active = true\n");
			files.add(configs);
		}
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long started = System.nanoTime();
		try {
			List<Future<List<Result>>> runs = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				int n = i;
				runs.add(pool.submit(() -> {
					JarProcess p = new JarProcess(home).env("INFLUX_CONFIGS_PATH", files.get(n).toString())
						.env("INFLUX_HIDE_HEADERS", n % 2 == 0 ? "true" : "false");
					List<Result> mine = new ArrayList<>();
					for (int k = 0; k < 4; k++) {
						mine.add(p.run(null, "config", "list"));
					}
					mine.add(p.run(null, "config", "set", "-n", "p" + n, "-o", "changed-" + n));
					return mine;
				}));
			}
			for (int i = 0; i < clients; i++) {
				String row = "*\tp" + i + "\thttp://host-" + i + ":8086\torg-" + i + "\n";
				String header = i % 2 == 0 ? "" : "Active\tName\tURL\t\t\tOrg\n";
				List<Result> mine = runs.get(i).get();
				for (int k = 0; k < 4; k++) {
					assertThat(mine.get(k)).as("client %d run %d", i, k).isEqualTo(new Result(0, header + row, ""));
				}
				assertThat(mine.get(4).exit()).isZero();
				assertThat(Files.readString(files.get(i))).contains("org = \"changed-" + i + "\"")
					.contains("url = \"http://host-" + i + ":8086\"");
			}
		}
		finally {
			pool.shutdown();
		}
		Duration fast = Duration.ofNanos(System.nanoTime() - started);
		assertThat(held.isAlive()).as("the slow request was still running while %s requests were answered (%s)",
				clients * 5, fast).isTrue();
		HELD.release();
		assertThat(held.await(LIMIT))
			.isEqualTo(new Result(0, TOKEN_A + "\ttelegraf writer\t\tmy-user\t0d09973ac7600001\t[]\n", ""));
	}

	/** The daemon folder, made as a daemon makes it: private to the user. */
	Path daemonFolder() throws IOException {
		Path folder = home.resolve("run/influx-shell");
		Files.createDirectories(folder);
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
		return folder;
	}

	static final Result NO_PROFILES = new Result(0, "Active\tName\tURL\tOrg\n", "");

	@Test
	void aStaleSocketAndAFolderOfTheWrongModeAreNeverUsed() throws Exception {
		Path folder = daemonFolder();
		Path socket = folder.resolve("daemon.sock");
		Result expected = NO_PROFILES;

		// a socket left behind by a daemon that was killed: nobody listens
		try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			gone.bind(UnixDomainSocketAddress.of(socket));
		}
		assertThat(Files.exists(socket)).isTrue();
		assertThat(console.run(null, "config", "list")).isEqualTo(expected);
		Files.delete(socket);

		// someone listens, but in a folder others may enter: never asked
		try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			listener.bind(UnixDomainSocketAddress.of(socket));
			listener.configureBlocking(false);
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
			assertThat(console.run(null, "config", "list")).isEqualTo(expected);
			assertThat(listener.accept()).as("no client connected").isNull();
		}
	}

	@Test
	void aFolderOfAnotherOwnerIsNeverUsed() throws Exception {
		Needs.root("giving the daemon folder to another user");
		Path folder = daemonFolder();
		Path socket = folder.resolve("daemon.sock");
		// someone listens, but in a folder that is not the user's: never asked
		try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			listener.bind(UnixDomainSocketAddress.of(socket));
			listener.configureBlocking(false);
			Process chown = new ProcessBuilder("chown", "nobody", folder.toString()).inheritIO().start();
			assertThat(chown.waitFor()).isZero();
			assertThat(console.run(null, "config", "list")).isEqualTo(NO_PROFILES);
			assertThat(listener.accept()).as("no client connected").isNull();
			new ProcessBuilder("chown", "root", folder.toString()).inheritIO().start().waitFor();
		}
	}

	@Test
	void theDaemonLeavesAfterTheIdleTimeout() throws Exception {
		JarProcess idle = new JarProcess(home).env("INFLUX_DAEMON_IDLE_TIMEOUT", "1s");
		startDaemon(idle);
		assertThat(console.run(null, "config", "list").exit()).isZero();
		Path socket = home.resolve("run/influx-shell/daemon.sock");
		Poll.until("the idle daemon left", LIMIT, () -> !Files.exists(socket));
		assertThat(socket).doesNotExist();
		assertThat(console.run(null, "daemon", "status")).isEqualTo(new Result(1, "",
				"Error: no daemon is running (" + socket + ")\n"));
		assertThat(console.run(null, "config", "list").exit()).isZero();
	}

	@Test
	void autoStartStartsADaemonAfterTheFirstColdRun() throws Exception {
		JarProcess auto = new JarProcess(home).env("INFLUX_DAEMON_AUTO_START", "true");
		daemons.add(console);
		assertThat(auto.run(null, "config", "list")).isEqualTo(new Result(0, "Active\tName\tURL\tOrg\n", ""));
		Poll.until("a daemon answers", LIMIT, () -> console.run(null, "daemon", "status").exit() == 0);
		long before = served(console);
		assertThat(auto.run(null, "config", "list")).isEqualTo(new Result(0, "Active\tName\tURL\tOrg\n", ""));
		assertThat(served(console) - before).isEqualTo(1);
	}

	@Test
	void autoStartLeavesTheDaemonCommandsAloneWhereverTheirWordsStand() throws Exception {
		JarProcess auto = new JarProcess(home).env("INFLUX_DAEMON_AUTO_START", "true");
		daemons.add(console);
		Path socket = home.resolve("run/influx-shell/daemon.sock");
		// (--debug: the error's stack trace follows its line)
		Result debug = auto.run(null, "--debug", "daemon", "status");
		assertThat(debug.exit()).isEqualTo(1);
		assertThat(debug.err()).startsWith("Error: no daemon is running (" + socket + ")\n");
		assertThat(auto.run(null, "-c", "prod", "daemon", "status").exit()).isNotZero();
		// a daemon started after a cold run has its log opened before that run ends: none was started
		assertThat(socket.resolveSibling("daemon.log")).doesNotExist();
	}

	/** The daemon's pid, from {@code daemon status}. */
	static long pid(JarProcess where) throws Exception {
		Result status = where.run(null, "daemon", "status");
		Matcher m = Pattern.compile("pid: +(\\d+)").matcher(status.out());
		assertThat(m.find()).as(status.out()).isTrue();
		return Long.parseLong(m.group(1));
	}

	@Test
	void aDaemonThatDiesDuringACommandIsAnErrorNeverASecondColdRun() throws Exception {
		String token = authorization(TOKEN_A, "", "active", "telegraf writer", "0d09973ac7600001", "my-user", ORG,
				"my-org", List.of());
		server.stubFor(get("/api/v2/authorizations/" + TOKEN_A).willReturn(ok(token)));
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete("/api/v2/authorizations/" + TOKEN_A)
			.willReturn(noContent().withTransformers(HELD.getName())));
		HELD.hold();
		startDaemon(console);
		long daemon = pid(console);
		JarProcess.Running deleting = new JarProcess(home).env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "tok")
			.start("auth", "delete", "--id", TOKEN_A);
		// the DELETE is on its way (its answer held), nothing is printed yet: the daemon dies (killed, out of memory)
		Poll.until("the DELETE reaches the server", LIMIT, () -> HELD.waiting() > 0);
		assertThat(ProcessHandle.of(daemon).orElseThrow().destroyForcibly()).isTrue();
		Result r = deleting.await(LIMIT);
		HELD.release();
		// a second, cold run would have read the token again, deleted it again and said it was not found
		assertThat(r).isEqualTo(new Result(1, "", "Error: the influx-shell daemon went away before the command ended\n"));
		server.verify(1, getRequestedFor(anyUrl()));
	}

	/** What the daemon says of itself, asked over its socket as a client would (no console started). */
	String statusOverTheSocket() throws Exception {
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(home.resolve("run/influx-shell/daemon.sock")));
			org.influxshell.client.Frames.write(new java.io.DataOutputStream(java.nio.channels.Channels.newOutputStream(channel)),
					org.influxshell.client.Frames.STATUS, new byte[0]);
			return org.influxshell.client.Frames.read(new java.io.DataInputStream(java.nio.channels.Channels.newInputStream(channel)))
				.text();
		}
	}

	/**
	 * The client of a bulk change is killed while two changes wait for the server: the daemon
	 * stops the run at once, cancels the requests in flight and starts no other, journals only the
	 * changes the server confirmed, and answers the next command.
	 */
	@Test
	void aRunWhoseClientIsKilledStopsAtOnceAndJournalsOnlyWhatWasConfirmed() throws Exception {
		// the first two tokens change at once, the others only after a minute
		carol(8, 60_000);
		List<String> quick = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String id = String.format("0d099b627e7%05x", i);
			quick.add(id);
			server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + id)).willReturn(ok(authorization(id, "", "inactive",
					"bulk " + i, CAROL, "carol", ORG, "my-org", List.of()))));
		}
		startDaemon(console);
		JarProcess.Running bulk = new JarProcess(home).env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "tok")
			.spawn("auth", "inactive", "--user", "carol", "--hide-headers", "--influx.bulk-concurrency=2");
		Poll.until("two changes done and two waiting for the server", LIMIT,
				() -> server.findAll(patchRequestedFor(anyUrl())).size() >= 4);
		long killed = System.nanoTime();
		assertThat(ProcessHandle.of(bulk.pid()).orElseThrow().destroyForcibly()).isTrue();
		bulk.await(LIMIT);
		Poll.until(LIMIT, () -> statusOverTheSocket().contains(" 0 in progress\n"),
				() -> "the daemon still runs the request of a killed client");
		// for whoever reads the test's output: how long the daemon went on (two changes were in flight for a minute)
		System.out.println("a killed client's request ended in the daemon "
				+ Duration.ofNanos(System.nanoTime() - killed).toMillis() + " ms after the kill");
		// the next command is answered, and nothing more was sent for the killed one
		long before = served(console);
		assertThat(console.run(null, "config", "list")).isEqualTo(new Result(0, "Active\tName\tURL\tOrg\n", ""));
		assertThat(served(console) - before).isEqualTo(1);
		assertThat(server.findAll(patchRequestedFor(anyUrl()))).hasSize(4);
		List<String> journal = Files.readAllLines(home.resolve(".influxdbv2/influx-shell-journal.jsonl"));
		// the changes confirmed, then the line that marks the run as interrupted
		List<String> changes = journal.stream().filter(line -> !line.contains("\"action\":\"end\"")).toList();
		assertThat(changes.stream().map(line -> quick.stream().filter(line::contains).findFirst().orElse(line)))
			.containsExactlyInAnyOrderElementsOf(quick);
		assertThat(journal).hasSize(changes.size() + 1);
		assertThat(journal.get(journal.size() - 1)).contains("\"action\":\"end\"", "\"after\":\"interrupted\"");
	}

	@Test
	void aFileOfTheOpeningProcessIsTheClientsNotTheDaemons() throws Exception {
		Files.createDirectories(home.resolve(".influxdbv2"));
		Files.writeString(home.resolve(".influxdbv2/configs"), "[p]\n  url = \"http://p:8086\"\n  active = true\n");
		// /dev/stdin, /dev/fd/63 (bash's <(...)), /proc/self/...: the daemon would open its own
		List<Step> steps = List.of(new Step("config list\n", Map.of(), "@/dev/stdin"),
				new Step("config ls --json\n", Map.of(), "script", "/dev/stdin"),
				new Step("config list --hide-headers\n", Map.of(), "--spring.shell.script=/proc/self/fd/0"),
				new Step(null, Map.of(), "config", "list", "--configs-path", "/proc/self/cwd/.influxdbv2/configs"),
				new Step(null, Map.of("INFLUX_CONFIGS_PATH", "/dev/stdin"), "config", "list"));
		List<Result> cold = new ArrayList<>();
		for (Step step : steps) {
			JarProcess p = new JarProcess(home).env("INFLUX_SHELL_COLD", "1");
			step.env().forEach(p::env);
			cold.add(p.run(step.stdin(), step.args()));
		}
		assertThat(cold.get(0)).isEqualTo(new Result(0, "Active\tName\tURL\t\tOrg\n*\tp\thttp://p:8086\t\n", ""));
		startDaemon(console);
		long before = served(console);
		for (int i = 0; i < steps.size(); i++) {
			JarProcess p = new JarProcess(home);
			steps.get(i).env().forEach(p::env);
			assertThat(p.run(steps.get(i).stdin(), steps.get(i).args())).as("step %d", i).isEqualTo(cold.get(i));
		}
		// none of them was taken by the daemon: each ran cold, in the client's own process
		assertThat(served(console) - before).isZero();
	}

	@Test
	void aCommandWithOtherJvmOptionsThanTheDaemonsRunsColdWithThem() throws Exception {
		startDaemon(console);
		long before = served(console);
		Result expected = new Result(0, "Active\tName\tURL\tOrg\n", "");
		// a trust store, a time zone, a proxy of the JDK's: JVM-wide, so never borrowed from the daemon
		JarProcess other = new JarProcess(home).env("INFLUX_SHELL_JAVA_OPTS",
				"-Djavax.net.ssl.trustStore=" + home.resolve("corporate.p12"));
		assertThat(other.run(null, "config", "list")).isEqualTo(expected);
		assertThat(served(console) - before).isZero();
		assertThat(console.run(null, "config", "list")).isEqualTo(expected);
		assertThat(served(console) - before).isEqualTo(1);
	}

	@Test
	void theDaemonKeepsNoSecretOfTheShellThatStartedItNorItsFolder() throws Exception {
		JarProcess starter = new JarProcess(home).env("INFLUX_TOKEN", "secret-token-of-the-shell")
			.env("https_proxy", "http://user:secret-proxy-password@proxy.example:3128");
		startDaemon(starter);
		long pid = pid(console);
		String environment = Files.readString(Path.of("/proc", String.valueOf(pid), "environ"));
		assertThat(environment).doesNotContain("secret-token-of-the-shell").doesNotContain("secret-proxy-password")
			.contains("XDG_RUNTIME_DIR=" + home.resolve("run"));
		assertThat(Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd"))).isEqualTo(Path.of("/"));
		// and a request that brings them still has them
		Result r = new JarProcess(home).env("INFLUX_TOKEN", "-abc").run(null, "auth", "list", "--id", TOKEN_A, "--host",
				"http://127.0.0.1:9", "--http-debug");
		assertThat(r.err()).contains("Authorization: Token ***\n");
	}

	@Test
	void daemonStopWaitsForTheCommandsInProgressAndADaemonStartsAgainAtOnce() throws Exception {
		String listed = authorization(TOKEN_A, "", "active", "telegraf writer", "0d09973ac7600001", "my-user", ORG,
				"my-org", List.of());
		// longer than daemon start waits for a new daemon to answer: stop used to give up then, and say it had stopped
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(listed)))
			.withFixedDelay(26_000)));
		startDaemon(console);
		long daemon = pid(console);
		JarProcess.Running held = new JarProcess(home).env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "tok")
			.env("INFLUX_RESPONSE_TIMEOUT", "120s")
			.start("auth", "list", "--hide-headers");
		awaitRequest();
		assertThat(console.run(null, "daemon", "stop")).isEqualTo(new Result(0, "the daemon stopped (pid " + daemon + ")\n", ""));
		// (it lets go of its lock as the last thing before its JVM ends)
		ProcessHandle gone = ProcessHandle.of(daemon).orElse(null);
		if (gone != null) {
			gone.onExit().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
		}
		assertThat(held.await(LIMIT))
			.isEqualTo(new Result(0, TOKEN_A + "\ttelegraf writer\t\tmy-user\t0d09973ac7600001\t[]\n", ""));
		startDaemon(console);
	}

	@Test
	void aConnectionThatSendsNothingKeepsTheDaemonNeitherFromStoppingNorFromItsIdleExit() throws Exception {
		JarProcess idle = new JarProcess(home).env("INFLUX_DAEMON_IDLE_TIMEOUT", "1s");
		startDaemon(idle);
		Path socket = home.resolve("run/influx-shell/daemon.sock");
		try (SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			silent.connect(UnixDomainSocketAddress.of(socket));
			Poll.until("the idle daemon left", LIMIT, () -> !Files.exists(socket));
			assertThat(socket).as("the idle daemon left").doesNotExist();
		}
		startDaemon(console);
		try (SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			silent.connect(UnixDomainSocketAddress.of(socket));
			long started = System.nanoTime();
			assertThat(console.run(null, "daemon", "stop").out()).startsWith("the daemon stopped (pid ");
			// a stopping daemon waits a minute for requests in progress: the silent connection is none
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		}
	}

	static final Pattern SUMMARY = Pattern
		.compile("interrupted: (\\d+) inactivated, (\\d+) unknown \\(in flight\\), (\\d+) not started\n");

	void aForwardedSignalStopsTheRun(String signal, int exitCode) throws Exception {
		carol(30, 300);
		startDaemon(console);
		JarProcess run = new JarProcess(home).env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "tok");
		JarProcess.Running bulk = run.start("auth", "inactive", "--user", "carol", "--hide-headers");
		Poll.until("10 PATCH requests", LIMIT, () -> server.findAll(patchRequestedFor(anyUrl())).size() >= 10);
		bulk.signal(signal);
		Result r = bulk.await(LIMIT);
		assertThat(r.exit()).isEqualTo(exitCode);
		Matcher summary = SUMMARY.matcher(r.err());
		assertThat(summary.matches()).as("stderr is the summary alone: %s", r.err()).isTrue();
		int done = Integer.parseInt(summary.group(1));
		assertThat(done + Integer.parseInt(summary.group(2)) + Integer.parseInt(summary.group(3))).isEqualTo(30);
		assertThat(r.out().lines()).hasSize(done);
		// the daemon is still there for the next command
		assertThat(served(console)).isEqualTo(1);
	}

	@Test
	void ctrlCReachesABulkRunThroughTheDaemon() throws Exception {
		aForwardedSignalStopsTheRun("INT", 130);
	}

	@Test
	void sigtermReachesABulkRunThroughTheDaemon() throws Exception {
		aForwardedSignalStopsTheRun("TERM", 143);
	}

	@Test
	void ctrlCEndsACommandThatDoesNotWatchAtOnceWith130() throws Exception {
		startDaemon(console);
		ctrlCEndsACommandThatDoesNotWatch(new JarProcess(home));
	}

	/** The warm run's answer is the cold run's: it once said the server closed the connection (the shutdown hook closed the pool under it). */
	@Test
	void ctrlCEndsAColdCommandThatDoesNotWatchAtOnceWith130AndNothingSaid() throws Exception {
		ctrlCEndsACommandThatDoesNotWatch(new JarProcess(home).env("INFLUX_SHELL_COLD", "1"));
	}

	void ctrlCEndsACommandThatDoesNotWatch(JarProcess where) throws Exception {
		// the answer would come only after the response timeout (30 s) has ended the command
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of()))
			.withFixedDelay(60_000)));
		JarProcess.Running list = where.env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "tok").start("auth", "list");
		awaitRequest();
		long signalled = System.nanoTime();
		list.signal("INT");
		assertThat(list.await(LIMIT)).isEqualTo(new Result(130, "", ""));
		// at once: a console deaf to it would end at the response timeout, and with exit 1
		assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void aQuestionOnATerminalIsAskedByAColdRun() throws Exception {
		carol(3, 0);
		startDaemon(console);
		long before = served(console);
		Path out = home.resolve("deleted.txt");
		String line = "auth delete --user carol --hide-headers --host " + host() + " -t tok > '" + out + "'";
		try (PtySession tty = PtySession.start(home, line)) {
			tty.await("Delete 3 tokens? [y/N] ", LIMIT).type("n\r");
			assertThat(tty.exitCode(LIMIT)).isEqualTo(1);
			assertThat(tty.plain()).endsWith("Error: nothing deleted\n");
			assertThat(tty.plain().split("Delete 3 tokens", -1)).as("asked once").hasSize(2);
		}
		server.verify(0, deleteRequestedFor(anyUrl()));
		// the daemon took the request and handed it back
		assertThat(served(console) - before).isEqualTo(1);
		// a one-shot on the terminal that asks nothing stays warm
		try (PtySession tty = PtySession.start(home, "config list")) {
			assertThat(tty.exitCode(LIMIT)).isZero();
			assertThat(tty.plain()).isEqualTo("Active\tName\tURL\tOrg\n");
		}
		assertThat(served(console) - before).isEqualTo(2);
	}

	@Test
	void aPasswordThatMustBeAskedIsAskedByAColdRun() throws Exception {
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v2/signin")
			.withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Basic Ym9iOnR5cGVkLXNlY3JldA=="))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(204)
				.withHeader("Set-Cookie", "influxdb-oss-session=s; Path=/api/; HttpOnly")));
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations"))
			.withHeader("Cookie", com.github.tomakehurst.wiremock.client.WireMock.equalTo("influxdb-oss-session=s"))
			.willReturn(ok(InfluxStub.list(List.of(InfluxStub.alice("active", InfluxStub.SPEC_TOKEN))))));
		assertThat(console.run(null, "config", "create", "-n", "pw", "-u", host(), "-p", "bob", "-a").exit()).isZero();
		startDaemon(console);
		long before = served(console);
		try (PtySession tty = PtySession.start(home, "auth list --hide-headers")) {
			tty.await("Please provide your password: ", LIMIT).type("typed-secret\r");
			assertThat(tty.exitCode(LIMIT)).isZero();
			assertThat(tty.plain()).contains("0a6f1b2c3d4e5000\talice's Token\t").doesNotContain("typed-secret");
			assertThat(tty.plain().split("password", -1)).as("asked once").hasSize(2);
		}
		server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/api/v2/signin")));
		assertThat(served(console) - before).isEqualTo(1);
		// off a terminal nothing can be asked: the daemon answers, with the cold run's error
		Result piped = console.run(null, "auth", "list");
		assertThat(served(console) - before).isEqualTo(2);
		assertThat(piped.exit()).isEqualTo(1);
		assertThat(piped.err()).startsWith("Error: ");
	}

	@Test
	void stdinIsLeftForTheNextCommandWhenTheCommandDoesNotReadIt() throws Exception {
		startDaemon(console);
		JarProcess loop = new JarProcess(home).through("sh", "-c",
				"printf 'first\\nsecond\\n' | { \"$0\" \"$@\" > /dev/null; cat; }");
		assertThat(loop.run(null, "config", "list")).isEqualTo(new Result(0, "first\nsecond\n", ""));
		assertThat(served(console)).isEqualTo(1);
	}

	@Test
	void theReplAndTheDaemonCommandsAlwaysRunCold() throws Exception {
		startDaemon(console);
		long before = served(console);
		try (PtySession tty = PtySession.start(home, "")) {
			tty.await("influx-shell:default> ", LIMIT).type("exit\r");
			assertThat(tty.exitCode(LIMIT)).isZero();
		}
		assertThat(console.run(null, "daemon", "start").out()).startsWith("the daemon is already running (pid ");
		assertThat(served(console) - before).isZero();
		Result stopped = console.run(null, "daemon", "stop");
		assertThat(stopped.out()).startsWith("the daemon stopped (pid ");
		assertThat(home.resolve("run/influx-shell/daemon.sock")).doesNotExist();
		assertThat(console.run(null, "daemon", "stop")).isEqualTo(new Result(0, "no daemon is running\n", ""));
	}
}
