package org.influxshell.daemon;

import java.util.HashMap;
import java.util.Map;

import org.influxshell.command.Invocation;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The Spring environment of one request: the client's environment variables in place of the
 * daemon's, and the daemon's system properties with the client's {@code influx.*},
 * {@code spring.*} and {@code logging.*} ones in place of its own. Settings bind from it as they
 * would in a cold run of the client's command; the console's context takes the request's
 * {@link Invocation} from it.
 */
final class RequestEnvironment extends StandardEnvironment implements Invocation.Source {

	private final Invocation invocation;

	RequestEnvironment(Invocation invocation, Map<String, String> properties) {
		this.invocation = invocation;
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
	}

	/** The system properties a client passes on: the console's settings. */
	static boolean forwarded(String key) {
		return key.startsWith("influx.") || key.startsWith("spring.") || key.startsWith("logging.");
	}

	@Override
	public Invocation invocation() {
		return invocation;
	}
}
