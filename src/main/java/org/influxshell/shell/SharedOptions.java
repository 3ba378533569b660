package org.influxshell.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.influxshell.config.ProfileNameProvider;
import org.influxshell.connection.LocalOptions;
import org.influxshell.connection.ServerOptions;

/**
 * The options every command shares: {@link LocalOptions} (configs file and output) and
 * {@link ServerOptions} (those plus how to reach the server).
 */
final class SharedOptions {

	static final List<OptionSpec> LOCAL_SPECS = List.of(
			OptionSpec.value("configs-path", "path to the influx CLI configurations [$INFLUX_CONFIGS_PATH]",
					"--configs-path"),
			OptionSpec.flag("json", "output data as JSON [$INFLUX_OUTPUT_JSON]", "--json"),
			OptionSpec.flag("hide-headers", "hide the table headers [$INFLUX_HIDE_HEADERS]", "--hide-headers"));

	static final List<OptionSpec> SERVER_SPECS = List.of(
			OptionSpec.value("active-config", "config name to use for command [$INFLUX_ACTIVE_CONFIG]",
					"-c", "--active-config").completing(ProfileNameProvider.class),
			OptionSpec.value("host", "HTTP address of InfluxDB [$INFLUX_HOST]", "--host"),
			OptionSpec.value("token", "token to authenticate request [$INFLUX_TOKEN]", "-t", "--token"),
			OptionSpec.flag("skip-verify", "skip TLS certificate verification [$INFLUX_SKIP_VERIFY]",
					"--skip-verify"),
			OptionSpec.flag("http-debug", "write HTTP requests and responses to stderr, tokens masked",
					"--http-debug"));

	static final OptionGroup<LocalOptions> LOCAL = new OptionGroup<>() {
		@Override
		public Class<LocalOptions> type() {
			return LocalOptions.class;
		}

		@Override
		public List<OptionSpec> options() {
			return LOCAL_SPECS;
		}

		@Override
		public LocalOptions bind(Map<String, Object> values) {
			return new LocalOptions((String) values.get("configs-path"), (Boolean) values.get("json"),
					(Boolean) values.get("hide-headers"));
		}
	};

	static final OptionGroup<ServerOptions> SERVER = new OptionGroup<>() {
		@Override
		public Class<ServerOptions> type() {
			return ServerOptions.class;
		}

		@Override
		public List<OptionSpec> options() {
			List<OptionSpec> all = new ArrayList<>(LOCAL_SPECS);
			all.addAll(SERVER_SPECS);
			return all;
		}

		@Override
		public ServerOptions bind(Map<String, Object> values) {
			return new ServerOptions(LOCAL.bind(values), (String) values.get("host"), (String) values.get("token"),
					(String) values.get("active-config"), (Boolean) values.get("skip-verify"),
					Boolean.TRUE.equals(values.get("http-debug")));
		}
	};

	private SharedOptions() {
	}
}
