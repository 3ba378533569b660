package org.influxshell.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which JVM options make a request run cold: the system properties it would not get from the daemon's JVM. */
class JvmPropertiesTest {

	@Test
	void onlySystemPropertiesCountLessThoseARequestBringsItself() {
		assertThat(RequestRun.jvmProperties(Map.of())).isEmpty();
		assertThat(RequestRun.jvmProperties(Map.of("INFLUX_SHELL_JAVA_OPTS",
				" -Duser.home=/home/a  -Dinflux.response-timeout=5s -Dspring.x=1 -Dlogging.y=2 -Xmx64m "
						+ "-XX:ArchiveClassesAtExit=/tmp/a.jsa -Xlog:cds=off")))
			.isEmpty();
		assertThat(RequestRun.jvmProperties(Map.of("INFLUX_SHELL_JAVA_OPTS",
				"-Duser.home=/home/a -Djavax.net.ssl.trustStore=/etc/corp.p12", "JAVA_TOOL_OPTIONS", "-Duser.timezone=UTC",
				"JDK_JAVA_OPTIONS", "-Dflag", "OTHER", "-Dnot.read=1")))
			.isEqualTo(Set.of("-Djavax.net.ssl.trustStore=/etc/corp.p12", "-Duser.timezone=UTC", "-Dflag"));
	}
}
