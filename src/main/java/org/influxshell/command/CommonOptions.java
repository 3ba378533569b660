package org.influxshell.command;

import java.util.ArrayList;
import java.util.List;

import org.influxshell.connection.LocalOptions;
import org.influxshell.connection.ServerOptions;

/** The option groups every command shares: the connection options and the output options. */
public final class CommonOptions {

	public static final OptionDef<String> CONFIGS_PATH = OptionDef
		.value("PATH", "path to the influx CLI configurations", "--configs-path").env("INFLUX_CONFIGS_PATH");

	public static final OptionDef<Boolean> JSON = OptionDef.flag("output data as JSON", "--json")
		.env("INFLUX_OUTPUT_JSON");

	public static final OptionDef<Boolean> HIDE_HEADERS = OptionDef.flag("hide the table headers", "--hide-headers")
		.env("INFLUX_HIDE_HEADERS");

	public static final OptionDef<String> ACTIVE_CONFIG = OptionDef
		.value("NAME", "config name to use for command", "-c", "--active-config")
		.env("INFLUX_ACTIVE_CONFIG")
		.completes(ValueKind.PROFILE_NAME);

	public static final OptionDef<String> HOST = OptionDef.value("URL", "HTTP address of InfluxDB", "--host")
		.env("INFLUX_HOST");

	public static final OptionDef<String> TOKEN = OptionDef.value("TOKEN", "token to authenticate request", "-t", "--token")
		.env("INFLUX_TOKEN")
		.secret();

	public static final OptionDef<Boolean> SKIP_VERIFY = OptionDef
		.flag("skip TLS certificate verification", "--skip-verify").env("INFLUX_SKIP_VERIFY");

	public static final OptionDef<String> CA_CERT = OptionDef
		.value("PATH", "PEM file of CA certificates to trust besides the system's", "--ca-cert").env("INFLUX_CA_CERT");

	public static final OptionDef<Boolean> HTTP_DEBUG = OptionDef
		.flag("write HTTP requests and responses to stderr, tokens masked", "--http-debug");

	/** Where the configs file is and how to print: every command has these. */
	public static final OptionGroup<LocalOptions> LOCAL = OptionGroup.of(
			a -> new LocalOptions(a.get(CONFIGS_PATH), a.get(JSON), a.get(HIDE_HEADERS)),
			List.of(CONFIGS_PATH, JSON, HIDE_HEADERS));

	/** The local options plus how to reach the server: every command that talks to one has these. */
	public static final OptionGroup<ServerOptions> SERVER = OptionGroup.of(
			a -> new ServerOptions(a.get(LOCAL), a.get(HOST), a.get(TOKEN), a.get(ACTIVE_CONFIG), a.get(SKIP_VERIFY),
					a.flag(HTTP_DEBUG), a.get(CA_CERT)),
			concat(LOCAL.options(), List.of(ACTIVE_CONFIG, HOST, TOKEN, SKIP_VERIFY, CA_CERT, HTTP_DEBUG)));

	private CommonOptions() {
	}

	private static List<OptionDef<?>> concat(List<OptionDef<?>> a, List<OptionDef<?>> b) {
		List<OptionDef<?>> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
