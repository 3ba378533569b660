package org.influxshell.shell;

import java.util.List;
import java.util.Map;

import org.influxshell.connection.LocalOptions;
import org.influxshell.connection.ServerOptions;
import org.influxshell.config.ProfileNameProvider;

/**
 * The options shared by many commands, defined once: a command method takes a
 * {@link LocalOptions} or {@link ServerOptions} parameter and gets all of them.
 */
final class SharedOptions {

	static final List<OptionSpec> LOCAL = List.of(
			OptionSpec.value("configs-path", "path to the influx CLI configurations [$INFLUX_CONFIGS_PATH]",
					"--configs-path"),
			OptionSpec.flag("json", "output data as JSON [$INFLUX_OUTPUT_JSON]", "--json"),
			OptionSpec.flag("hide-headers", "hide the table headers [$INFLUX_HIDE_HEADERS]", "--hide-headers"));

	static final List<OptionSpec> SERVER = List.of(
			OptionSpec.value("active-config", "config name to use for command [$INFLUX_ACTIVE_CONFIG]",
					"-c", "--active-config").completing(ProfileNameProvider.class),
			OptionSpec.value("host", "HTTP address of InfluxDB [$INFLUX_HOST]", "--host"),
			OptionSpec.value("token", "token to authenticate request [$INFLUX_TOKEN]", "-t", "--token"),
			OptionSpec.flag("skip-verify", "skip TLS certificate verification [$INFLUX_SKIP_VERIFY]",
					"--skip-verify"),
			OptionSpec.flag("http-debug", "write HTTP requests and responses to stderr, tokens masked",
					"--http-debug"));

	private SharedOptions() {
	}

	static LocalOptions local(Map<String, Object> values) {
		return new LocalOptions((String) values.get("configs-path"), (Boolean) values.get("json"),
				(Boolean) values.get("hide-headers"));
	}

	static ServerOptions server(Map<String, Object> values) {
		return new ServerOptions(local(values), (String) values.get("host"), (String) values.get("token"),
				(String) values.get("active-config"), (Boolean) values.get("skip-verify"),
				Boolean.TRUE.equals(values.get("http-debug")));
	}
}
