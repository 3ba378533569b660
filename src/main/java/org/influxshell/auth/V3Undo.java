package org.influxshell.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.influxshell.connection.Connection;
import org.influxshell.journal.JournalEntry;
import org.influxshell.journal.JournalRun;

/**
 * {@code auth undo} of what runs did to InfluxDB 3 tokens. A token a run created is deleted (on
 * InfluxDB 3 there is no inactive state to leave it in): asked first on a terminal, with
 * {@code --force} off one, as any delete. A token a run deleted cannot come back: the server
 * keeps no secret of it. It is named, with how to make a new one, and the undo ends with exit 1.
 * The token this command uses is never deleted, but for the one below.
 * <p>
 * A rotation stopped before it deleted the old token is taken back whole: the profiles it
 * rewrote get back the token they held, from the copy of the configs file it kept (only while
 * they still hold the new one), then the new token is deleted, with the old token when this
 * command used the new one (the rotation of its own profile's token). A rotation that deleted the old
 * token cannot be: the old token cannot come back, and no profile is given a deleted token, so
 * the profiles keep the new token and the new token stays; both are named, and the undo ends
 * with exit 1. A regenerated operator token cannot come back either: its old value stopped
 * working at once. Its profiles are left as they are, holding the only value that works.
 */
final class V3Undo {

	private V3Undo() {
	}

	/**
	 * @param profiles puts back the profiles a rotation rewrote
	 * @param runId this undo's run, which names its own copy of the configs file
	 */
	static TokenUndo.Outcome undo(Connection conn, List<JournalRun> runs, V3Auth v3, TokenUndo.UndoQuery query,
			boolean force, ProfileRestore profiles, String runId) {
		Entries did = Entries.of(runs);
		int remaining = sayLost(did, v3);
		// the profiles of a regeneration hold the only value that works: they stay as they are; and a
		// profile never gets back a token that was deleted: it keeps the new one, which stays
		ProfileRestore.Plan restore = profiles.plan(
				did.rewrites().stream().filter(e -> !did.regenerated().containsKey(e.id())).toList(),
				Set.copyOf(did.deleted().keySet()));
		Deletes deletes = did.created().isEmpty() ? new Deletes() : plan(conn, did.created(), restore, v3);
		remaining += deletes.remaining;
		List<ChangePath.Step> all = deletes.all();
		if (query.dryRun()) {
			restore.sayWhatWouldBeDone();
			return new TokenUndo.Outcome(runs, new ChangePath.Outcome(all.size(),
					all.stream().map(ChangePath.Step::now).toList(), List.of(), List.of(), List.of(), List.of(), List.of(),
					null), remaining);
		}
		if (!all.isEmpty() && !force) {
			v3.confirm(deletes.planned, "Delete " + all.size() + " token(s) the run made"
					+ (restore.isEmpty() ? "" : " and restore " + restore.size() + " profile(s)")
					+ "? InfluxDB 3 cannot bring a deleted token back. [y/N] ", "nothing changed back");
		}
		return restoreThenDelete(conn, runs, v3, restore, runId, deletes, remaining);
	}

	/** What the runs did to InfluxDB 3 tokens, newest first, each token once under its ID. */
	private record Entries(Map<String, JournalEntry> created, Map<String, JournalEntry> deleted,
			Map<String, JournalEntry> regenerated, List<JournalEntry> rewrites) {

		static Entries of(List<JournalRun> runs) {
			Entries did = new Entries(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
			for (JournalRun run : runs) {
				List<JournalEntry> entries = new ArrayList<>(run.entries());
				Collections.reverse(entries);
				for (JournalEntry e : entries) {
					if (!V3Tokens.KIND.equals(e.kind())) {
						continue;
					}
					if (JournalEntry.DELETE.equals(e.action())) {
						did.deleted.putIfAbsent(e.id(), e);
					}
					else if (JournalEntry.CREATE.equals(e.action())) {
						did.created.putIfAbsent(e.id(), e);
					}
					else if (JournalEntry.REWRITE.equals(e.action())) {
						did.rewrites.add(e);
					}
					else if (JournalEntry.REGENERATE.equals(e.action())) {
						did.regenerated.putIfAbsent(e.id(), e);
					}
				}
			}
			return did;
		}
	}

	/**
	 * Names what cannot come back (a regenerated operator token's old value, deleted tokens); how
	 * many. A token the runs made and deleted again is left out of {@code did}'s created ones.
	 */
	private static int sayLost(Entries did, V3Auth v3) {
		int lost = 0;
		for (JournalEntry r : did.regenerated().values()) {
			v3.notes().line("cannot bring back the old value of the operator token " + r.id() + " (" + r.description()
					+ "): a regenerated operator token cannot come back, InfluxDB 3 refused the old value the moment it "
					+ "made the new one; the profiles keep the new value");
			lost++;
		}
		for (JournalEntry gone : did.deleted().values()) {
			if (did.created().remove(gone.id()) != null) {
				// made and deleted by the runs undone: nothing is left of it to take back
				continue;
			}
			v3.notes().line("cannot bring back deleted token " + gone.id() + " (" + gone.description() + "): InfluxDB 3 "
					+ "cannot restore a deleted token; make a new one with: auth create --name " + gone.description());
			lost++;
		}
		return lost;
	}

	/** The deletes of the tokens the runs made, as the server lists them now. */
	private static final class Deletes {

		private final List<ChangePath.Step> steps = new ArrayList<>();

		/** The tokens a rotation wrote into profiles: deleted once the profiles hold the old ones again. */
		private final List<ChangePath.Step> afterRestore = new ArrayList<>();

		private final List<V3Token> planned = new ArrayList<>();

		/** The tokens left, each named in a note. */
		private int remaining;

		List<ChangePath.Step> all() {
			List<ChangePath.Step> all = new ArrayList<>(steps);
			all.addAll(afterRestore);
			return all;
		}
	}

	private static Deletes plan(Connection conn, Map<String, JournalEntry> created, ProfileRestore.Plan restore,
			V3Auth v3) {
		Deletes deletes = new Deletes();
		List<V3Token> all = v3.all(conn);
		V3Token inUse = v3.inUse(conn, all);
		for (JournalEntry made : created.values()) {
			V3Token now = all.stream().filter(t -> String.valueOf(t.id()).equals(made.id())).findFirst().orElse(null);
			String what = "token " + made.id() + " (" + made.description() + ")";
			if (now == null || !now.name().equals(made.description())) {
				v3.notes().line("already gone: " + what + " is no longer on the server");
			}
			else if (restore.kept(made.id())) {
				v3.notes().line("left as it is: " + what + " replaced a token that was deleted; the profiles keep it");
				deletes.remaining++;
			}
			else if (restore.written(made.id())) {
				// the command may use it, from a profile it was written into: the restore puts the old
				// token back there, and the delete is made with that one
				deletes.planned.add(now);
				deletes.afterRestore.add(new ChangePath.Step(made.id(), now.asAuthorization(), Change.DELETE));
			}
			else if (inUse != null && inUse.id() == now.id()) {
				v3.notes().line("left as it is: " + what + " is the token this command uses; delete it with another "
						+ "token: auth delete --name " + made.description());
				deletes.remaining++;
			}
			else {
				deletes.planned.add(now);
				deletes.steps.add(new ChangePath.Step(made.id(), now.asAuthorization(), Change.DELETE));
			}
		}
		return deletes;
	}

	/**
	 * Puts the profiles back first, so that none holds a token deleted next, then deletes the
	 * tokens: those written into profiles with the old token when this command used a new one.
	 */
	private static TokenUndo.Outcome restoreThenDelete(Connection conn, List<JournalRun> runs, V3Auth v3,
			ProfileRestore.Plan restore, String runId, Deletes deletes, int remaining) {
		Connection cutter = conn;
		if (!restore.isEmpty()) {
			ProfileRestore.Done put = restore.run(conn, runId);
			if (put.failure() != null) {
				v3.notes().line("profiles not restored: " + put.failure().getMessage() + "; the tokens they hold are left");
				// the new tokens the profiles still hold are not deleted
				return new TokenUndo.Outcome(runs, ChangePath.Outcome.none(),
						remaining + restore.size() + deletes.all().size());
			}
			remaining += put.notRestored();
			cutter = put.connection();
		}
		ChangePath.Outcome done = deletes.steps.isEmpty() ? ChangePath.Outcome.none()
				: v3.path().execute(conn, deletes.steps);
		if (!deletes.afterRestore.isEmpty()) {
			done = done.stop() != null ? done.notStarted(deletes.afterRestore)
					: done.plus(v3.path().execute(cutter, deletes.afterRestore));
		}
		ChangePath.Read none = new ChangePath.Read(Map.of(), List.of(), List.of(), null);
		return new TokenUndo.Outcome(runs, v3.path().summarise(conn, done, none), remaining);
	}
}
