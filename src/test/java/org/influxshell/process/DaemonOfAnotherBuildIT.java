package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.influxshell.process.NativeClientIT.Client;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Needs;
import org.influxshell.support.Poll;

/**
 * A daemon of another runtime, so of another build to the client, is never used: {@code daemon
 * status} says what differs, a client that meets it asks it to stop and says so once (auto-start
 * then starts a current one), and {@code daemon start} replaces it. A daemon whose own files are
 * replaced or removed stops by itself, and the .deb's prerm stops the daemons that run from the
 * package's files. Only the development launcher can start a daemon of another runtime (it takes
 * Java from JAVA_HOME; the packaged one always runs its own runtime), so this class is not among
 * those that run again on the tarball's runtime.
 */
class DaemonOfAnotherBuildIT {

	/** Only stops a hang: a daemon notices its files within seconds, a console starts within a minute. */
	static final Duration LIMIT = Duration.ofSeconds(60);

	static final Result EMPTY_LIST = new Result(0, "Active\tName\tURL\tOrg\n", "");

	@TempDir
	Path home;

	final List<JarProcess> daemons = new ArrayList<>();

	final List<Path> links = new ArrayList<>();

	@AfterEach
	void stopDaemons() throws Exception {
		for (JarProcess d : daemons) {
			d.run(null, "daemon", "stop");
		}
		// (removed here: the temporary folder's clean-up warns about links that lead out of it)
		for (Path link : links) {
			Files.deleteIfExists(link);
		}
	}

	static void developmentLauncher() {
		assumeTrue(Files.exists(JarProcess.launcher().resolveSibling("influx-shell.jar")),
				"needs the development launcher: the packaged one always runs its own runtime");
	}

	/** Starts a daemon on {@code otherJdk} and returns its pid. */
	long startOther(Path otherJdk) throws Exception {
		JarProcess other = new JarProcess(home).env("JAVA_HOME", otherJdk.toString());
		daemons.add(other);
		Result started = other.run(null, "daemon", "start");
		assertThat(started.exit()).as("daemon start: %s", started).isZero();
		assertThat(started.out()).startsWith("the daemon is running (pid ");
		return DaemonIT.pid(other);
	}

	@Test
	void daemonStatusSaysWhatDiffersAndDaemonStartReplacesIt() throws Exception {
		developmentLauncher();
		Path otherJdk = Needs.otherJdk();
		JarProcess console = new JarProcess(home);
		daemons.add(console);
		long other = startOther(otherJdk);
		Result status = console.run(null, "daemon", "status");
		assertThat(status.exit()).isZero();
		assertThat(status.out().lines().limit(3)).containsExactly("running, of another runtime: this console does not use it",
				"its java:     " + otherJdk.toRealPath() + ", this console's " + System.getProperty("java.home"),
				"pid:          " + other);
		// daemon start replaces it with one of this build
		Result replaced = console.run(null, "daemon", "start");
		assertThat(replaced.err()).startsWith("stopping the daemon of another build (pid ");
		assertThat(replaced.out()).startsWith("the daemon is running (pid ");
		assertThat(DaemonIT.served(console)).isZero();
	}

	/**
	 * After a rebuild or an upgrade the user's daemon is of another build: the first command
	 * through either client asks it to stop, says so in one line and runs cold; with auto-start
	 * on, that run starts a current daemon, so the next command is warm and says nothing.
	 */
	@ParameterizedTest
	@EnumSource(Client.class)
	void aClientThatMeetsADaemonOfAnotherBuildRetiresItAndOnlyOneColdRunPays(Client client) throws Exception {
		developmentLauncher();
		Path otherJdk = Needs.otherJdk();
		long other = startOther(otherJdk);
		JarProcess console = client.in(home).env("INFLUX_DAEMON_AUTO_START", "true");
		daemons.add(console);
		Path socket = home.resolve("run/influx-shell/daemon.sock");
		assertThat(console.run(null, "config", "list")).isEqualTo(new Result(0, EMPTY_LIST.out(), "Warning: the daemon listening on "
				+ socket + " was of another runtime: it was asked to stop, and the command runs without it\n"));
		ProcessHandle old = ProcessHandle.of(other).orElse(null);
		if (old != null) {
			old.onExit().get(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
		}
		Poll.until("the cold run started a current daemon", LIMIT,
				() -> console.run(null, "daemon", "status").out().startsWith("running\n"));
		assertThat(console.run(null, "config", "list")).isEqualTo(EMPTY_LIST);
		assertThat(DaemonIT.served(console)).isEqualTo(1);
	}

	/**
	 * A copy of the development tree whose jar is a file of its own (the libraries and the
	 * clients are links), so that a test can replace or remove it under a daemon.
	 */
	Path copiedTree() throws Exception {
		Path launcher = JarProcess.launcher();
		Path copy = Files.createDirectory(home.resolve("tree"));
		Files.copy(launcher, copy.resolve("influx-shell"), StandardCopyOption.COPY_ATTRIBUTES);
		Files.copy(launcher.resolveSibling("influx-shell.jar"), copy.resolve("influx-shell.jar"));
		for (String name : List.of("lib", "influx-shell-client", "influx-shell-client.jar")) {
			if (Files.exists(launcher.resolveSibling(name))) {
				links.add(Files.createSymbolicLink(copy.resolve(name), launcher.resolveSibling(name)));
			}
		}
		return copy;
	}

	/** Starts a daemon from {@code tree} and returns its process. */
	ProcessHandle startFrom(Path tree) throws Exception {
		JarProcess console = new JarProcess(home).launcher(tree.resolve("influx-shell"));
		daemons.add(console);
		Result started = console.run(null, "daemon", "start");
		assertThat(started.exit()).as("daemon start: %s", started).isZero();
		return ProcessHandle.of(DaemonIT.pid(console)).orElseThrow();
	}

	/** A rebuild writes a new jar, a removal deletes it: either way the daemon goes by itself, and says why in its log. */
	@Test
	void aDaemonWhoseJarIsReplacedOrRemovedStopsByItself() throws Exception {
		developmentLauncher();
		Path tree = copiedTree();
		Path jar = tree.resolve("influx-shell.jar");
		Path log = home.resolve("run/influx-shell/daemon.log");

		ProcessHandle first = startFrom(tree);
		Path rebuilt = Files.copy(jar, tree.resolve("influx-shell.jar.new"));
		Files.move(rebuilt, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		first.onExit().get(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
		assertThat(Files.readString(log)).contains("the daemon stops: " + jar + " was replaced (it runs from the files it started with)\n");

		ProcessHandle second = startFrom(tree);
		Files.delete(jar);
		second.onExit().get(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
		assertThat(Files.readString(log)).contains("the daemon stops: " + jar + " was removed (it runs from the files it started with)\n");
		assertThat(home.resolve("run/influx-shell/daemon.sock")).doesNotExist();
	}

	/**
	 * The .deb's prerm, made for this tree's jar instead of /usr/lib's: on an upgrade it stops the
	 * daemon that runs from it; with none running it says nothing and succeeds.
	 */
	@Test
	void theDebsPrermStopsTheDaemonsOfThePackageAndNeverFails() throws Exception {
		developmentLauncher();
		Needs.program("dpkg-deb", "the .deb is made only where dpkg-deb is (Debian, Ubuntu)");
		Path target = JarProcess.launcher().getParent().getParent();
		Path deb;
		try (Stream<Path> debs = Files.list(target)) {
			deb = debs.filter(p -> p.getFileName().toString().endsWith("_amd64.deb")).findFirst().orElse(null);
		}
		assumeTrue(deb != null, "no .deb in " + target + ": verify makes it");
		Path control = home.resolve("control");
		Process extract = new ProcessBuilder("dpkg-deb", "-e", deb.toString(), control.toString()).inheritIO().start();
		assertThat(extract.waitFor()).isZero();
		Path tree = copiedTree();
		String prerm = Files.readString(control.resolve("prerm"))
			.replace("/usr/lib/influx-shell/app/influx-shell.jar", tree.resolve("influx-shell.jar").toString());
		Path script = Files.writeString(home.resolve("prerm"), prerm);

		Result none = DistributionIT.sh(home, "sh \"$1\" remove", script.toString());
		assertThat(none).isEqualTo(new Result(0, "", ""));
		ProcessHandle daemon = startFrom(tree);
		// a daemon of another installation (here the development tree, for another home) is left alone
		JarProcess elsewhere = new JarProcess(Files.createDirectory(home.resolve("elsewhere")));
		daemons.add(elsewhere);
		assertThat(elsewhere.run(null, "daemon", "start").exit()).isZero();
		long kept = DaemonIT.pid(elsewhere);
		assertThat(DistributionIT.sh(home, "sh \"$1\" upgrade 0.2.0", script.toString())).isEqualTo(new Result(0, "", ""));
		daemon.onExit().get(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
		assertThat(DaemonIT.pid(elsewhere)).isEqualTo(kept);
	}
}
