package org.influxshell.configs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.influxshell.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of the configs file a rotation keeps: beside it, private, new, one at most. */
class ConfigsCopiesTest {

	@TempDir
	Path dir;

	static final String TEXT = "[a]\n  url = \"http://a:1\"\n  token = \"secret\"\n  active = true\n";

	Path configs() throws Exception {
		Path configs = dir.resolve("configs");
		Files.writeString(configs, TEXT);
		Files.setPosixFilePermissions(configs, PosixFilePermissions.fromString("rw-r-----"));
		return configs;
	}

	List<String> names() throws Exception {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void aCopyIsTheBytesBesideTheFileReadableByItsOwnerOnlyAndReadBackAsProfiles() throws Exception {
		Path configs = configs();
		Path copy = ConfigsCopies.save(configs, "5035106dfad2d41d");
		assertThat(copy).isEqualTo(dir.resolve("configs.before-5035106dfad2d41d"));
		assertThat(Files.readString(copy)).isEqualTo(TEXT);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
		assertThat(ConfigsCopies.read(copy).require("a").token()).isEqualTo("secret");
		assertThat(ConfigsCopies.configsOf(copy)).isEqualTo(configs.toAbsolutePath());
	}

	@Test
	void aNewCopyRemovesTheOlderOnesAndNothingElse() throws Exception {
		Path configs = configs();
		ConfigsCopies.save(configs, "00000000000000aa");
		Files.writeString(dir.resolve("configs.before-notarun"), "x");
		ConfigsCopies.save(configs, "00000000000000bb");
		assertThat(names()).containsExactly("configs", "configs.before-00000000000000bb", "configs.before-notarun");
	}

	@Test
	void aCopyIsNeverWrittenThroughALinkNorOverAnotherFile() throws Exception {
		Path configs = configs();
		Path elsewhere = dir.resolve("elsewhere");
		Files.writeString(elsewhere, "mine");
		Files.createSymbolicLink(dir.resolve("configs.before-00000000000000cc"), elsewhere);
		assertThatThrownBy(() -> ConfigsCopies.save(configs, "00000000000000cc")).isInstanceOf(CliException.class)
			.hasMessageContaining("cannot keep a copy of configs file").hasMessageContaining("already exists");
		assertThat(Files.readString(elsewhere)).isEqualTo("mine");
		assertThatThrownBy(() -> ConfigsCopies.read(dir.resolve("configs.before-00000000000000cc")))
			.hasMessageContaining("is a link");
		assertThatThrownBy(() -> ConfigsCopies.read(dir.resolve("configs.before-00000000000000dd")))
			.hasMessageEndingWith("is gone");
	}
}
