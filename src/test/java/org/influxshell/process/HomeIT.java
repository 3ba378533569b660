package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One home for every per-user path: {@code $HOME} when set and absolute, else the account's. The
 * account's home is what the JVM's {@code user.home} says, so a test stands one in with
 * {@code -Duser.home}.
 */
class HomeIT {

	@TempDir
	Path home;

	@TempDir
	Path account;

	private static final String CREATE = "config create -n a -u http://127.0.0.1:9 -t t";

	private JarProcess console() {
		return new JarProcess(home).env("INFLUX_SHELL_JAVA_OPTS", "-Duser.home=" + account);
	}

	@Test
	void theHomeVariableNamesWhereTheConfigsFileGoes() throws Exception {
		assertThat(console().run(null, CREATE.split(" ")).exit()).isZero();
		assertThat(mode(home.resolve(".influxdbv2"))).isEqualTo("rwx------");
		assertThat(mode(home.resolve(".influxdbv2/configs"))).isEqualTo("rw-------");
		assertThat(account.resolve(".influxdbv2")).doesNotExist();
	}

	@Test
	void withoutHomeTheAccountsHome() throws Exception {
		Result r = console().through("env", "-u", "HOME").run(null, CREATE.split(" "));
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(account.resolve(".influxdbv2/configs")).isRegularFile();
		assertThat(home.resolve(".influxdbv2")).doesNotExist();
	}

	@Test
	void aRelativeHomeIsNotAHome() throws Exception {
		Result r = console().env("HOME", "scratch").run(null, CREATE.split(" "));
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(account.resolve(".influxdbv2/configs")).isRegularFile();
		assertThat(home.resolve("scratch")).doesNotExist();
	}

	/** {@code sudo} with {@code HOME} kept, or {@code HOME=~user}: what root makes there is the user's. */
	@Test
	void rootWorkingInAUsersHomeLeavesTheUserTheirFiles() throws Exception {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root: only root can give files away");
		int nobody = 65534;
		Files.setAttribute(home, "unix:uid", nobody);
		Files.setAttribute(home, "unix:gid", nobody);
		assertThat(console().run(null, CREATE.split(" ")).exit()).isZero();
		for (Path p : new Path[] { home.resolve(".influxdbv2"), home.resolve(".influxdbv2/configs") }) {
			assertThat(Files.getAttribute(p, "unix:uid")).as(p.toString()).isEqualTo(nobody);
		}
		// the daemon's own folder stays root's: nobody else may put a socket where root's client looks
		JarProcess daemon = console().through("env", "-u", "XDG_RUNTIME_DIR");
		Result started = daemon.run(null, "daemon", "start");
		try {
			assertThat(started.exit()).as(started.err()).isZero();
			Path folder = home.resolve(".influxdbv2/influx-shell-daemon");
			assertThat(Files.getAttribute(folder, "unix:uid")).isEqualTo(0);
			assertThat(mode(folder)).isEqualTo("rwx------");
		}
		finally {
			daemon.run(null, "daemon", "stop");
		}
	}

	private static String mode(Path p) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
	}
}
