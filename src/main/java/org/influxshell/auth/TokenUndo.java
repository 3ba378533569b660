package org.influxshell.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.cli.CliException;
import org.influxshell.command.Notes;
import org.influxshell.command.Questions;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.connection.Connection;
import org.influxshell.http.ApiCalls;
import org.influxshell.journal.Journal;
import org.influxshell.journal.JournalEntry;
import org.influxshell.journal.JournalRun;

/**
 * {@code auth undo}: puts back what journaled runs changed, on the {@link ChangePath} like any
 * change (the same concurrency, progress, verification, journal and summary; an undo can be
 * undone). A status change is reverted only for a token still in the state the runs left it
 * (someone may have changed it by hand since: that is theirs to keep); a token a run created is
 * inactivated, not deleted (it can be activated again, and its clients may already use it); a
 * deleted token cannot come back, so it is listed with its description and permissions to be
 * re-created, and the undo ends with a failure. The token this command uses is never changed:
 * it is named as left to do; when it cannot be recognised (hidden token values, a password
 * sign-in), the tokens of the caller's own user are changed last, after all the others.
 * <p>
 * A rotation is taken back in the order that keeps every profile working: the old token is
 * activated, the profiles it was replaced in get it back ({@link ProfileRestore}, from the copy of
 * the configs file the rotation kept), and only then is the new token inactivated, with the old
 * token when this command used the new one.
 * <p>
 * InfluxDB 3 tokens have no status to put back: {@link V3Undo} deletes the ones a run made and
 * names the ones it deleted as lost.
 */
public class TokenUndo {

	private final ChangeJournal journal;

	private final ChangePath path;

	private final Map<String, Credentials> kinds = new HashMap<>();

	private final DirectoryClient directory;

	private final Questions questions;

	private final Notes notes;

	private final ProfileRestore profiles;

	private final V3Auth v3;

	/**
	 * @param kinds every kind of credential the journal may hold, each under its {@link Credentials#kind()}
	 * @param v3 takes back what runs did to InfluxDB 3 tokens
	 */
	public TokenUndo(ChangeJournal journal, ChangePath path, List<Credentials> kinds, DirectoryClient directory,
			Questions questions, Notes notes, ConfigsFile configs, V3Auth v3) {
		this.v3 = v3;
		this.journal = journal;
		this.path = path;
		kinds.forEach(k -> this.kinds.put(k.kind(), k));
		this.directory = directory;
		this.questions = questions;
		this.notes = notes;
		this.profiles = new ProfileRestore(journal, configs, notes);
	}

	/**
	 * Which runs to undo: one of {@code run} and {@code session}, or neither for the last run on the server.
	 *
	 * @param run a run's ID, or {@code null}
	 * @param session a session's ID, or {@code null}
	 * @param dryRun say what would be done, change nothing
	 * @param force delete without asking what an InfluxDB 3 run created (off a terminal it is needed)
	 */
	public record UndoQuery(String run, String session, boolean dryRun, boolean force) {

		public UndoQuery(String run, String session, boolean dryRun) {
			this(run, session, dryRun, false);
		}
	}

	/**
	 * What undo did.
	 *
	 * @param runs the runs undone, newest first
	 * @param changes what the change path did (in a dry run: the tokens as they are now, to be changed back)
	 * @param remaining how many changes of the runs could not be put back (deleted or vanished tokens, the token in use)
	 */
	public record Outcome(List<JournalRun> runs, ChangePath.Outcome changes, int remaining) {
	}

	/**
	 * Undoes the runs the query names on this connection's server.
	 * @throws CliException a failure when the journal holds no such run on this server or the
	 *         answer is no, a usage error for both filters
	 */
	public Outcome undo(Connection conn, UndoQuery query) {
		if (query.run() != null && query.session() != null) {
			throw CliException.usage("give --run or --session, not both");
		}
		List<JournalRun> runs = pick(conn, query);
		for (JournalRun run : runs) {
			notes.line((query.dryRun() ? "would undo" : "undoing") + " run " + run.run() + " of " + run.time() + " on "
					+ run.server() + ": " + run.command() + " (" + run.counts() + ")");
		}
		// each kind of credential the runs changed goes down its own path, API tokens first
		List<String> present = new ArrayList<>();
		runs.forEach(r -> r.entries().forEach(e -> {
			if (!present.contains(e.kind())) {
				present.add(e.kind());
			}
		}));
		present.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
		Outcome all = null;
		for (String kind : present) {
			Credentials credentials = kinds.get(kind);
			if (V3Tokens.KIND.equals(kind) && v3 != null) {
				// InfluxDB 3 has no status to put back: a created token is deleted, a deleted one cannot come back
				Outcome one = V3Undo.undo(conn, runs, v3, query, query.force(), profiles, journal.runId());
				all = all == null ? one : new Outcome(runs, all.changes().plus(one.changes()), all.remaining() + one.remaining());
				continue;
			}
			if (credentials == null) {
				throw CliException.failure("the journal holds changes of a kind this console does not know: " + kind);
			}
			Outcome one = undoKind(conn, runs, kind, path.with(credentials), query);
			all = all == null ? one
					: new Outcome(runs, all.changes().plus(one.changes()), all.remaining() + one.remaining());
			if (one.changes().stop() != null) {
				break;
			}
		}
		return all != null ? all : new Outcome(runs, ChangePath.Outcome.none(), 0);
	}

	/** Undoes the changes of one kind of credential that the runs made. */
	private Outcome undoKind(Connection conn, List<JournalRun> runs, String kind, ChangePath path, UndoQuery query) {
		// per token, walking from the newest change back: the state the runs left it in, and the one before them
		Map<String, JournalEntry> latest = new LinkedHashMap<>();
		Map<String, JournalEntry> earliest = new HashMap<>();
		Map<String, JournalEntry> deleted = new LinkedHashMap<>();
		// a rotation's profiles, newest first: put back between the activations and the inactivations
		List<JournalEntry> rewrites = new ArrayList<>();
		Map<String, JournalEntry> passwords = new LinkedHashMap<>();
		for (JournalRun run : runs) {
			List<JournalEntry> entries = new ArrayList<>(run.entries());
			Collections.reverse(entries);
			for (JournalEntry entry : entries) {
				if (!Objects.equals(entry.kind(), kind)) {
					continue;
				}
				String key = entry.id().toLowerCase(Locale.ROOT);
				if (JournalEntry.REWRITE.equals(entry.action())) {
					rewrites.add(entry);
				}
				else if (JournalEntry.DELETE.equals(entry.action())) {
					deleted.putIfAbsent(key, entry);
				}
				else if (JournalEntry.SET_PASSWORD.equals(entry.action())) {
					passwords.putIfAbsent(key, entry);
				}
				else {
					latest.putIfAbsent(key, entry);
					earliest.put(key, entry);
				}
			}
		}
		int remaining = 0;
		for (JournalEntry gone : deleted.values()) {
			latest.remove(gone.id().toLowerCase(Locale.ROOT));
			notes.line("cannot bring back deleted token " + gone.id() + " (description \"" + gone.description()
					+ "\", user " + gone.user() + "); re-create it with: [" + String.join(" ", gone.permissions()) + "]");
			remaining++;
		}
		for (JournalEntry set : passwords.values()) {
			// the server never tells a password, so the one before cannot be known, let alone put back
			notes.line("cannot undo the password set on " + set.id() + " (description \"" + set.description()
					+ "\"): the old password is not known; set another with: v1 auth set-password --id " + set.id());
			remaining++;
		}
		ProfileRestore.Plan restore = profiles.plan(rewrites, deleted.keySet());
		List<String> ids = latest.values().stream().map(JournalEntry::id).toList();
		ChangePath.Read read = path.read(conn, ids);
		List<ChangePath.Step> steps = new ArrayList<>();
		// the tokens a rotation wrote into profiles: inactivated once the profiles hold the old ones again
		List<ChangePath.Step> afterRestore = new ArrayList<>();
		String inUse = path.credentials().mayBeInUse() ? Connection.asSent(conn.token()) : "";
		for (JournalEntry last : latest.values()) {
			String key = last.id().toLowerCase(Locale.ROOT);
			JournalEntry first = earliest.get(key);
			String back = JournalEntry.CREATE.equals(first.action()) ? Status.INACTIVE.value() : first.before();
			Authorization now = read.get(last.id());
			if (back == null || back.equals(last.after())) {
				// the runs found it in this state already: nothing of theirs to take back
				continue;
			}
			if (now == null) {
				if (read.gone(last.id())) {
					notes.line("cannot change back " + last.id() + " (" + last.description()
							+ "): it is no longer on the server");
					remaining++;
				}
				continue;
			}
			if (!now.status().equals(last.after())) {
				notes.line("left alone: " + last.id() + " (" + last.description() + ") is " + now.status()
						+ " now; the run left it " + last.after());
				continue;
			}
			if (restore.written(key) && back.equals(Status.INACTIVE.value())) {
				if (restore.kept(key)) {
					notes.line("left active: " + last.id() + " (" + last.description() + ") replaced a token that was"
							+ " deleted since; the profiles keep it");
					remaining++;
				}
				else {
					afterRestore.add(new ChangePath.Step(last.id(), now, Change.INACTIVATE));
				}
				continue;
			}
			if (!inUse.isEmpty() && now.token().equals(inUse)) {
				notes.line("left as it is: " + last.id() + " (" + last.description() + ") is the token this command uses;"
						+ " change it back with another token: auth " + (back.equals(Status.ACTIVE.value()) ? "active" : "inactive")
						+ " --id " + last.id());
				remaining++;
				continue;
			}
			steps.add(new ChangePath.Step(last.id(), now, back.equals(Status.ACTIVE.value()) ? Change.ACTIVATE : Change.INACTIVATE));
		}
		if (read.stop() != null || query.dryRun()) {
			if (query.dryRun()) {
				restore.sayWhatWouldBeDone();
			}
			steps.addAll(afterRestore);
			return new Outcome(runs, new ChangePath.Outcome(steps.size(),
					steps.stream().filter(s -> !s.alreadySo()).map(ChangePath.Step::now).toList(),
					steps.stream().filter(ChangePath.Step::alreadySo).map(ChangePath.Step::now).toList(), read.failedIds(),
					read.failures(), List.of(), List.of(), read.stop()), remaining);
		}
		List<ChangePath.Step> all = new ArrayList<>(steps);
		all.addAll(afterRestore);
		confirm(all, restore);
		List<List<ChangePath.Step>> phases = path.credentials().mayBeInUse() ? ownLast(conn, read, steps)
				: List.of(steps, List.of());
		ChangePath.Outcome done = path.execute(conn, phases.get(0));
		if (!phases.get(1).isEmpty()) {
			done = done.stop() != null ? done.notStarted(phases.get(1)) : done.plus(path.execute(conn, phases.get(1)));
		}
		if (!restore.isEmpty()) {
			if (done.stop() != null || !done.failures().isEmpty()) {
				// an old token that could not be activated must not go back into a profile
				notes.line("profiles not restored: a token could not be changed back first");
				remaining += restore.size();
				done = done.stop() != null ? done.notStarted(afterRestore) : done;
				if (done.stop() == null) {
					remaining += afterRestore.size();
				}
			}
			else {
				ProfileRestore.Done put = restore.run(conn, journal.runId());
				remaining += put.notRestored();
				if (put.failure() != null) {
					notes.line("profiles not restored: " + put.failure().getMessage());
					remaining += afterRestore.size();
				}
				else if (!afterRestore.isEmpty()) {
					done = done.plus(path.execute(put.connection(), afterRestore));
				}
			}
		}
		Outcome outcome = new Outcome(runs, path.summarise(conn, done, read), remaining);
		if (remaining == 0 && outcome.changes().failures().isEmpty() && outcome.changes().stop() == null) {
			restore.removeCopies();
		}
		return outcome;
	}

	/** On a terminal, asks before changing anything back. */
	private void confirm(List<ChangePath.Step> steps, ProfileRestore.Plan restore) {
		long sent = steps.stream().filter(s -> !s.alreadySo()).count();
		if (sent == 0 && restore.isEmpty() || !questions.canAsk()) {
			return;
		}
		String also = restore.isEmpty() ? "" : " and restore " + restore.size() + " profile(s)";
		if (!questions.confirm(List.of(), "Change back " + sent + " token(s)" + also + "? [y/N] ")) {
			throw CliException.failure("nothing changed back");
		}
	}

	/**
	 * The steps in two phases: when the token in use cannot be recognised (hidden token values, a
	 * password sign-in), the caller's own user's tokens come after all the others, so that changing
	 * one of them cannot cut the undo off half-way.
	 */
	private List<List<ChangePath.Step>> ownLast(Connection conn, ChangePath.Read read, List<ChangePath.Step> steps) {
		boolean hidden = read.found().values().stream().noneMatch(a -> TokenQueries.isRealToken(a.token()));
		boolean unrecognised = conn.token().isEmpty() ? conn.signIn() != null : hidden;
		if (!unrecognised || steps.isEmpty()) {
			return List.of(steps, List.of());
		}
		String me = ApiCalls.describing("could not find the user of the token (GET /api/v2/me)", () -> directory.myUserId(conn));
		List<ChangePath.Step> others = steps.stream().filter(s -> !s.now().userID().equalsIgnoreCase(me)).toList();
		List<ChangePath.Step> own = steps.stream().filter(s -> s.now().userID().equalsIgnoreCase(me)).toList();
		return List.of(others, own);
	}

	private List<JournalRun> pick(Connection conn, UndoQuery query) {
		String server = conn.baseUrl();
		// the journal is read as it goes by, keeping only the runs asked for
		Journal file = journal.journal();
		if (query.run() != null) {
			JournalRun run = JournalRun.newest(file::forEach, first -> first.run().equals(query.run()), 1).stream()
				.findFirst()
				.orElseThrow(() -> CliException.failure("no run \"" + query.run() + "\" in the journal " + file.path()));
			if (!run.server().equals(server)) {
				throw CliException.failure("run \"" + run.run() + "\" changed " + run.server() + ", not " + server
						+ "; name that server with --host or -c");
			}
			return List.of(run);
		}
		if (query.session() != null) {
			List<JournalRun> ofSession = JournalRun.newest(file::forEach, first -> first.session().equals(query.session()),
					Integer.MAX_VALUE);
			if (ofSession.isEmpty()) {
				throw CliException.failure("no session \"" + query.session() + "\" in the journal " + file.path());
			}
			List<JournalRun> here = ofSession.stream().filter(r -> r.server().equals(server)).toList();
			for (JournalRun other : ofSession) {
				if (!other.server().equals(server)) {
					notes.line("left alone: run " + other.run() + " changed " + other.server() + ", not " + server);
				}
			}
			return here;
		}
		return List.of(JournalRun.newest(file::forEach, first -> first.server().equals(server), 1).stream()
			.findFirst()
			.orElseThrow(() -> CliException.failure("the journal " + file.path() + " holds no run on " + server)));
	}
}
