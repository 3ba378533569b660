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
import static org.awaitility.Awaitility.await;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.ok;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.influxshell.support.InfluxStub;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.PtySession;
import org.influxshell.support.StatefulTokens;

/**
 * The warm console through each of its two clients, the native one (built where the build had a
 * C compiler) and the JDK one: the same warm runs, compared byte for byte with cold ones; the
 * output written or refused as a cold run's; signals, stdin and terminals passed on; a daemon
 * that dies mid-command; once through a build of the native client with the address and
 * undefined-behaviour sanitizers; and neither client sends anything to a socket another user
 * listens on.
 */
class NativeClientIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(32))
		.build();

	static final String ORG = "9c5955fc99a60b8f";

	static final String CAROL = "0d09973ac7603000";

	static final String TOKEN_A = "0d099b627e605000";

	/** The client the launcher picks: the native one when it is there, or the JDK one when asked for. */
	enum Client {

		NATIVE, JAVA;

		/** A console in {@code home} that talks to its daemon through this client. */
		JarProcess in(Path home) {
			JarProcess p = new JarProcess(home);
			if (this == JAVA) {
				p.env("INFLUX_SHELL_CLIENT", "java");
			}
			else {
				assumeTrue(compiler(), "no C compiler (cc, gcc): the build made no native client");
				assertThat(nativeClient()).as("the build had a C compiler: the native client is there").isExecutable();
			}
			return p;
		}

		Map<String, String> env() {
			return this == JAVA ? Map.of("INFLUX_SHELL_CLIENT", "java") : Map.of();
		}
	}

	@TempDir
	Path home;

	final List<JarProcess> daemons = new ArrayList<>();

	@AfterEach
	void stopDaemons() throws Exception {
		for (JarProcess d : daemons) {
			d.run(null, "daemon", "stop");
		}
	}

	static boolean compiler() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
			if (Files.isExecutable(Path.of(dir, "cc")) || Files.isExecutable(Path.of(dir, "gcc"))) {
				return true;
			}
		}
		return false;
	}

	/** The folder of the launcher's jars: beside it (development), or {@code ../app} (packaged). */
	static Path app() {
		Path launcher = JarProcess.launcher();
		return Files.exists(launcher.resolveSibling("influx-shell.jar")) ? launcher.getParent()
				: launcher.getParent().resolveSibling("app");
	}

	static Path nativeClient() {
		return app().resolve("influx-shell-client");
	}

	String host() {
		return "http://localhost:" + server.getPort();
	}

	void startDaemon(JarProcess where) throws Exception {
		daemons.add(where);
		Result started = where.run(null, "daemon", "start");
		assertThat(started.exit()).as("daemon start: %s", started).isZero();
	}

	static long served(JarProcess where) throws Exception {
		Result status = where.run(null, "daemon", "status");
		Matcher m = Pattern.compile("requests: +(\\d+) served").matcher(status.out());
		assertThat(m.find()).as(status.out()).isTrue();
		return Long.parseLong(m.group(1));
	}

	/** Waits for a condition that a process brings about; the limit only stops a hang. */
	static void awaitThat(String what, java.util.concurrent.Callable<Boolean> condition) {
		await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(condition);
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
		}
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(listed))));
		server.stubFor(get("/api/v2/me").willReturn(ok("{\n\t\"id\": \"0d09973ac7600001\",\n\t\"name\": \"admin\"\n}")));
	}

	/** One step: stdin (or none), environment, arguments. */
	record Step(String stdin, Map<String, String> env, String... args) {
	}

	/** What the client itself reads: arguments (some not ASCII), stdin, the environment, -D options, errors. */
	List<Step> sample(Path folder) {
		String h = host();
		String opts = "-Duser.home=" + folder;
		return List.of(new Step(null, Map.of(), "config", "list"),
				new Step(null, Map.of(), "config", "create", "-n", "prod", "-u", h, "-t", "tok", "-o", "my-org", "-a"),
				new Step(null, Map.of(), "config", "create", "-n", "café ☕", "-u", "http://lab.example:8086", "-t", "t2",
						"-o", "lab-org"),
				new Step(null, Map.of(), "config", "list", "--json"), new Step(null, Map.of(), "config", "use", "nope"),
				new Step(null, Map.of(), "config", "rm", "café ☕"), new Step(null, Map.of(), "auth", "lst"),
				new Step(null, Map.of(), "auth", "list", "--hide-headers"),
				new Step(null, Map.of(), "auth", "inactive", "--id", TOKEN_A, "--hide-headers"),
				new Step(null, Map.of(), "auth", "active", "--id", TOKEN_A),
				new Step(null, Map.of(), "auth", "inactive", "--user", "carol", "--hide-headers"),
				new Step(null, Map.of(), "auth", "inactive", "--id", TOKEN_A, "--host", "http://127.0.0.1:9"),
				new Step(null, Map.of("INFLUX_HIDE_HEADERS", "true", "INFLUX_OUTPUT_JSON", "false"), "config", "list"),
				new Step(null, Map.of("INFLUX_ACTIVE_CONFIG", "nope"), "auth", "list"),
				// -D options as the client's JVM would take them: split on blanks, the last word wins
				new Step(null, Map.of("INFLUX_SHELL_JAVA_OPTS", opts + " -Dinflux.hide-headers=false\t-Dinflux.hide-headers=true"),
						"config", "list"),
				new Step(null, Map.of("INFLUX_SHELL_JAVA_OPTS", opts + "\n-Dinflux.configs-path=" + folder.resolve("elsewhere")),
						"config", "list", "--json"),
				new Step(null, Map.of(), "--help"), new Step(null, Map.of(), "version"),
				new Step("config list\nauth lst\nconfig list --json\n", Map.of()),
				new Step("config list --hide-headers\n".repeat(300), Map.of()),
				new Step(null, Map.of(), "@incident.influx"), new Step(null, Map.of(), "script", "missing.influx"));
	}

	/** Runs the sample in {@code folder} through {@code launcher}; each result with the folder's path written as HOME. */
	List<Result> runSample(Client client, Path folder, Path launcher) throws Exception {
		Files.writeString(folder.resolve("incident.influx"),
				"# the leaked one\nauth inactive --id " + TOKEN_A + " --hide-headers\nconfig lsit\n");
		List<Result> results = new ArrayList<>();
		for (Step step : sample(folder)) {
			JarProcess p = client.in(folder).launcher(launcher);
			step.env().forEach(p::env);
			Result r = p.run(step.stdin(), step.args());
			results.add(new Result(r.exit(), r.out().replace(folder.toString(), "HOME"),
					r.err().replace(folder.toString(), "HOME")));
		}
		return results;
	}

	void stubTokens() {
		StatefulTokens.stub(server, TOKEN_A, "telegraf writer", "my-user");
		carol(3, 0);
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(
				authorization(TOKEN_A, "", "active", "telegraf writer", "0d09973ac7600001", "my-user", ORG, "my-org",
						List.of()))))));
	}

	/** The sample cold, then warm through {@code client} from {@code launcher}'s folder; every step served warm. */
	void warmRunsAreColdRuns(Client client, Path launcher) throws Exception {
		stubTokens();
		Path coldHome = Files.createDirectory(home.resolve("cold"));
		Path warmHome = Files.createDirectory(home.resolve("warm"));
		List<Result> cold = runSample(client, coldHome, JarProcess.launcher());
		byte[] coldConfigs = Files.readAllBytes(coldHome.resolve(".influxdbv2/configs"));

		server.resetScenarios();
		JarProcess warm = new JarProcess(warmHome);
		startDaemon(warm);
		long before = served(warm);
		List<Result> warmResults = runSample(client, warmHome, launcher);
		long after = served(warm);
		List<Step> steps = sample(warmHome);
		for (int i = 0; i < cold.size(); i++) {
			assertThat(warmResults.get(i)).as("step %d: %s", i, List.of(steps.get(i).args())).isEqualTo(cold.get(i));
		}
		assertThat(Files.readAllBytes(warmHome.resolve(".influxdbv2/configs"))).isEqualTo(coldConfigs);
		assertThat(after - before).as("every step served by the daemon").isEqualTo(steps.size());
	}

	/**
	 * Without JAVA_HOME the native client finds the java on the PATH itself, its links followed, as
	 * the launcher does (which starts no process for it): the daemon that runs on it answers.
	 */
	@Test
	void withoutJavaHomeTheNativeClientFindsTheJavaOnThePath(@TempDir Path bin) throws Exception {
		assumeTrue(Files.exists(JarProcess.launcher().resolveSibling("influx-shell.jar")),
				"the development layout: a packaged console runs on its own runtime");
		Path java = Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
		try {
			JarProcess console = Client.NATIVE.in(home).env("JAVA_HOME", "").env("PATH", bin + ":/usr/bin:/bin");
			startDaemon(console);
			long before = served(console);
			Result listed = console.run(null, "config", "list");
			assertThat(listed.exit()).as(listed.err()).isZero();
			assertThat(served(console) - before).as("served by the daemon").isEqualTo(1);
		}
		finally {
			// a link out of the temporary folder: JUnit would warn when it deletes it
			Files.delete(java);
		}
	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void warmRunsThroughEitherClientAreColdRunsByteForByte(Client client) throws Exception {
		warmRunsAreColdRuns(client, JarProcess.launcher());
	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void aClosedPipeAFullDiskAndLeftoverStdinAreAColdRunsThroughEitherClient(Client client) throws Exception {
		JarProcess console = client.in(home);
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
		assertThat(coldFull).isEqualTo(new Result(1, "",
				"Error: cannot write the output: No space left on device; 1 token(s) inactivated: " + TOKEN_A + "\n"));
		// what the command does not read stays for the next process
		JarProcess loop = client.in(home).through("sh", "-c", "printf 'first\\nsecond\\n' | { \"$0\" \"$@\" > /dev/null; cat; }");
		assertThat(loop.run(null, "config", "list")).isEqualTo(new Result(0, "first\nsecond\n", ""));
		assertThat(served(console) - before).isEqualTo(3);
	}

	/**
	 * The client's stdin named any way, as a script: with extra slashes, by a relative path, through
	 * a link, or by a script's line. Warm, the daemon used to open its own stdin ({@code /dev/null})
	 * and run nothing with exit 0; now each reads the client's stdin, as the cold run does.
	 */
	@ParameterizedTest
	@EnumSource(Client.class)
	void stdinNamedAnyWayIsTheClientsThroughEitherClient(Client client) throws Exception {
		Files.createDirectories(home.resolve(".influxdbv2"));
		Files.writeString(home.resolve(".influxdbv2/configs"), "[p]\n  url = \"http://p:8086\"\n  active = true\n");
		Files.createSymbolicLink(home.resolve("stdin-link"), Path.of("/dev/stdin"));
		Files.createSymbolicLink(home.resolve("fds"), Path.of("//proc/self/fd"));
		Files.writeString(home.resolve("outer.influx"), "config list --hide-headers\nscript /dev/stdin\n");
		Files.writeString(home.resolve("fd.influx"), "script fds/0\n");
		String up = "../".repeat(home.getNameCount());
		List<Step> steps = List.of(new Step("config list\n", Map.of(), "@//dev/stdin"),
				new Step("config list --json\n", Map.of(), "@stdin-link"),
				new Step("config list\n", Map.of(), "@outer.influx"),
				new Step("config ls\n", Map.of(), "@fd.influx"),
				new Step("config list --hide-headers\n", Map.of(), "script", up + "dev/./fd/0"),
				new Step("config list\n", Map.of(), "--spring.shell.script=" + up + "proc//self/fd/0"),
				// commands on stdin, one of which runs stdin as a script: read by the daemon from the client
				new Step("script /dev/stdin\nconfig list\n", Map.of()));
		List<Result> cold = new ArrayList<>();
		for (Step step : steps) {
			cold.add(client.in(home).env("INFLUX_SHELL_COLD", "1").run(step.stdin(), step.args()));
		}
		String table = "Active\tName\tURL\t\tOrg\n*\tp\thttp://p:8086\t\n";
		assertThat(cold.get(0)).isEqualTo(new Result(0, table, ""));
		assertThat(cold.get(2)).isEqualTo(new Result(0, "*\tp\thttp://p:8086\t\n" + table, ""));
		JarProcess console = client.in(home);
		startDaemon(console);
		try {
			for (int i = 0; i < steps.size(); i++) {
				Step step = steps.get(i);
				assertThat(client.in(home).run(step.stdin(), step.args())).as("step %d: %s", i, List.of(step.args()))
					.isEqualTo(cold.get(i));
			}
		}
		finally {
			// (removed here: the temporary folder's clean-up warns about links that lead out of it)
			Files.delete(home.resolve("stdin-link"));
			Files.delete(home.resolve("fds"));
		}
	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void ctrlCAndSigtermReachABulkRunThroughEitherClient(Client client) throws Exception {
		carol(30, 300);
		JarProcess console = client.in(home);
		startDaemon(console);
		for (String signal : List.of("INT", "TERM")) {
			server.resetRequests();
			JarProcess.Running bulk = client.in(home).env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "tok")
				.start("auth", "inactive", "--user", "carol", "--hide-headers");
			awaitThat("ten changes under way", () -> server.findAll(patchRequestedFor(anyUrl())).size() >= 10);
			// the process the launcher became is the client asked for
			Path exe = Files.readSymbolicLink(Path.of("/proc", String.valueOf(bulk.pid()), "exe"));
			if (client == Client.NATIVE) {
				assertThat(exe).isEqualTo(nativeClient().toRealPath());
			}
			else {
				assertThat(exe.getFileName()).hasToString("java");
			}
			bulk.signal(signal);
			Result r = bulk.await(Duration.ofSeconds(30));
			assertThat(r.exit()).isEqualTo(signal.equals("INT") ? 130 : 143);
			Matcher summary = Pattern
				.compile("interrupted: (\\d+) inactivated, (\\d+) unknown \\(in flight\\), (\\d+) not started\n")
				.matcher(r.err());
			assertThat(summary.matches()).as("stderr is the summary alone: %s", r.err()).isTrue();
			assertThat(r.out().lines()).hasSize(Integer.parseInt(summary.group(1)));
		}
		assertThat(served(console)).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void aDaemonThatDiesDuringACommandIsAnErrorNeverASecondColdRunThroughEitherClient(Client client) throws Exception {
		String token = authorization(TOKEN_A, "", "active", "telegraf writer", "0d09973ac7600001", "my-user", ORG,
				"my-org", List.of());
		server.stubFor(get("/api/v2/authorizations/" + TOKEN_A).willReturn(ok(token)));
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete("/api/v2/authorizations/" + TOKEN_A)
			.willReturn(noContent().withFixedDelay(20_000)));
		JarProcess console = client.in(home);
		startDaemon(console);
		Result status = console.run(null, "daemon", "status");
		Matcher pid = Pattern.compile("pid: +(\\d+)").matcher(status.out());
		assertThat(pid.find()).as(status.out()).isTrue();
		JarProcess.Running deleting = client.in(home).env("INFLUX_HOST", host()).env("INFLUX_TOKEN", "tok")
			.start("auth", "delete", "--id", TOKEN_A);
		awaitThat("the DELETE under way", () -> !server.findAll(deleteRequestedFor(anyUrl())).isEmpty());
		assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow().destroyForcibly()).isTrue();
		assertThat(deleting.await(Duration.ofSeconds(30)))
			.isEqualTo(new Result(1, "", "Error: the influx-shell daemon went away before the command ended\n"));
		server.verify(1, getRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void terminalsArePassedOnAndAQuestionIsAskedByAColdRunThroughEitherClient(Client client) throws Exception {
		carol(3, 0);
		JarProcess console = client.in(home);
		startDaemon(console);
		long before = served(console);
		try (PtySession tty = PtySession.start(home, "auth delete --user carol --hide-headers --host " + host() + " -t tok",
				client.env())) {
			tty.await("Delete 3 tokens? [y/N] ", Duration.ofSeconds(30)).type("n\r");
			assertThat(tty.exitCode(Duration.ofSeconds(30))).isEqualTo(1);
			assertThat(tty.plain()).endsWith("Error: nothing deleted\n");
		}
		server.verify(0, deleteRequestedFor(anyUrl()));
		try (PtySession tty = PtySession.start(home, "config list", client.env())) {
			assertThat(tty.exitCode(Duration.ofSeconds(30))).isZero();
			assertThat(tty.plain()).isEqualTo("Active\tName\tURL\tOrg\n");
		}
		// both taken by the daemon: the first handed back to run cold where it could ask
		assertThat(served(console) - before).isEqualTo(2);
	}

	/**
	 * Someone else listens on the socket path (another user renamed their socket into the
	 * user's own, private folder): the client connects, asks who listens, says so in one line and
	 * runs the command cold, having sent nothing, not even the arguments.
	 */
	@ParameterizedTest
	@EnumSource(Client.class)
	void neitherClientSendsAnythingToASocketOfAnotherUser(Client client) throws Exception {
		assumeTrue("root".equals(System.getProperty("user.name")),
				"the other user's listener is started with setpriv, which needs root");
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is not installed");
		Path folder = Files.createDirectories(home.resolve("run/influx-shell"));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
		Path theirs = Files.createTempDirectory(Path.of("/tmp"), "other-user");
		Process listener = null;
		try {
			Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxrwxrwx"));
			listener = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "perl", "-e",
					"use Socket; socket(my $s, PF_UNIX, SOCK_STREAM, 0) or die \"socket: $!\\n\";"
							+ " bind($s, sockaddr_un($ARGV[0])) or die \"bind: $!\\n\"; listen($s, 8) or die \"listen: $!\\n\";"
							+ " $| = 1; print \"listening\\n\";"
							+ " while (accept(my $c, $s)) { my $n = 0; while (my $r = sysread($c, my $b, 65536)) { $n += $r }"
							+ " print \"received $n bytes\\n\"; close $c }",
					theirs.resolve("daemon.sock").toString())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			BufferedReader heard = new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));
			assertThat(line(heard)).isEqualTo("listening");
			Path socket = folder.resolve("daemon.sock");
			Files.move(theirs.resolve("daemon.sock"), socket, StandardCopyOption.ATOMIC_MOVE);

			Result r = client.in(home).env("INFLUX_TOKEN", "secret-token").run(null, "config", "list");
			assertThat(r).isEqualTo(new Result(0, "Active\tName\tURL\tOrg\n", "Warning: the process listening on " + socket
					+ " runs as nobody, not as root: the command runs without it\n"));
			assertThat(line(heard)).as("the client connected, asked, and sent nothing").isEqualTo("received 0 bytes");
		}
		finally {
			if (listener != null) {
				listener.destroy();
				listener.waitFor(30, TimeUnit.SECONDS);
			}
			Files.deleteIfExists(theirs.resolve("daemon.sock"));
			Files.delete(theirs);
		}
	}

	/** The next line the listener prints; the limit only stops a hang. */
	static String line(BufferedReader reader) throws Exception {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return reader.readLine();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).get(30, TimeUnit.SECONDS);
	}

	/**
	 * The native client built with the address and undefined-behaviour sanitizers (leaks too),
	 * in a copy of the launcher's folder: the sample through it is the cold runs byte for byte,
	 * so no sanitizer had anything to say.
	 */
	@Test
	void theSampleThroughASanitizedBuildOfTheNativeClientIsColdRunsByteForByte() throws Exception {
		assumeTrue(compiler(), "no C compiler (cc, gcc) to build the native client with sanitizers");
		Path launcher = JarProcess.launcher();
		assumeTrue(Files.exists(launcher.resolveSibling("influx-shell.jar")),
				"the sanitized client is tried in the development layout only");
		Path basedir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
		Path copy = Files.createDirectory(home.resolve("sanitized"));
		Process cc = new ProcessBuilder("sh", basedir.resolve("src/dist/build-client.sh").toString(),
				basedir.resolve("src/main/c/influx-shell-client.c").toString(),
				basedir.resolve("target/classes/META-INF/build-info.properties").toString(),
				copy.resolve("influx-shell-client").toString(), "-fsanitize=address,undefined", "-fno-sanitize-recover=all",
				"-fno-omit-frame-pointer", "-g")
			.redirectErrorStream(true)
			.start();
		String compiled = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(cc.waitFor()).as(compiled).isZero();
		assertThat(copy.resolve("influx-shell-client")).isExecutable();
		// the launcher's own copy (it finds its files beside its real path) and the application's files
		Files.copy(launcher, copy.resolve("influx-shell"), StandardCopyOption.COPY_ATTRIBUTES);
		List<String> linked = List.of("influx-shell.jar", "influx-shell-client.jar", "lib");
		try {
			for (String name : linked) {
				Files.createSymbolicLink(copy.resolve(name), launcher.resolveSibling(name));
			}
			warmRunsAreColdRuns(Client.NATIVE, copy.resolve("influx-shell"));
		}
		finally {
			// (removed here: the temporary folder's clean-up warns about links that lead out of it)
			for (String name : linked) {
				Files.deleteIfExists(copy.resolve(name));
			}
		}
	}
}
