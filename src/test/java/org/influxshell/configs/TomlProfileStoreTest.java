package org.influxshell.configs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.influxshell.cli.CliException;
import org.influxshell.support.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TomlProfileStoreTest {

	@TempDir
	Path dir;

	Profile a = new Profile("a", "http://a:1", "ta", "oa", false, false, "");

	@Test
	void missingFileHasNoProfilesAndTheDefaultIsActive() {
		TomlProfileStore store = new TomlProfileStore(dir.resolve("nope/configs"));
		assertThat(store.read().all()).isEmpty();
		assertThat(store.read().active()).isEqualTo(Profile.builtInDefault());
		assertThat(dir.resolve("nope")).doesNotExist();
	}

	@Test
	void createsFolder0700AndFile0600() throws IOException {
		Path path = dir.resolve("home/.influxdbv2/configs");
		new TomlProfileStore(path).update(p -> p.with(a));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent()))).isEqualTo("rwx------");
		assertThat(new TomlProfileStore(path).read().all()).containsExactly(a);
	}

	@Test
	void keepsTheModeOfAnExistingFile() throws IOException {
		Path path = dir.resolve("configs");
		Files.writeString(path, "");
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));
		new TomlProfileStore(path).update(p -> p.with(a));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-r-----");
	}

	@Test
	void aFailedChangeWritesNothing() throws IOException {
		Path path = dir.resolve("configs");
		new TomlProfileStore(path).update(p -> p.with(a));
		byte[] before = Files.readAllBytes(path);
		assertThatThrownBy(() -> new TomlProfileStore(path).update(p -> {
			throw CliException.failure("nope");
		})).hasMessage("nope");
		assertThat(Files.readAllBytes(path)).isEqualTo(before);
		assertThat(dir.toFile().list()).containsExactlyInAnyOrder("configs", "configs.lock");
	}

	@Test
	void aBrokenFileIsReportedWithPathAndLineAndNeverOverwritten() throws IOException {
		Path path = dir.resolve("configs");
		String garbage = "[a]\n  url = 5\n";
		Files.writeString(path, garbage);
		TomlProfileStore store = new TomlProfileStore(path);
		assertThatThrownBy(store::read).hasMessage("configs file " + path + ", line 2: \"url\" must be a string");
		assertThatThrownBy(() -> store.update(p -> p.with(a))).isInstanceOf(CliException.class);
		assertThat(Files.readString(path)).isEqualTo(garbage);
	}

	@Test
	void aFolderOrAnUnreadableFileIsAnError() throws IOException {
		Path folder = dir.resolve("configs");
		Files.createDirectory(folder);
		assertThatThrownBy(new TomlProfileStore(folder)::read)
			.hasMessage("configs file " + folder + ": is a directory, not a file");

		Path bad = dir.resolve("binary");
		Files.write(bad, new byte[] { (byte) 0xff, (byte) 0xfe, 0 });
		assertThatThrownBy(new TomlProfileStore(bad)::read).hasMessage("configs file " + bad + ": is not UTF-8 text");
	}

	@Test
	void aCrashBeforeTheRenameLeavesTheOldFileWhole() throws IOException {
		Path path = dir.resolve("configs");
		new TomlProfileStore(path).update(p -> p.with(a));
		String before = Files.readString(path);
		TomlProfileStore crashing = new TomlProfileStore(path) {
			@Override
			void beforeRename(Path tmp) {
				throw new IllegalStateException("killed");
			}
		};
		assertThatThrownBy(() -> crashing.update(p -> p.with(new Profile("b", "http://b:1", "", "", true, false, ""))))
			.hasMessage("killed");
		assertThat(Files.readString(path, StandardCharsets.UTF_8)).isEqualTo(before);
	}

	@Test
	void concurrentWritersInOneProcessLoseNothing() throws Exception {
		Path path = dir.resolve("configs");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String name = "p" + i;
				// forty writers take turns: a generous lock timeout, as fsync is slow on a busy disk
				futures.add(pool.submit(() -> new TomlProfileStore(path, Duration.ofMinutes(2), line -> {
				})
					.update(p -> p.with(new Profile(name, "http://h:1", "", "", false, false, "")).activate(name))));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		Profiles result = new TomlProfileStore(path).read();
		assertThat(result.all()).hasSize(40);
		assertThat(result.all().stream().filter(Profile::active)).hasSize(1);
	}

	Profile b = new Profile("b", "http://b:1", "tb", "", true, false, "");

	static Object attr(Path p, String name) throws IOException {
		return Files.getAttribute(p, name);
	}

	@Test
	void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
		Path dotfiles = Files.createDirectories(dir.resolve("dotfiles"));
		Path target = dotfiles.resolve("influx-configs");
		Files.writeString(target, "# mine\n");
		Path home = Files.createDirectories(dir.resolve("home"));
		Path link = Files.createSymbolicLink(home.resolve("configs"), Path.of("../dotfiles/influx-configs"));
		new TomlProfileStore(link).update(p -> p.with(a));
		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(Files.readString(target)).isEqualTo("# mine\n\n[a]\n  url = \"http://a:1\"\n  token = \"ta\"\n  org = \"oa\"\n");
		assertThat(home.toFile().list()).containsExactlyInAnyOrder("configs", "configs.lock");
		assertThat(dotfiles.toFile().list()).containsExactly("influx-configs");

		Path dangling = Files.createSymbolicLink(home.resolve("other"), dotfiles.resolve("new/configs"));
		new TomlProfileStore(dangling).update(p -> p.with(a));
		assertThat(Files.isSymbolicLink(dangling)).isTrue();
		assertThat(new TomlProfileStore(dotfiles.resolve("new/configs")).read().all()).containsExactly(a);
	}

	@Test
	void ownerGroupAndModeAreKeptWhenRootWritesAnotherUsersFile() throws IOException {
		Path path = dir.resolve("configs");
		new TomlProfileStore(path).update(p -> p.with(a));
		org.junit.jupiter.api.Assumptions.assumeTrue(attr(path, "unix:uid").equals(0), "needs root, as CI runs");
		Files.setAttribute(path, "unix:uid", 4242);
		Files.setAttribute(path, "unix:gid", 4343);
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));
		Files.delete(dir.resolve("configs.lock"));
		new TomlProfileStore(path).update(p -> p.with(b));
		assertThat(new TomlProfileStore(path).read().all()).containsExactly(a, b);
		assertThat(List.of(attr(path, "unix:uid"), attr(path, "unix:gid"))).containsExactly(4242, 4343);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-r-----");
		Path lock = dir.resolve("configs.lock");
		assertThat(List.of(attr(lock, "unix:uid"), attr(lock, "unix:gid"))).containsExactly(4242, 4343);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock))).isEqualTo("rw-------");
	}

	@Test
	void aChangeThatChangesNothingTakesNoLockAndWritesNothing() throws IOException {
		Path path = dir.resolve("home/.influxdbv2/configs");
		TomlProfileStore store = new TomlProfileStore(path);
		assertThat(store.update(p -> p.without("x")).all()).isEmpty();
		assertThat(dir.resolve("home")).doesNotExist();

		store.update(p -> p.with(a));
		Files.delete(path.resolveSibling("configs.lock"));
		Object modified = attr(path, "lastModifiedTime");
		assertThat(store.update(p -> p.with(a)).all()).containsExactly(a);
		assertThat(path.getParent().toFile().list()).containsExactly("configs");
		assertThat(attr(path, "lastModifiedTime")).isEqualTo(modified);
	}

	/** A clock that moves 50 ms each time it is read, never past {@code end}: the store's own polls make its time pass. */
	static final class SteppingClock implements LongSupplier {

		private final long end;

		private long next;

		private long last;

		SteppingClock(Duration end) {
			this.end = end.toNanos();
		}

		@Override
		public synchronized long getAsLong() {
			last = next;
			next = Math.min(next + Duration.ofMillis(50).toNanos(), end);
			return last;
		}

		synchronized Duration last() {
			return Duration.ofNanos(last);
		}
	}

	@Test
	void waitingForTheLockIsBoundedAndSaidOnce() throws Exception {
		Path path = dir.resolve("configs");
		new TomlProfileStore(path).update(p -> p.with(a));
		List<String> said = new CopyOnWriteArrayList<>();
		SteppingClock clock = new SteppingClock(Duration.ofDays(1));
		TomlProfileStore store = new TomlProfileStore(path, Duration.ofMillis(1500), said::add, clock);
		byte[] before = Files.readAllBytes(path);
		try (FileChannel other = FileChannel.open(dir.resolve("configs.lock"), StandardOpenOption.WRITE);
				FileLock held = other.lock()) {
			assertThatThrownBy(() -> store.update(p -> p.with(b)))
				.hasMessage("configs file " + path + " is locked by another process (lock " + path + ".lock)");
		}
		// it gave up when its clock reached the timeout, neither before nor after
		assertThat(clock.last()).isEqualTo(Duration.ofMillis(1500));
		assertThat(said).containsExactly("configs file " + path + " is locked by another process; waiting up to 1500ms (lock "
				+ path + ".lock)");
		assertThat(Files.readAllBytes(path)).isEqualTo(before);

		said.clear();
		CountDownLatch noticed = new CountDownLatch(1);
		FileChannel other = FileChannel.open(dir.resolve("configs.lock"), StandardOpenOption.WRITE);
		other.lock();
		// released once the waiting store has said it waits; its clock stops there, so only the release ends the wait
		Thread releaser = new Thread(() -> {
			try {
				noticed.await(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				try {
					other.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		});
		releaser.start();
		new TomlProfileStore(path, Duration.ofSeconds(10), line -> {
			said.add(line);
			noticed.countDown();
		}, new SteppingClock(Duration.ofSeconds(1))).update(p -> p.with(b));
		releaser.join();
		assertThat(said).hasSize(1);
		assertThat(new TomlProfileStore(path).read().all()).containsExactly(a, b);
	}

	@Test
	void whenTheFileCannotBeReplacedItIsWrittenInPlace() throws IOException {
		Path path = dir.resolve("configs");
		Files.writeString(path, "# keep me\n[a]\n  url = \"http://a:1\"\n  token = \"ta\"\n  org = \"oa\"\n");
		Object inode = attr(path, "unix:ino");
		TomlProfileStore busy = new TomlProfileStore(path) {
			@Override
			void rename(Path tmp, Path target) throws IOException {
				throw new java.nio.file.FileSystemException(tmp.toString(), target.toString(), "Device or resource busy");
			}
		};
		busy.update(p -> p.with(b));
		assertThat(Files.readString(path)).isEqualTo("# keep me\n[a]\n  url = \"http://a:1\"\n  token = \"ta\"\n  org = \"oa\"\n"
				+ "\n[b]\n  url = \"http://b:1\"\n  token = \"tb\"\n  org = \"\"\n  active = true\n");
		busy.update(p -> p.without("a"));
		assertThat(Files.readString(path)).isEqualTo("# keep me\n[b]\n  url = \"http://b:1\"\n  token = \"tb\"\n  org = \"\"\n  active = true\n");
		assertThat(attr(path, "unix:ino")).isEqualTo(inode);
		assertThat(dir.toFile().list()).containsExactlyInAnyOrder("configs", "configs.lock");
	}

	@Test
	void aFileWithSeveralNamesIsWrittenInPlaceSoThatEveryNameSeesTheChange() throws IOException {
		Path path = dir.resolve("configs");
		new TomlProfileStore(path).update(p -> p.with(a));
		Path other = Files.createLink(dir.resolve("configs-copy"), path);
		new TomlProfileStore(path).update(p -> p.with(b));
		assertThat(new TomlProfileStore(other).read().all()).containsExactly(a, b);
		assertThat(attr(other, "unix:ino")).isEqualTo(attr(path, "unix:ino"));
	}

	@Test
	void aWriteThatWouldPassTheSizeLimitIsRefusedAndChangesNothing() throws IOException {
		Path path = dir.resolve("configs");
		new TomlProfileStore(path).update(p -> p.with(a));
		byte[] before = Files.readAllBytes(path);
		String huge = "x".repeat(TomlProfileStore.MAX_SIZE);
		int over = TomlCodec.write(new Profiles(List.of(a, new Profile("big", "http://b:1", huge, "", false, false, ""))))
			.length() - TomlCodec.write(new Profiles(List.of(a))).length() + before.length - TomlProfileStore.MAX_SIZE;
		assertThatThrownBy(() -> new TomlProfileStore(path).update(p -> p.with(new Profile("big", "http://b:1", huge, "", false, false, ""))))
			.hasMessage("configs file " + path + ": too large: the change would put it " + over
					+ " bytes over the limit of 4 MiB; nothing was written");
		assertThat(Files.readAllBytes(path)).isEqualTo(before);
	}

	@Test
	void aPathThatIsNotARegularFileIsRefusedBeforeReading() throws Exception {
		assertThatThrownBy(new TomlProfileStore(Path.of("/dev/zero"))::read)
			.hasMessage("configs file /dev/zero: not a regular file (a character device)");
		Path fifo = dir.resolve("fifo");
		assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
		org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Eventually.PATIENCE,
				() -> assertThatThrownBy(() -> new TomlProfileStore(fifo).update(p -> p.with(a)))
					.hasMessage("configs file " + fifo + ": not a regular file (a FIFO)"));
	}

	@Test
	void orphanedTemporaryFilesAreRemovedByTheNextWrite() throws IOException {
		Path path = dir.resolve("configs");
		new TomlProfileStore(path).update(p -> p.with(a));
		Files.writeString(dir.resolve(".configs.8812345.tmp"), "half");
		Files.writeString(dir.resolve(".configs.other.1.tmp"), "not ours");
		new TomlProfileStore(path).update(p -> p.with(b));
		assertThat(dir.toFile().list()).containsExactlyInAnyOrder("configs", "configs.lock", ".configs.other.1.tmp");
	}

	@Test
	void failuresNameThePathAndTheReasonInWords() throws IOException {
		Path path = dir.resolve("configs");
		Files.createDirectory(dir.resolve("configs.lock"));
		assertThatThrownBy(() -> new TomlProfileStore(path).update(p -> p.with(a)))
			.hasMessage("configs file " + path + ": cannot use the lock file " + path + ".lock: is a directory");

		Files.writeString(dir.resolve("p"), "");
		Path under = dir.resolve("p/configs");
		assertThatThrownBy(() -> new TomlProfileStore(under).update(p -> p.with(a)))
			.hasMessage("configs file " + under + ": " + dir.resolve("p") + " is not a folder");

		Path gone = Files.createSymbolicLink(dir.resolve("gone"), dir.resolve("nowhere"));
		assertThatThrownBy(() -> new TomlProfileStore(gone.resolve("configs")).update(p -> p.with(a)))
			.hasMessage("configs file " + gone.resolve("configs") + ": cannot create folder " + gone + ": " + gone
					+ " is a link to nothing");

		Path loop = Files.createSymbolicLink(dir.resolve("loop"), Path.of("loop"));
		assertThatThrownBy(() -> new TomlProfileStore(loop).update(p -> p.with(a)))
			.hasMessage("configs file " + loop + ": too many levels of symbolic links");
	}
}
