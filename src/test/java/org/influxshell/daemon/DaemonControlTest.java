package org.influxshell.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.influxshell.client.DaemonFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonControlTest {

	@TempDir
	Path run;

	/** Two daemon starts at once: the one that loses used to empty the winner's log as it started. */
	@Test
	void aDaemonStartedKeepsWhatTheLogHolds() throws Exception {
		DaemonFolder folder = new DaemonFolder(run.resolve("influx-shell"));
		folder.create();
		Files.writeString(folder.log(), "Error: what the running daemon said\n");
		Process started = new DaemonControl(folder).spawn("/bin/true");
		assertThat(started.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(Files.readString(folder.log())).isEqualTo("Error: what the running daemon said\n");
	}
}
