package org.influxshell.daemon;

import java.util.HashMap;
import java.util.Map;

import org.influxshell.command.Invocation;
import org.influxshell.command.Launch;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The Spring environment of one request: its command line's {@code --name=value} settings first,
 * the client's environment variables in place of the daemon's, and the daemon's system properties
 * with the client's {@code influx.*}, {@code spring.*} and {@code logging.*} ones in place of its
 * own. Settings bind from it as they would in a cold run of the client's command.
 */
final class RequestEnvironment extends StandardEnvironment {

	RequestEnvironment(Launch launch, Invocation invocation, Map<String, String> properties) {
		Map<String, Object> system = new HashMap<>();
		System.getProperties().forEach((k, v) -> {
			String key = String.valueOf(k);
			if (!forwarded(key)) {
				system.put(key, v);
			}
		});
		system.putAll(properties);
		getPropertySources().replace(SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
				new MapPropertySource(SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, system));
		getPropertySources().replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
				SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(invocation.environment())));
		if (!launch.args().isEmpty()) {
			// as Spring Boot reads a cold start's command line
			getPropertySources().addFirst(new SimpleCommandLinePropertySource(launch.args().toArray(String[]::new)));
		}
	}

	/** The system properties a client passes on: the console's settings. */
	static boolean forwarded(String key) {
		return key.startsWith("influx.") || key.startsWith("spring.") || key.startsWith("logging.");
	}
}
