package org.influxshell.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.cli.CliException;
import org.influxshell.cli.RunStopped;
import org.influxshell.cli.Stderr;
import org.influxshell.command.Questions;
import org.influxshell.command.StopSignals.Stop;
import org.influxshell.connection.Connection;
import org.influxshell.http.ApiCalls;
import org.influxshell.journal.JournalEntry;
import org.influxshell.output.TabTableRenderer;

import org.springframework.shell.table.ArrayTableModel;

/**
 * {@code auth inactive}, {@code auth active} and {@code auth delete}: select the tokens, make sure
 * the change is meant, then change each one (or, in a dry run, only read it). Meant means: the
 * token this command uses is never picked by a selector (when the server hides token values and
 * the selection holds tokens of the caller's own user, {@code --force} is needed); and on a
 * terminal, changing several tokens picked by a selector, or deleting several tokens, is asked
 * first. Scripts and stdin are never asked: there {@code inactive} and {@code active} go ahead,
 * and deleting several tokens needs {@code --force}.
 */
public class TokenChanges {

	/** How many tokens a question shows before it counts the rest. */
	static final int SHOWN = 20;

	private static final long PROGRESS_EVERY_NANOS = 100_000_000L;

	private final TokenSelector selector;

	private final TokenService tokens;

	private final BulkRunner runner;

	private final DirectoryClient directory;

	private final Questions questions;

	private final Stderr stderr;

	private final ChangeJournal journal;

	public TokenChanges(TokenSelector selector, TokenService tokens, BulkRunner runner, DirectoryClient directory,
			Questions questions, Stderr stderr, ChangeJournal journal) {
		this.journal = journal;
		this.selector = selector;
		this.tokens = tokens;
		this.runner = runner;
		this.directory = directory;
		this.questions = questions;
		this.stderr = stderr;
	}

	/**
	 * What a change did.
	 *
	 * @param selected the IDs selected, in ID order
	 * @param done the tokens changed (or, in a dry run, read), in ID order
	 * @param failedIds the IDs that failed, in ID order
	 * @param failures one failure per token that failed, in the same order
	 * @param inFlight the IDs whose request was in flight when the run was stopped
	 * @param notStarted the IDs not started because the run was stopped
	 * @param stop why the run stopped early, or {@code null}
	 */
	public record Outcome(List<String> selected, List<Authorization> done, List<String> failedIds,
			List<CliException> failures, List<String> inFlight, List<String> notStarted, Stop stop) {

		static Outcome none() {
			return new Outcome(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
		}

		/** What the change did, for a message that must say so ({@code 2 token(s) inactivated: A, B}). */
		public String summary(Change change) {
			return done.size() + " token(s) " + change.done() + ": "
					+ String.join(", ", done.stream().map(Authorization::id).toList());
		}

		/** Lines for stderr after the failures: the failed IDs, ready for {@code --id}. */
		public List<String> notes() {
			return failedIds.isEmpty() ? List.of() : List.of("failed: " + String.join(",", failedIds));
		}

		/**
		 * How the command ends: the report of a stopped run (exit 130 or 143), a failure when some
		 * tokens failed, or {@code null}.
		 * @param dryRun the tokens were only read
		 */
		public CliException ending(Change change, boolean dryRun) {
			if (stop != null) {
				List<String> parts = new ArrayList<>();
				parts.add(done.size() + " " + (dryRun ? "read" : change.done()));
				if (!failures.isEmpty()) {
					parts.add(failures.size() + " failed");
				}
				parts.add(inFlight.size() + " unknown (in flight)");
				parts.add(notStarted.size() + " not started");
				return new RunStopped("interrupted: " + String.join(", ", parts), stop.exitCode());
			}
			return failures.isEmpty() ? null
					: CliException.failure(failures.size() + " of " + selected.size() + " tokens failed");
		}
	}

	/**
	 * Selects, checks, asks when it must, and runs.
	 * @param force go ahead without asking, also with the caller's own tokens on a server that hides token values
	 * @throws CliException a usage error when the change needs {@code --force}, a failure when the
	 *         answer is no, and a single token's own failure when only one was selected
	 */
	public Outcome apply(Connection conn, TokenSelection selection, Change change, boolean force) {
		TokenSelector.Selection picked = selector.select(conn, selection);
		for (String id : picked.skipped()) {
			stderr.line("skipped " + id + ": it is the token this command uses; name it with --id to change it");
		}
		List<String> ids = picked.ids();
		if (ids.isEmpty()) {
			return Outcome.none();
		}
		Function<String, Authorization> step;
		if (selection.dryRun()) {
			step = id -> tokens.get(conn, id);
		}
		else {
			if (!force) {
				refuseOwnTokens(conn, picked);
				confirm(conn, selection, picked, change);
			}
			// each change is journaled as it is made: a run stopped half-way leaves a true record
			step = switch (change) {
				case INACTIVATE -> id -> journaled(conn, tokens.changeStatus(conn, id, Status.INACTIVE), JournalEntry.INACTIVATE);
				case ACTIVATE -> id -> journaled(conn, tokens.changeStatus(conn, id, Status.ACTIVE), JournalEntry.ACTIVATE);
				case DELETE -> id -> {
					Authorization gone = tokens.delete(conn, id);
					journal.record(conn, JournalEntry.DELETE, gone, gone.status(), null);
					return gone;
				};
			};
		}
		BulkRunner.Outcome run;
		try {
			run = runner.run(ids, step, progress(ids.size(), conn));
		}
		finally {
			stderr.endProgress();
		}
		if (ids.size() == 1 && run.stop() == null && !run.failures().isEmpty()) {
			// one token: its failure is the command's, one line as upstream prints it
			throw run.failures().get(0);
		}
		return new Outcome(ids, run.done(), run.failedIds(), run.failures(), run.inFlight(), run.notStarted(), run.stop());
	}

	private Authorization journaled(Connection conn, TokenService.StatusChange change, String action) {
		journal.record(conn, action, change.after(), change.before(), change.after().status());
		return change.after();
	}

	/**
	 * On a server that hides token values the token in use cannot be recognised: a selection that
	 * holds tokens of the caller's own user may hold it, so it needs {@code --force}.
	 */
	private void refuseOwnTokens(Connection conn, TokenSelector.Selection picked) {
		if (!picked.valuesHidden() || picked.bySelector().isEmpty()) {
			return;
		}
		String me = ApiCalls.describing("could not find the user of the token (GET /api/v2/me)",
				() -> directory.myUserId(conn));
		List<Authorization> own = picked.bySelector().stream().filter(a -> a.userID().equalsIgnoreCase(me)).toList();
		if (!own.isEmpty()) {
			throw CliException.usage("the selection holds " + own.size() + " token(s) of the user this command runs as ("
					+ own.get(0).user() + "), and this server does not return token values, so the token in use "
					+ "cannot be recognised and left out: name the tokens with --id, or add --force to go ahead");
		}
	}

	private void confirm(Connection conn, TokenSelection selection, TokenSelector.Selection picked, Change change) {
		int count = picked.ids().size();
		if (count < 2 || !selection.hasSelectors() && change != Change.DELETE) {
			return;
		}
		if (!questions.canAsk()) {
			if (change == Change.DELETE) {
				throw CliException.usage("deleting " + count + " tokens needs --force when not run from a terminal");
			}
			return;
		}
		if (!questions.confirm(shown(conn, picked), change.verb() + " " + count + " tokens? [y/N] ")) {
			throw CliException.failure("nothing " + change.done());
		}
	}

	/** The tokens a question is about: ID, description and user of the first {@link #SHOWN}, and a count of the rest. */
	private List<String> shown(Connection conn, TokenSelector.Selection picked) {
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "ID", "Description", "User" });
		for (String id : picked.ids().subList(0, Math.min(SHOWN, picked.ids().size()))) {
			Authorization a = picked.listed().get(id);
			if (a == null) {
				a = readForQuestion(conn, id);
			}
			rows.add(new Object[] { id, a == null ? "?" : a.description(), a == null ? "?" : a.user() });
		}
		List<String> lines = new ArrayList<>(
				TabTableRenderer.render(new ArrayTableModel(rows.toArray(new Object[0][])), false).lines().toList());
		int more = picked.ids().size() - SHOWN;
		if (more > 0) {
			lines.add("... and " + more + " more");
		}
		return lines;
	}

	/** A token named with {@code --id}, read to show it; {@code null} when it cannot be read (its change will say why). */
	private Authorization readForQuestion(Connection conn, String id) {
		try {
			return tokens.get(conn, id);
		}
		catch (CliException ex) {
			return null;
		}
	}

	/** {@code done/total} on stderr when it is a terminal, at most ten times a second. */
	private IntConsumer progress(int total, Connection conn) {
		if (total < 2 || conn.httpDebug() || !stderr.showsProgress()) {
			return finished -> {
			};
		}
		// when it was last shown, and the count shown: steps end on several threads, never count backwards
		long[] last = { System.nanoTime() - PROGRESS_EVERY_NANOS, 0 };
		return finished -> {
			synchronized (last) {
				long now = System.nanoTime();
				if (finished > last[1] && (finished == total || now - last[0] >= PROGRESS_EVERY_NANOS)) {
					last[0] = now;
					last[1] = finished;
					stderr.progress(finished + "/" + total);
				}
			}
		};
	}
}
