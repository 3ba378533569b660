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
 * Prints tokens as upstream does: the table {@code ID Description Token User Name User ID
 * Permissions [Deleted]}, or JSON objects with the keys {@code id description token status
 * userName userID permissions}. Two things of our own, both asked for: a {@code Status} column
 * after the others ({@code --wide}), and token values masked ({@code --mask-tokens}). The column
 * definitions live here and nowhere else.
 */
public final class TokenRenderer {

	private static final String[] COLUMNS = { "ID", "Description", "Token", "User Name", "User ID", "Permissions" };

	/** What a masked token keeps of its value: enough to tell tokens apart, too little to use. */
	static final int MASK_KEEPS = 4;

	/** Below this length a value is masked whole: four characters would be too much of it. */
	static final int MASK_SHORTEST = 16;

	/**
	 * How tokens are shown beyond upstream's output.
	 *
	 * @param wide add the {@code Status} column to the table
	 * @param masked print each token value as its first characters and {@code …}, JSON too
	 */
	public record View(boolean wide, boolean masked) {

		/** Upstream's output, byte for byte. */
		public static final View UPSTREAM = new View(false, false);
	}

	private TokenRenderer() {
	}

	/** One token: a one-row table or one JSON object. */
	public static String one(Authorization auth, boolean deleted, OutputOptions options) {
		return one(auth, deleted, options, View.UPSTREAM);
	}

	/** One token: a one-row table or one JSON object. */
	public static String one(Authorization auth, boolean deleted, OutputOptions options, View view) {
		if (options.json()) {
			return GoJson.write(json(auth, view));
		}
		return table(List.of(auth), deleted, options, view);
	}

	/** Several tokens in the given order: a table or a JSON array ({@code []} when empty). */
	public static String many(List<Authorization> auths, boolean deleted, OutputOptions options) {
		return many(auths, deleted, options, View.UPSTREAM);
	}

	/** Several tokens in the given order: a table or a JSON array ({@code []} when empty). */
	public static String many(List<Authorization> auths, boolean deleted, OutputOptions options, View view) {
		if (options.json()) {
			return GoJson.write(auths.stream().map(a -> json(a, view)).toList());
		}
		return table(auths, deleted, options, view);
	}

	/**
	 * A token value masked: its first {@value #MASK_KEEPS} characters and {@code …}; a value shorter
	 * than {@value #MASK_SHORTEST} characters is {@code …} alone, and no value stays empty.
	 */
	static String mask(String token) {
		if (token.isEmpty()) {
			return "";
		}
		return token.length() < MASK_SHORTEST ? "…" : token.substring(0, MASK_KEEPS) + "…";
	}

	private static String table(List<Authorization> auths, boolean deleted, OutputOptions options, View view) {
		List<Object[]> rows = new ArrayList<>();
		rows.add(row(COLUMNS, view.wide() ? "Status" : null, deleted ? "Deleted" : null));
		for (Authorization a : auths) {
			String perms = "[" + String.join(" ", a.permissions().stream().map(Authorization.Permission::describe).toList()) + "]";
			String token = view.masked() ? mask(a.token()) : a.token();
			rows.add(row(new String[] { a.id(), a.description(), token, a.user(), a.userID(), perms },
					view.wide() ? a.status() : null, deleted ? "true" : null));
		}
		return TabTableRenderer.render(new ArrayTableModel(rows.toArray(new Object[0][])), options.hideHeaders());
	}

	/** The cells, then each extra cell that is not {@code null}. */
	private static Object[] row(String[] cells, String... extras) {
		List<Object> out = new ArrayList<>(List.of(cells));
		for (String extra : extras) {
			if (extra != null) {
				out.add(extra);
			}
		}
		return out.toArray();
	}

	private static Map<String, Object> json(Authorization a, View view) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.id());
		m.put("description", a.description());
		m.put("token", view.masked() ? mask(a.token()) : a.token());
		m.put("status", a.status());
		m.put("userName", a.user());
		m.put("userID", a.userID());
		m.put("permissions", a.permissions().stream().map(Authorization.Permission::describe).toList());
		return m;
	}
}
