package org.influxshell.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.influxshell.journal.JournalEntry;
import org.influxshell.journal.JournalRun;
import org.influxshell.output.GoJson;
import org.influxshell.output.OutputOptions;
import org.influxshell.output.TabTableRenderer;

import org.springframework.shell.table.ArrayTableModel;

/**
 * Prints journaled runs: the table {@code Run ID Time Session Server Command Changes}, one row per
 * run (a run that was stopped or had failures marked after its counts), or a JSON array of runs,
 * each with its entries and how it ended. The column definitions live here.
 */
public final class JournalRenderer {

	/** The widest a command is shown in the table. */
	static final int COMMAND_WIDTH = 60;

	private static final String[] COLUMNS = { "Run ID", "Time", "Session", "Server", "Command", "Changes" };

	private JournalRenderer() {
	}

	/** The runs in the given order. */
	public static String runs(List<JournalRun> runs, OutputOptions options) {
		if (options.json()) {
			return GoJson.write(runs.stream().map(JournalRenderer::json).toList());
		}
		List<Object[]> rows = new ArrayList<>();
		rows.add(COLUMNS);
		for (JournalRun r : runs) {
			rows.add(new Object[] { r.run(), r.time(), r.session(), r.server(), cut(r.command()),
					r.ended() == null ? r.counts() : r.counts() + " (" + r.ended() + ")" });
		}
		return TabTableRenderer.render(new ArrayTableModel(rows.toArray(new Object[0][])), options.hideHeaders());
	}

	/** A command longer than {@link #COMMAND_WIDTH} cut with {@code …}: one long line must not widen every row; JSON has it whole. */
	static String cut(String command) {
		return command.codePointCount(0, command.length()) <= COMMAND_WIDTH ? command
				: command.substring(0, command.offsetByCodePoints(0, COMMAND_WIDTH - 1)) + "…";
	}

	private static Map<String, Object> json(JournalRun r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("run", r.run());
		m.put("time", r.time());
		m.put("session", r.session());
		m.put("server", r.server());
		m.put("profile", r.profile());
		m.put("command", r.command());
		m.put("entries", r.entries().stream().map(JournalRenderer::json).toList());
		m.put("ended", r.ended() == null ? "complete" : r.ended());
		if (r.note() != null) {
			m.put("note", r.note());
		}
		return m;
	}

	private static Map<String, Object> json(JournalEntry e) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("time", e.time());
		m.put("action", e.action());
		m.put("id", e.id());
		m.put("description", e.description());
		m.put("user", e.user());
		m.put("before", e.before());
		m.put("after", e.after());
		m.put("permissions", e.permissions());
		if (e.kind() != null) {
			m.put("kind", e.kind());
		}
		if (JournalEntry.REWRITE.equals(e.action())) {
			// a rotation's profile: which one, the token it held, and the copy that holds that token's value
			m.put("rewritten", e.rewritten());
			m.put("replaced", e.replaced());
			m.put("copy", e.copy());
		}
		return m;
	}
}
