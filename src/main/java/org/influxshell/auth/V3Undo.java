package org.influxshell.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.influxshell.connection.Connection;
import org.influxshell.journal.JournalEntry;
import org.influxshell.journal.JournalRun;

/**
 * {@code auth undo} of what runs did to InfluxDB 3 tokens. A token a run created is deleted (on
 * InfluxDB 3 there is no inactive state to leave it in): asked first on a terminal, with
 * {@code --force} off one, as any delete. A token a run deleted cannot come back: the server
 * keeps no secret of it. It is named, with how to make a new one, and the undo ends with exit 1.
 * The token this command uses is never deleted.
 */
final class V3Undo {

	private V3Undo() {
	}

	static TokenUndo.Outcome undo(Connection conn, List<JournalRun> runs, V3Auth v3, TokenUndo.UndoQuery query,
			boolean force) {
		Map<String, JournalEntry> created = new LinkedHashMap<>();
		Map<String, JournalEntry> deleted = new LinkedHashMap<>();
		for (JournalRun run : runs) {
			List<JournalEntry> entries = new ArrayList<>(run.entries());
			Collections.reverse(entries);
			for (JournalEntry e : entries) {
				if (!V3Tokens.KIND.equals(e.kind())) {
					continue;
				}
				if (JournalEntry.DELETE.equals(e.action())) {
					deleted.putIfAbsent(e.id(), e);
				}
				else if (JournalEntry.CREATE.equals(e.action())) {
					created.putIfAbsent(e.id(), e);
				}
			}
		}
		int remaining = 0;
		for (JournalEntry gone : deleted.values()) {
			if (created.remove(gone.id()) != null) {
				// made and deleted by the runs undone: nothing is left of it to take back
				continue;
			}
			v3.stderr().line("cannot bring back deleted token " + gone.id() + " (" + gone.description() + "): InfluxDB 3 "
					+ "cannot restore a deleted token; make a new one with: auth create --name " + gone.description());
			remaining++;
		}
		List<ChangePath.Step> steps = new ArrayList<>();
		List<V3Token> planned = new ArrayList<>();
		if (!created.isEmpty()) {
			List<V3Token> all = v3.all(conn);
			V3Token inUse = v3.inUse(conn, all);
			for (JournalEntry made : created.values()) {
				V3Token now = all.stream().filter(t -> String.valueOf(t.id()).equals(made.id())).findFirst().orElse(null);
				if (now == null || !now.name().equals(made.description())) {
					v3.stderr().line("already gone: token " + made.id() + " (" + made.description() + ") is no longer on "
							+ "the server");
					continue;
				}
				if (inUse != null && inUse.id() == now.id()) {
					v3.stderr().line("left as it is: token " + made.id() + " (" + made.description() + ") is the token this "
							+ "command uses; delete it with another token: auth delete --name " + made.description());
					remaining++;
					continue;
				}
				planned.add(now);
				steps.add(new ChangePath.Step(made.id(), now.asAuthorization(), Change.DELETE));
			}
		}
		if (query.dryRun() || steps.isEmpty()) {
			return new TokenUndo.Outcome(runs, new ChangePath.Outcome(steps.size(),
					steps.stream().map(ChangePath.Step::now).toList(), List.of(), List.of(), List.of(), List.of(), List.of(),
					null), remaining);
		}
		if (!force) {
			v3.confirm(planned, "Delete " + steps.size() + " token(s) the run made? InfluxDB 3 cannot bring a deleted "
					+ "token back. [y/N] ", "nothing changed back");
		}
		ChangePath.Read none = new ChangePath.Read(Map.of(), List.of(), List.of(), null);
		ChangePath.Outcome done = v3.path().execute(conn, steps);
		return new TokenUndo.Outcome(runs, v3.path().summarise(conn, done, none), remaining);
	}
}
