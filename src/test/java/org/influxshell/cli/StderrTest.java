package org.influxshell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Progress lines: rewritten in place on a terminal, cleared at the end, never shown elsewhere. */
class StderrTest {

	final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	String written() {
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void onATerminalTheProgressLineIsRewrittenInPlaceAndCleared() {
		Stderr stderr = new Stderr(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> true);
		stderr.progress("9/40");
		stderr.progress("10/40");
		stderr.progress("1\t/40");
		stderr.progress("x");
		stderr.endProgress();
		stderr.endProgress();
		assertThat(written()).isEqualTo("\r9/40\r10/40\r1\\t/40\rx     \r      \r");
	}

	@Test
	void offATerminalThereIsNoProgressAtAll() {
		int[] asked = { 0 };
		Stderr stderr = new Stderr(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> {
			asked[0]++;
			return false;
		});
		stderr.progress("1/2");
		stderr.progress("2/2");
		stderr.endProgress();
		stderr.line("done");
		assertThat(written()).isEqualTo("done\n");
		assertThat(asked[0]).as("whether it is a terminal is asked once").isEqualTo(1);
		assertThat(new Stderr(new PrintStream(bytes)).showsProgress()).isFalse();
	}

	@Test
	void aStoppedRunsReportIsPrintedAsItIsWithItsExitCode() {
		ErrorReporter reporter = new ErrorReporter(new ErrorMapper(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		reporter.debug(true);
		assertThat(reporter.report(new RunStopped("interrupted: 1 deleted, 0 unknown (in flight), 3 not started",
				ExitCodes.TERMINATED), "run.influx:4")).isEqualTo(143);
		reporter.note("failed: a,b", null);
		assertThat(written()).isEqualTo("run.influx:4: interrupted: 1 deleted, 0 unknown (in flight), 3 not started\n"
				+ "failed: a,b\n");
	}
}
