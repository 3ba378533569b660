package org.influxshell.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.influxshell.output.GoJson;
import org.influxshell.output.OutputOptions;
import org.influxshell.output.TabTableRenderer;

import org.springframework.shell.table.ArrayTableModel;

/**
 * Prints InfluxDB 3 tokens, modelled on the {@code influxdb3} CLI's {@code show tokens}: the table
 * {@code ID Name Hash Created Expiry Permissions [Deleted]} ({@code --wide} adds {@code Description}
 * and {@code Updated}), or a JSON array of the {@code system.tokens} rows with the server's keys,
 * columns that are null left out as the server leaves them out. A created token is printed as
 * {@code influxdb3 create token} prints it, without the terminal colours.
 */
public final class V3Renderer {

	private V3Renderer() {
	}

	/** Tokens in the given order: a table, or a JSON array ({@code []} when empty). */
	public static String many(List<V3Token> tokens, boolean deleted, OutputOptions options, boolean wide) {
		if (options.json()) {
			List<Object> rows = new ArrayList<>();
			tokens.forEach(t -> rows.add(json(t, deleted)));
			return GoJson.write(rows);
		}
		List<Object[]> rows = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("ID", "Name", "Hash", "Created", "Expiry", "Permissions"));
		if (wide) {
			header.addAll(List.of("Description", "Updated"));
		}
		if (deleted) {
			header.add("Deleted");
		}
		rows.add(header.toArray());
		for (V3Token t : tokens) {
			List<String> row = new ArrayList<>(List.of(String.valueOf(t.id()), t.name(), t.hash(), t.createdAt(),
					t.expiry(), t.permissions()));
			if (wide) {
				row.addAll(List.of(t.description(), t.updatedAt()));
			}
			if (deleted) {
				row.add("true");
			}
			rows.add(row.toArray());
		}
		return TabTableRenderer.render(new ArrayTableModel(rows.toArray(new Object[0][])), options.hideHeaders());
	}

	private static Map<String, Object> json(V3Token t, boolean deleted) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("token_id", t.id());
		m.put("name", t.name());
		putIfSet(m, "hash", t.hash());
		putIfSet(m, "created_at", t.createdAt());
		putIfSet(m, "description", t.description());
		putIfSet(m, "updated_at", t.updatedAt());
		putIfSet(m, "expiry", t.expiry());
		m.put("permissions", t.permissions());
		if (deleted) {
			m.put("deleted", true);
		}
		return m;
	}

	private static void putIfSet(Map<String, Object> m, String key, String value) {
		if (!value.isEmpty()) {
			m.put(key, value);
		}
	}

	/**
	 * A token just made: its value, once. Text as {@code influxdb3 create token} prints it; JSON the
	 * server's answer ({@code id name token hash created_at expiry}).
	 */
	public static String created(V3Created t, OutputOptions options) {
		if (options.json()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", t.id());
			m.put("name", t.name());
			m.put("token", t.token());
			m.put("hash", t.hash());
			m.put("created_at", t.createdAt());
			m.put("expiry", t.expiry());
			return GoJson.write(m);
		}
		return "\nNew token created successfully!\n\n"
				+ "Token: " + t.token() + "\n"
				+ "HTTP Requests Header: Authorization: Bearer " + t.token() + "\n\n"
				+ "IMPORTANT: Store this token securely, as it will not be shown again.\n";
	}
}
