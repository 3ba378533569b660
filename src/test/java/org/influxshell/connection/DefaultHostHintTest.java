package org.influxshell.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.influxshell.support.ConsoleTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first command on a machine with no profile goes to the built-in default server; when nothing
 * answers there, one line says how to make a profile. A server the user named gets no such line.
 */
class DefaultHostHintTest extends ConsoleTest {

	static final String HINT = "Hint: no profile and no --host, so the default http://localhost:8086 was tried; "
			+ "make a profile for your server: influx-shell config create -n NAME -u URL -t TOKEN -a\n";

	static final String REFUSED = "Error: could not find authorization with given parameters: "
			+ "GET http://localhost:8086/api/v2/authorizations: connection refused\n";

	@BeforeEach
	void nothingListensOnTheDefaultPort() {
		try (Socket s = new Socket()) {
			s.connect(new InetSocketAddress("localhost", 8086), 1000);
			Assumptions.abort("something listens on localhost:8086 on this machine");
		}
		catch (IOException refused) {
			// as on a machine with no InfluxDB: what this test is about
		}
	}

	@Test
	void noProfileAndNoHostGetsTheHintAfterTheError() {
		assertThat(run("auth list")).isEqualTo(new Run(1, "", REFUSED + HINT));
	}

	@Test
	void aScriptLineGetsTheHintWithItsLocation() {
		Run run = runArgs(new String[0], "auth list\n");
		assertThat(run.err()).isEqualTo("stdin:1: " + REFUSED + "stdin:1: " + HINT);
	}

	@Test
	void aHostGivenByFlagOrProfileGetsNoHint() {
		assertThat(run("auth list --host http://localhost:8086")).isEqualTo(new Run(1, "", REFUSED));
		assertThat(run("config create -n local -u http://localhost:8086 -a").exit()).isZero();
		assertThat(run("auth list")).isEqualTo(new Run(1, "", REFUSED));
	}
}
