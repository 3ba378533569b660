package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Needs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configs file as users keep it, through the packaged launcher: linked from a dotfiles
 * folder, owned by another user and written by root, locked by another process, in a read-only
 * folder, bind-mounted on its own, or not a file at all. CI runs as root, and root may write
 * anywhere, so the permission cases run the console as {@code nobody} ({@code setpriv}) or with a
 * read-only bind mount of its own ({@code unshare -m}).
 */
class ConfigsFileProcessIT {

	static final String NOBODY = "65534";

	static final String ONE_PROFILE = """
			# mine: keep this
			[a]
			  url = "http://a:1"
			  token = "ta"
			  org = "oa"
			  active = true
			""";

	static final String B_TABLE = "\n[b]\n  url = \"http://b:1\"\n  token = \"\"\n  org = \"\"\n";

	/** A copy of the launcher that {@code nobody} can read, when the build folder is private. */
	static Path nobodysCopy;

	@TempDir
	Path home;

	/** A folder {@code nobody} can reach: JUnit's own are private to root. */
	Path shared;

	JarProcess console;

	Path configs;

	@BeforeEach
	void setUp() throws IOException {
		console = new JarProcess(home);
		configs = home.resolve(".influxdbv2/configs");
		shared = Files.createTempDirectory(Path.of("/tmp"), "configs-it");
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	@AfterEach
	void removeShared() throws IOException {
		delete(shared);
	}

	@AfterAll
	static void removeCopy() throws IOException {
		if (nobodysCopy != null) {
			delete(nobodysCopy.getParent());
		}
	}

	static void delete(Path dir) throws IOException {
		if (dir != null && Files.exists(dir)) {
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}

	/** Whether a mount namespace of its own can be had: root, and {@code unshare} there and allowed. */
	static boolean ownMountNamespace() throws Exception {
		return Needs.isRoot() && Needs.onPath("unshare") && run("unshare", "-m", "true") == 0;
	}

	static int run(String... command) throws Exception {
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start().waitFor();
	}

	/** The console run as {@code nobody}, from a launcher that user can read. */
	JarProcess asNobody() throws Exception {
		Needs.root("running the console as another user");
		Needs.program("setpriv", "util-linux's setpriv runs the console as another user");
		return new JarProcess(home).in(shared).launcher(launcherForNobody())
			.through("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
	}

	static synchronized Path launcherForNobody() throws Exception {
		Path launcher = JarProcess.launcher();
		if (run("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "sh", "-c",
				"test -x \"$0\" && test -r \"$1\"", launcher.toString(),
				launcher.resolveSibling("influx-shell.jar").toString()) == 0) {
			return launcher;
		}
		if (nobodysCopy == null) {
			Path dist = Files.createTempDirectory(Path.of("/tmp"), "influx-shell-dist").resolve("influx-shell");
			try (Stream<Path> files = Files.walk(launcher.getParent())) {
				for (Path from : files.filter(p -> !p.toString().endsWith(".jsa")).toList()) {
					Path to = dist.resolve(launcher.getParent().relativize(from).toString());
					Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
			try (Stream<Path> files = Files.walk(dist.getParent())) {
				for (Path p : files.toList()) {
					Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
							Files.isDirectory(p) || p.getFileName().toString().equals("influx-shell") ? "rwxr-xr-x" : "rw-r--r--"));
				}
			}
			nobodysCopy = dist.resolve(launcher.getFileName().toString());
		}
		return nobodysCopy;
	}

	static List<String> names(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void aLinkedConfigsFileIsWrittenThroughAndStaysALink() throws Exception {
		Path dotfiles = Files.createDirectories(home.resolve("dotfiles"));
		Path target = dotfiles.resolve("influx-configs");
		Files.writeString(target, ONE_PROFILE);
		Files.createDirectories(configs.getParent());
		Files.createSymbolicLink(configs, Path.of("../dotfiles/influx-configs"));

		assertThat(console.run(null, "config", "create", "-n", "b", "-u", "http://b:1").exit()).isZero();
		assertThat(Files.isSymbolicLink(configs)).isTrue();
		assertThat(Files.readString(target)).isEqualTo(ONE_PROFILE + B_TABLE);
		assertThat(names(dotfiles)).containsExactly("influx-configs");
		assertThat(names(configs.getParent())).containsExactly("configs", "configs.lock");
	}

	@Test
	void rootWritingAnotherUsersFileKeepsItsOwnerGroupAndMode() throws Exception {
		Needs.root("writing another user's file");
		Files.createDirectories(configs.getParent());
		Files.writeString(configs, ONE_PROFILE);
		for (Path p : List.of(configs.getParent(), configs)) {
			Files.setAttribute(p, "unix:uid", 4242);
			Files.setAttribute(p, "unix:gid", 4343);
		}
		Files.setPosixFilePermissions(configs, PosixFilePermissions.fromString("rw-r-----"));

		assertThat(console.run(null, "config", "create", "-n", "b", "-u", "http://b:1").exit()).isZero();
		assertThat(console.run(null, "config", "use", "b").exit()).isZero();
		assertThat(Files.readString(configs)).contains("[b]", "previous = true");
		for (Path p : List.of(configs, configs.resolveSibling("configs.lock"))) {
			assertThat(List.of(Files.getAttribute(p, "unix:uid"), Files.getAttribute(p, "unix:gid"))).as(p.toString())
				.containsExactly(4242, 4343);
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configs))).isEqualTo("rw-r-----");
		assertThat(names(configs.getParent())).containsExactly("configs", "configs.lock");
	}

	@Test
	void aLockHeldByAnotherProcessIsWaitedForWithinTheTimeoutAndNamed() throws Exception {
		assertThat(console.run(null, "config", "create", "-n", "a", "-u", "http://a:1", "-a").exit()).isZero();
		byte[] before = Files.readAllBytes(configs);
		Path lock = configs.resolveSibling("configs.lock");
		String waiting = "configs file " + configs + " is locked by another process; waiting up to 2s (lock " + lock + ")\n";
		try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
			long start = System.nanoTime();
			Result r = console.run(null, "config", "create", "-n", "b", "-u", "http://b:1", "--influx.lock-timeout=2s");
			assertThat(r).isEqualTo(new Result(1, "", waiting + "Error: configs file " + configs
					+ " is locked by another process (lock " + lock + ")\n"));
			// it waited the timeout out; the upper bound only catches a wait that ignores it
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(60));
			// a command that changes nothing needs no lock
			assertThat(console.run(null, "config", "use", "a").exit()).isZero();
		}
		assertThat(Files.readAllBytes(configs)).isEqualTo(before);

		// let go of the lock once the console says it waits for it
		JarProcess.Running waiter;
		try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
			waiter = console.spawn("config", "create", "-n", "b", "-u", "http://b:1", "--influx.lock-timeout=120s");
			waiter.awaitErr(waiting.replace("2s", "120s"), Duration.ofSeconds(110));
		}
		Result r = waiter.await(Duration.ofSeconds(180));
		assertThat(r.exit()).isZero();
		assertThat(r.err()).isEqualTo(waiting.replace("2s", "120s"));
		assertThat(Files.readString(configs)).contains("[b]");
	}

	@Test
	void removingFromNoConfigsFileCreatesNothing() throws Exception {
		assertThat(console.run(null, "config", "rm", "nope")).isEqualTo(new Result(0, "Active\tName\tURL\tOrg\tDeleted\n", ""));
		assertThat(home.resolve(".influxdbv2")).doesNotExist();
	}

	@Test
	void aWritableFileInAReadOnlyFolderIsWrittenInPlace() throws Exception {
		JarProcess nobody = asNobody();
		Path folder = Files.createDirectory(shared.resolve("ro"));
		Path file = folder.resolve("configs");
		Files.writeString(file, ONE_PROFILE);
		Files.setAttribute(file, "unix:uid", 65534);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

		assertThat(nobody.run(null, "config", "use", "a", "--configs-path", file.toString()).exit()).isZero();
		Result r = nobody.run(null, "config", "create", "-n", "b", "-u", "http://b:1", "--configs-path", file.toString());
		assertThat(r.err()).isEmpty();
		assertThat(r.exit()).isZero();
		assertThat(Files.readString(file)).isEqualTo(ONE_PROFILE + B_TABLE);
		assertThat(names(folder)).containsExactly("configs");
		assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(65534);
	}

	@Test
	void aFileBindMountedOnItsOwnIsWrittenInPlace() throws Exception {
		assumeTrue(ownMountNamespace(), "needs a mount namespace of its own (root, and unshare from util-linux)");
		Path volume = Files.createDirectories(home.resolve("volume")).resolve("configs");
		Files.writeString(volume, ONE_PROFILE);
		Files.createDirectories(configs.getParent());
		Files.writeString(configs, "");
		Result r = console.through("unshare", "-m", "sh", "-c", "mount --bind \"$1\" \"$2\" && shift 2 && exec \"$@\"", "sh",
				volume.toString(), configs.toString())
			.run(null, "config", "create", "-n", "b", "-u", "http://b:1");
		assertThat(r.err()).isEmpty();
		assertThat(r.exit()).isZero();
		assertThat(Files.readString(volume)).isEqualTo(ONE_PROFILE + B_TABLE);
		assertThat(names(configs.getParent())).containsExactly("configs", "configs.lock");
	}

	@Test
	void failuresNameThePathAndTheReasonAndChangeNothing() throws Exception {
		Path ro = Files.createDirectories(home.resolve("ro")).resolve("configs");
		Files.writeString(ro, ONE_PROFILE);
		Files.createDirectories(configs.getParent());
		Files.writeString(configs, "");
		if (ownMountNamespace()) {
			Result r = new JarProcess(home).through("unshare", "-m", "sh", "-c",
					"mount --bind \"$1\" \"$2\" && mount -o remount,ro,bind \"$2\" && shift 2 && exec \"$@\"", "sh",
					ro.toString(), configs.toString())
				.run(null, "config", "create", "-n", "b", "-u", "http://b:1");
			assertThat(r).isEqualTo(new Result(1, "", "Error: configs file " + configs + ": read-only file system\n"));
			assertThat(Files.readString(ro)).isEqualTo(ONE_PROFILE);
		}

		Path fifo = home.resolve("fifo");
		assertThat(run("mkfifo", fifo.toString())).isZero();
		assertThat(console.run(null, "config", "ls", "--configs-path", fifo.toString()))
			.isEqualTo(new Result(1, "", "Error: configs file " + fifo + ": not a regular file (a FIFO)\n"));
		assertThat(console.run(null, "config", "create", "-n", "b", "-u", "http://b:1", "--configs-path", "/dev/zero"))
			.isEqualTo(new Result(1, "", "Error: configs file /dev/zero: not a regular file (a character device)\n"));

		JarProcess nobody = asNobody();
		Path open = Files.createDirectory(shared.resolve("open"));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path roots = open.resolve("configs");
		Files.writeString(roots, ONE_PROFILE);
		Files.setPosixFilePermissions(roots, PosixFilePermissions.fromString("rw-r--r--"));
		Result denied = nobody.run(null, "config", "create", "-n", "b", "-u", "http://b:1", "--configs-path", roots.toString());
		assertThat(denied).isEqualTo(new Result(1, "", "Error: configs file " + roots + ": permission denied\n"));
		assertThat(Files.readString(roots)).isEqualTo(ONE_PROFILE);
		assertThat(names(open)).containsExactly("configs", "configs.lock");
	}
}
