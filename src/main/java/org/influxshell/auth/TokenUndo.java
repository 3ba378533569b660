package org.influxshell.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.cli.CliException;
import org.influxshell.cli.Stderr;
import org.influxshell.connection.Connection;
import org.influxshell.http.InfluxApiException;
import org.influxshell.journal.JournalEntry;
import org.influxshell.journal.JournalRun;

/**
 * {@code auth undo}: puts back what journaled runs changed, newest run first. A status change is
 * reverted only for a token still in the state the run left it (someone may have changed it by
 * hand since: that is theirs to keep); a token the run created is inactivated, not deleted (it can
 * be activated again, and its clients may already use it); a deleted token cannot come back, so
 * it is listed with its description and permissions to be re-created. What undo changes is
 * journaled like any change, so an undo can be undone.
 */
public class TokenUndo {

	private final ChangeJournal journal;

	private final TokenService tokens;

	private final Stderr stderr;

	public TokenUndo(ChangeJournal journal, TokenService tokens, Stderr stderr) {
		this.journal = journal;
		this.tokens = tokens;
		this.stderr = stderr;
	}

	/**
	 * Which runs to undo: one of {@code run} and {@code session}, or neither for the last run on the server.
	 *
	 * @param run a run's ID, or {@code null}
	 * @param session a session's ID, or {@code null}
	 * @param dryRun say what would be done, change nothing
	 */
	public record UndoQuery(String run, String session, boolean dryRun) {
	}

	/**
	 * What undo did.
	 *
	 * @param runs the runs undone, newest first
	 * @param done the tokens changed back (in a dry run: as they are now, to be changed back)
	 * @param failures a failure for each token that could not be read or changed
	 */
	public record Outcome(List<JournalRun> runs, List<Authorization> done, List<CliException> failures) {
	}

	/**
	 * Undoes the runs the query names on this connection's server.
	 * @throws CliException a failure when the journal holds no such run on this server, a usage error for both filters
	 */
	public Outcome undo(Connection conn, UndoQuery query) {
		if (query.run() != null && query.session() != null) {
			throw CliException.usage("give --run or --session, not both");
		}
		List<JournalRun> runs = pick(conn, JournalRun.of(journal.journal().read()), query);
		List<Authorization> done = new ArrayList<>();
		List<CliException> failures = new ArrayList<>();
		for (JournalRun run : runs) {
			List<JournalEntry> entries = new ArrayList<>(run.entries());
			Collections.reverse(entries);
			for (JournalEntry entry : entries) {
				try {
					Authorization a = revert(conn, entry, query.dryRun());
					if (a != null) {
						done.add(a);
					}
				}
				catch (CliException ex) {
					failures.add(ex);
				}
			}
		}
		return new Outcome(runs, done, failures);
	}

	private List<JournalRun> pick(Connection conn, List<JournalRun> all, UndoQuery query) {
		String server = conn.baseUrl();
		if (query.run() != null) {
			JournalRun run = all.stream().filter(r -> r.run().equals(query.run())).findFirst()
				.orElseThrow(() -> CliException.failure("no run \"" + query.run() + "\" in the journal " + journal.journal().path()));
			if (!run.server().equals(server)) {
				throw CliException.failure("run \"" + run.run() + "\" changed " + run.server() + ", not " + server
						+ "; name that server with --host or -c");
			}
			return List.of(run);
		}
		if (query.session() != null) {
			List<JournalRun> ofSession = all.stream().filter(r -> r.session().equals(query.session())).toList();
			if (ofSession.isEmpty()) {
				throw CliException.failure("no session \"" + query.session() + "\" in the journal " + journal.journal().path());
			}
			List<JournalRun> here = ofSession.stream().filter(r -> r.server().equals(server)).toList();
			for (JournalRun other : ofSession) {
				if (!other.server().equals(server)) {
					stderr.line("left alone: run " + other.run() + " changed " + other.server() + ", not " + server);
				}
			}
			return here;
		}
		return List.of(all.stream().filter(r -> r.server().equals(server)).findFirst()
			.orElseThrow(() -> CliException.failure("the journal " + journal.journal().path() + " holds no run on " + server)));
	}

	/** Reverts one entry; the token changed back, or {@code null} when nothing was (or is) to be done. */
	private Authorization revert(Connection conn, JournalEntry entry, boolean dryRun) {
		if (JournalEntry.DELETE.equals(entry.action())) {
			stderr.line("cannot bring back deleted token " + entry.id() + " (description \"" + entry.description()
					+ "\", user " + entry.user() + "); re-create it with: [" + String.join(" ", entry.permissions()) + "]");
			return null;
		}
		String back = JournalEntry.CREATE.equals(entry.action()) ? Status.INACTIVE.value() : entry.before();
		if (back == null || back.equals(entry.after())) {
			// the run found it in this state already: nothing of the run's to take back
			return null;
		}
		Authorization now;
		try {
			now = tokens.get(conn, entry.id());
		}
		catch (CliException ex) {
			if (ex.getCause() instanceof InfluxApiException api && api.status() == 404) {
				stderr.line("left alone: " + entry.id() + " (" + entry.description() + ") is no longer on the server");
				return null;
			}
			throw ex;
		}
		if (!now.status().equals(entry.after())) {
			stderr.line("left alone: " + entry.id() + " (" + entry.description() + ") is " + now.status()
					+ " now; the run left it " + entry.after());
			return null;
		}
		if (dryRun) {
			return now;
		}
		Status to = back.equals(Status.ACTIVE.value()) ? Status.ACTIVE : Status.INACTIVE;
		TokenService.StatusChange change = tokens.changeStatus(conn, entry.id(), to);
		journal.record(conn, to == Status.ACTIVE ? JournalEntry.ACTIVATE : JournalEntry.INACTIVATE, change.after(),
				change.before(), change.after().status());
		return change.after();
	}
}
