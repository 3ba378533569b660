package org.influxshell.configs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.influxshell.cli.CliException;
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
				futures.add(pool.submit(() -> new TomlProfileStore(path)
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
}
