package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.influxshell.process.NativeClientIT.Client;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Needs;

/**
 * The attack on the warm console's socket: {@code XDG_RUNTIME_DIR} is a world-writable folder
 * without the sticky bit, so another user may rename the entries in it. That user (nobody) keeps
 * swapping the daemon's folder for a folder of its own with a listening socket, between a
 * client's check of the folder and its {@code connect()}, while 40 one-shots run with a secret
 * in {@code INFLUX_TOKEN}, through both clients. The clients ask who listens before they send
 * anything: the attacker receives nothing, and every run prints what a run without the daemon
 * prints (with one warning line when it met the attacker).
 */
class DaemonFolderSwapIT {

	static final Path PYTHON = Path.of("/usr/bin/python3");

	/**
	 * The attacker, as nobody: swaps the folders as fast as it can, accepts every connection and
	 * counts the bytes it receives; once the file {@code stop} appears it puts the folders back,
	 * reads what is still coming, and prints what it got.
	 */
	static final String ATTACKER = """
			import os, select, socket, sys
			xdg = sys.argv[1]
			real, evil, stash, stop = (os.path.join(xdg, n) for n in ('influx-shell', 'evil', 'stash', 'stop'))
			os.mkdir(evil, 0o700)
			s = socket.socket(socket.AF_UNIX)
			s.bind(os.path.join(evil, 'daemon.sock'))
			s.listen(64)
			conns, accepted, received, swaps, swapped, quiet = [], 0, 0, 0, False, 0
			print('ready', flush=True)
			while True:
			    done = os.path.exists(stop)
			    ready = select.select([s] + conns, [], [], 0.002)[0]
			    for x in ready:
			        if x is s:
			            conns.append(s.accept()[0])
			            accepted += 1
			        else:
			            b = x.recv(65536)
			            received += len(b)
			            if not b:
			                x.close()
			                conns.remove(x)
			    if done and not swapped:
			        quiet = 0 if ready else quiet + 1
			        if quiet > 100 and not conns:
			            break
			        continue
			    try:
			        if swapped:
			            os.rename(real, evil)
			            os.rename(stash, real)
			        else:
			            os.rename(real, stash)
			            os.rename(evil, real)
			            swaps += 1
			        swapped = not swapped
			    except OSError:
			        pass
			print('swaps %d connections %d bytes %d' % (swaps, accepted, received), flush=True)
			""";

	static final Pattern GOT = Pattern.compile("swaps (\\d+) connections (\\d+) bytes (\\d+)");

	@TempDir
	Path home;

	@Test
	void anotherUserSwappingFoldersReceivesNothingFrom40WarmRuns() throws Exception {
		Needs.root("the attacker runs as another user (nobody)");
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux) to run the attacker as nobody");
		assumeTrue(Files.isExecutable(PYTHON), "needs " + PYTHON + " for the attacker");
		Path xdg = Files.createTempDirectory(Path.of("/tmp"), "xdg-swap");
		Files.setPosixFilePermissions(xdg, PosixFilePermissions.fromString("rwxrwxrwx"));
		Process attacker = null;
		JarProcess console = new JarProcess(home).env("XDG_RUNTIME_DIR", xdg.toString());
		try {
			Result started = console.run(null, "daemon", "start");
			assertThat(started.exit()).as("daemon start: %s", started).isZero();
			Path script = Files.writeString(xdg.resolve("attacker.py"), ATTACKER);
			attacker = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", PYTHON.toString(),
					script.toString(), xdg.toString())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			BufferedReader said = new BufferedReader(new InputStreamReader(attacker.getInputStream(), StandardCharsets.UTF_8));
			assertThat(NativeClientIT.line(said)).isEqualTo("ready");

			Path socket = xdg.resolve("influx-shell/daemon.sock");
			String warning = "Warning: the process listening on " + socket
					+ " runs as nobody, not as root: the command runs without it\n";
			int warned = 0;
			for (int i = 0; i < 40; i++) {
				Client client = i % 2 == 0 ? Client.NATIVE : Client.JAVA;
				if (client == Client.NATIVE && !NativeClientIT.compiler()) {
					client = Client.JAVA;
				}
				Result r = client.in(home).env("XDG_RUNTIME_DIR", xdg.toString())
					.env("INFLUX_TOKEN", "secret-token-of-run-" + i)
					.run(null, "config", "list");
				assertThat(r.exit()).as("run %d: %s", i, r).isZero();
				assertThat(r.out()).as("run %d", i).isEqualTo("Active\tName\tURL\tOrg\n");
				assertThat(r.err()).as("run %d", i).isIn("", warning);
				if (!r.err().isEmpty()) {
					warned++;
				}
			}
			Files.createFile(xdg.resolve("stop"));
			String got = NativeClientIT.line(said);
			Matcher m = GOT.matcher(got);
			assertThat(m.matches()).as(got).isTrue();
			// what it did, for whoever reads the test's output: how often it won the race
			System.out.println("folder swap attack: " + got + ", " + warned + " of 40 runs warned");
			assertThat(Long.parseLong(m.group(1))).as("the attacker swapped the folders").isPositive();
			assertThat(Long.parseLong(m.group(3))).as("bytes the attacker received").isZero();
			assertThat(attacker.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			if (attacker != null && attacker.isAlive()) {
				attacker.destroy();
				attacker.waitFor(30, TimeUnit.SECONDS);
			}
			console.run(null, "daemon", "stop");
			try (Stream<Path> all = Files.walk(xdg)) {
				for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(p);
				}
			}
		}
	}
}
