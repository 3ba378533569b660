package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Needs;

/**
 * A daemon of another runtime, so of another build to the client, is never used, and
 * {@code daemon start} replaces it. Only the development launcher can start one (it takes Java
 * from JAVA_HOME; the packaged one always runs its own runtime), so this class is not among
 * those that run again on the tarball's runtime.
 */
class DaemonOfAnotherBuildIT {

	@TempDir
	Path home;

	final List<JarProcess> daemons = new ArrayList<>();

	@AfterEach
	void stopDaemons() throws Exception {
		for (JarProcess d : daemons) {
			d.run(null, "daemon", "stop");
		}
	}

	@Test
	void aDaemonOfAnotherBuildIsNeverUsedAndDaemonStartReplacesIt() throws Exception {
		assumeTrue(Files.exists(JarProcess.launcher().resolveSibling("influx-shell.jar")),
				"needs the development launcher: the packaged one always runs its own runtime");
		Path otherJdk = Needs.otherJdk();
		JarProcess console = new JarProcess(home);
		Result expected = new Result(0, "Active\tName\tURL\tOrg\n", "");
		JarProcess other = new JarProcess(home).env("JAVA_HOME", otherJdk.toString());
		daemons.add(other);
		daemons.add(console);
		Result started = other.run(null, "daemon", "start");
		assertThat(started.exit()).as("daemon start: %s", started).isZero();
		assertThat(started.out()).startsWith("the daemon is running (pid ");
		Result status = console.run(null, "daemon", "status");
		assertThat(status.out()).startsWith("running, of another build: this console does not use it\n");
		assertThat(console.run(null, "config", "list")).isEqualTo(expected);
		// it was asked, and sent the client away before running anything
		Result otherStatus = other.run(null, "daemon", "status");
		assertThat(otherStatus.out()).startsWith("running\n").contains("requests:     0 served");
		// and daemon start replaces it with one of this build
		Result replaced = console.run(null, "daemon", "start");
		assertThat(replaced.err()).startsWith("stopping the daemon of another build (pid ");
		assertThat(replaced.out()).startsWith("the daemon is running (pid ");
		assertThat(DaemonIT.served(console)).isZero();
	}
}
