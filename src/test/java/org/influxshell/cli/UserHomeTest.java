package org.influxshell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserHomeTest {

	static Stream<Arguments> homes() {
		return Stream.of(
				Arguments.of("set and absolute", "/scratch/op", "/scratch/op"),
				Arguments.of("not set", null, "/home/account"),
				Arguments.of("empty", "", "/home/account"),
				Arguments.of("relative", "scratch", "/home/account"),
				Arguments.of("tilde, never expanded by a shell", "~op", "/home/account"),
				Arguments.of("the root folder", "/", "/"));
	}

	@ParameterizedTest(name = "HOME {0}")
	@MethodSource("homes")
	void homeIsHomeWhenAbsoluteElseTheAccounts(String what, String home, String expected) {
		Map<String, String> environment = new HashMap<>();
		if (home != null) {
			environment.put("HOME", home);
		}
		assertThat(UserHome.of(environment, "/home/account")).isEqualTo(expected);
	}

	@Test
	void foldersAreMadePrivate(@TempDir Path dir) throws IOException {
		Path deep = dir.resolve("a/b/c");
		UserHome.createFolders(deep);
		for (Path p : new Path[] { dir.resolve("a"), dir.resolve("a/b"), deep }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString()).isEqualTo("rwx------");
		}
		// an existing folder is left as it is
		Files.setPosixFilePermissions(deep, PosixFilePermissions.fromString("rwxr-x---"));
		UserHome.createFolders(deep);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(deep))).isEqualTo("rwxr-x---");
	}

	@Test
	void rootMakingFoldersInAnothersHomeLeavesThemTheirs(@TempDir Path dir) throws IOException {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root: only root can give a folder away");
		Path home = dir.resolve("home");
		Files.createDirectory(home);
		Files.setAttribute(home, "unix:uid", 65534);
		Files.setAttribute(home, "unix:gid", 65534);
		UserHome.createFolders(home.resolve(".influxdbv2/sub"));
		for (Path p : new Path[] { home.resolve(".influxdbv2"), home.resolve(".influxdbv2/sub") }) {
			assertThat(Files.getAttribute(p, "unix:uid")).as(p.toString()).isEqualTo(65534);
			assertThat(Files.getAttribute(p, "unix:gid")).as(p.toString()).isEqualTo(65534);
		}
	}
}
