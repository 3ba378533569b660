package org.influxshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.influxshell.connection.InfluxProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A run's {@code influx.*} settings are bound from only the names that can be settings: the same
 * settings as a binder given every name of every source finds, in every form they may be written.
 */
class SettingsBindingTest {

	@Test
	void theSettingsAreThoseEveryNameOfEverySourceGives() {
		ConfigurableEnvironment environment = new AbstractEnvironment() {
		};
		MutablePropertySources sources = environment.getPropertySources();
		sources.addLast(new SimpleCommandLinePropertySource("--influx.host=http://line:8086", "--INFLUX.ORG=from-line",
				"--other=1"));
		sources.addLast(new MapPropertySource("systemProperties", Map.of("influx.response-timeout", "7s",
				"influx.connectTimeout", "5s", "Influx.Bulk-Concurrency", "3", "java.version", "17")));
		sources.addLast(new SystemEnvironmentPropertySource("systemEnvironment", Map.of("INFLUX_SKIP_VERIFY", "true",
				"INFLUX_ACTIVE_CONFIG", "prod", "INFLUX_DAEMON_IDLE_TIMEOUT", "60s", "influx_mask_tokens", "t",
				"INFLUX_TOKEN", "${SECRET_SOURCE}", "SECRET_SOURCE", "tok-from-placeholder", "PATH", "/bin",
				"INFLUXDB_V2_URL", "http://not-a-setting:1")));
		sources.addLast(new MapPropertySource("packaged", Map.of("influx.retries", "2", "influx.completion-reuse", "10s",
				"influx.daemon.auto-start", "false", "influx.host", "http://packaged:1")));
		// a source that cannot list its names answers only when asked
		sources.addLast(new PropertySource<Object>("asked only", new Object()) {
			@Override
			public Object getProperty(String name) {
				return name.equals("influx.lock-timeout") ? "3s" : null;
			}
		});
		sources.addLast(new MapPropertySource("defaultProperties", Map.of("influx.max-response-size", "64MiB")));
		ConfigurationPropertySources.attach(environment);

		InfluxProperties everyName = Binder.get(environment).bindOrCreate("influx", InfluxProperties.class);
		InfluxProperties bound = new ConsoleConfiguration().influxProperties(environment);

		assertThat(bound).usingRecursiveComparison().isEqualTo(everyName);
		// and what that is, so that the comparison cannot pass on two empty objects
		assertThat(bound.getHost()).isEqualTo("http://line:8086");
		assertThat(bound.getToken()).isEqualTo("tok-from-placeholder");
		assertThat(bound.getActiveConfig()).isEqualTo("prod");
		assertThat(bound.getSkipVerify()).isEqualTo("true");
		assertThat(bound.responseTimeout()).hasSeconds(7);
		assertThat(bound.bulkConcurrency()).isEqualTo(3);
		assertThat(bound.getDaemon().idleTimeout()).hasSeconds(60);
		assertThat(bound.lockTimeout()).hasSeconds(3);
		assertThat(bound.maxResponseSize()).isEqualTo(64L << 20);
	}
}
