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
 * Prints v1 authorizations as upstream does: the table {@code ID Description Username
 * v2 User Name v2 User ID Permissions [Deleted]}, or JSON objects with the keys {@code id
 * description token status userName userID permissions} (the username under {@code token}).
 * An empty list is {@code []}, as for tokens (upstream writes Go's nil slices as {@code null}).
 */
public final class V1Renderer {

	private static final String[] COLUMNS = { "ID", "Description", "Username", "v2 User Name", "v2 User ID",
			"Permissions" };

	private V1Renderer() {
	}

	/** One authorization: a one-row table or one JSON object. */
	public static String one(Authorization auth, boolean deleted, OutputOptions options) {
		if (options.json()) {
			return GoJson.write(json(auth));
		}
		return table(List.of(auth), deleted, options);
	}

	/** Several, in the given order: a table or a JSON array ({@code []} when empty). */
	public static String many(List<Authorization> auths, boolean deleted, OutputOptions options) {
		if (options.json()) {
			return GoJson.write(auths.stream().map(V1Renderer::json).toList());
		}
		return table(auths, deleted, options);
	}

	private static String table(List<Authorization> auths, boolean deleted, OutputOptions options) {
		List<Object[]> rows = new ArrayList<>();
		rows.add(row(COLUMNS, deleted ? "Deleted" : null));
		for (Authorization a : auths) {
			String perms = "[" + String.join(" ", a.permissions().stream().map(Authorization.Permission::describe).toList()) + "]";
			rows.add(row(new String[] { a.id(), a.description(), a.token(), a.user(), a.userID(), perms },
					deleted ? "true" : null));
		}
		return TabTableRenderer.render(new ArrayTableModel(rows.toArray(new Object[0][])), options.hideHeaders());
	}

	private static Object[] row(String[] cells, String extra) {
		List<Object> out = new ArrayList<>(List.of(cells));
		if (extra != null) {
			out.add(extra);
		}
		return out.toArray();
	}

	private static Map<String, Object> json(Authorization a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.id());
		m.put("description", a.description());
		m.put("token", a.token());
		m.put("status", a.status());
		m.put("userName", a.user());
		m.put("userID", a.userID());
		m.put("permissions", a.permissions().stream().map(Authorization.Permission::describe).toList());
		return m;
	}
}
