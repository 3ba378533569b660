package org.influxshell.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.influxshell.configs.Profile;
import org.influxshell.output.GoJson;
import org.influxshell.output.OutputOptions;
import org.influxshell.output.TabTableRenderer;

import org.springframework.shell.table.ArrayTableModel;

/** Prints profiles as upstream does: a table {@code Active Name URL Org [Deleted]}, or JSON. */
public final class ProfileRenderer {

	private ProfileRenderer() {
	}

	/** One profile: a one-row table, or the profile's JSON object. */
	public static String one(Profile profile, OutputOptions options) {
		if (options.json()) {
			return GoJson.write(json(profile));
		}
		return table(List.of(profile), false, options);
	}

	/** Several profiles: a table sorted by name, or a JSON object of name to profile. */
	public static String many(List<Profile> profiles, boolean deleted, OutputOptions options) {
		if (options.json()) {
			Map<String, Object> byName = new java.util.TreeMap<>();
			profiles.forEach(p -> byName.put(p.name(), json(p)));
			return GoJson.write(byName);
		}
		return table(profiles, deleted, options);
	}

	/**
	 * {@code config list}: {@link #many} with each profile's server generation: in JSON always
	 * ({@code product}, left out when not known, so that such a file lists as upstream lists it),
	 * in the table as a {@code Product} column when {@code wide}.
	 */
	public static String list(List<Profile> profiles, boolean wide, OutputOptions options) {
		if (options.json()) {
			Map<String, Object> byName = new java.util.TreeMap<>();
			profiles.forEach(p -> {
				Map<String, Object> m = json(p);
				if (!p.product().isEmpty()) {
					m.put("product", p.product());
				}
				byName.put(p.name(), m);
			});
			return GoJson.write(byName);
		}
		if (!wide) {
			return table(profiles, false, options);
		}
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "Active", "Name", "URL", "Org", "Product" });
		profiles.stream().sorted(java.util.Comparator.comparing(Profile::name))
			.forEach(p -> rows.add(new Object[] { p.active() ? "*" : "", p.name(), p.url(), p.org(), p.product() }));
		return TabTableRenderer.render(new ArrayTableModel(rows.toArray(new Object[0][])), options.hideHeaders());
	}

	private static String table(List<Profile> profiles, boolean deleted, OutputOptions options) {
		List<Object[]> rows = new ArrayList<>();
		rows.add(deleted ? new Object[] { "Active", "Name", "URL", "Org", "Deleted" }
				: new Object[] { "Active", "Name", "URL", "Org" });
		profiles.stream().sorted(java.util.Comparator.comparing(Profile::name)).forEach(p -> {
			String active = p.active() ? "*" : "";
			rows.add(deleted ? new Object[] { active, p.name(), p.url(), p.org(), "true" }
					: new Object[] { active, p.name(), p.url(), p.org() });
		});
		return TabTableRenderer.render(new ArrayTableModel(rows.toArray(new Object[0][])), options.hideHeaders());
	}

	private static Map<String, Object> json(Profile p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("url", p.url());
		m.put("token", p.token());
		m.put("org", p.org());
		if (p.active()) {
			m.put("active", true);
		}
		if (p.previous()) {
			m.put("previous", true);
		}
		if (!p.cookie().isEmpty()) {
			m.put("cookie", p.cookie());
		}
		// only when set: a profile without them prints the bytes upstream prints
		if (p.skipVerify()) {
			m.put("skip-verify", true);
		}
		if (!p.caCert().isEmpty()) {
			m.put("ca-cert", p.caCert());
		}
		return m;
	}
}
