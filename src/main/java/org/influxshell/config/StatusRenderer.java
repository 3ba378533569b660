package org.influxshell.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.influxshell.output.GoJson;
import org.influxshell.output.OutputOptions;
import org.influxshell.output.TabTableRenderer;

import org.springframework.shell.table.ArrayTableModel;

/**
 * Prints {@code config status}: a table {@code Active Name URL Server User Credentials Latency}
 * in the layout of {@code config list}, or a JSON object of name to answer. An InfluxDB 3 server's
 * answer has two more keys, {@code product} and {@code expires}; an InfluxDB 2 server's is as it
 * always was.
 */
final class StatusRenderer {

	private StatusRenderer() {
	}

	static String render(List<ProfileChecks.Check> checks, OutputOptions options) {
		if (options.json()) {
			Map<String, Object> byName = new TreeMap<>();
			checks.forEach(c -> byName.put(c.profile().name(), json(c)));
			return GoJson.write(byName);
		}
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "Active", "Name", "URL", "Server", "User", "Credentials", "Latency" });
		for (ProfileChecks.Check c : checks) {
			rows.add(new Object[] { c.profile().active() ? "*" : "", c.profile().name(), c.url(), c.server(), c.user(),
					c.credentialsText(), latency(c.latency()) });
		}
		return TabTableRenderer.render(new ArrayTableModel(rows.toArray(new Object[0][])), options.hideHeaders());
	}

	/** Whole milliseconds, as {@code 12ms}; empty when no answer came. */
	static String latency(Duration latency) {
		return latency == null ? "" : latency.toMillis() + "ms";
	}

	private static Map<String, Object> json(ProfileChecks.Check c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("active", c.profile().active());
		m.put("url", c.url());
		m.put("reachable", c.reachable());
		if (c.isV3()) {
			m.put("product", c.product());
		}
		m.put("build", c.build());
		m.put("version", c.version());
		m.put("user", c.user());
		m.put("credentials", c.credentials().words);
		if (c.isV3()) {
			m.put("expires", c.expires());
		}
		m.put("latencyMs", c.latency() == null ? null : c.latency().toMillis());
		m.put("ok", c.ok());
		m.put("problem", c.problem());
		m.put("detail", c.detail());
		return m;
	}
}
