package org.influxshell.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.influxshell.cli.Digests;
import org.influxshell.command.CompletionLists;
import org.influxshell.command.RunContext;
import org.influxshell.connection.Connection;
import org.influxshell.journal.Journal;
import org.influxshell.journal.JournalEntry;

/** Records a change made to a token in the journal, with the run, session and server it belongs to. */
public class ChangeJournal {

	private final Journal journal;

	private final RunContext runs;

	private final CompletionLists completions;

	/**
	 * @param completions the lists Tab completion keeps: a change forgets them, so that the next
	 *        Tab shows the tokens as they are now
	 */
	public ChangeJournal(Journal journal, RunContext runs, CompletionLists completions) {
		this.journal = journal;
		this.runs = runs;
		this.completions = completions;
	}

	/**
	 * Appends one entry for an API token; never fails (the journal warns once when it cannot be written).
	 * @param token the token as it is described best: after a status change, before a delete
	 * @param before the status before, {@code null} for a token created
	 * @param after the status after, {@code null} for a token deleted
	 */
	public void record(Connection conn, String action, Authorization token, String before, String after) {
		record(conn, null, action, token, before, after);
	}

	/**
	 * Appends one entry for a credential of a kind ({@code null} for an API token).
	 * @see #record(Connection, String, Authorization, String, String)
	 */
	public void record(Connection conn, String kind, String action, Authorization token, String before, String after) {
		completions.forget();
		journal.append(new JournalEntry(now(), runs.runId(), runs.sessionId(), runs.commandLine(), conn.baseUrl(),
				conn.profile(), action, token.id(), token.description(), token.user(), before, after,
				token.permissions().stream().map(Authorization.Permission::describe).toList(), kind, null));
	}

	/**
	 * Appends the line that says how a run ended that was stopped or had failures.
	 * @param how {@link JournalEntry#INTERRUPTED} or {@link JournalEntry#PARTLY_FAILED}
	 * @param note the run's summary
	 */
	public void end(Connection conn, String kind, String how, String note) {
		journal.append(new JournalEntry(now(), runs.runId(), runs.sessionId(), runs.commandLine(), conn.baseUrl(),
				conn.profile(), JournalEntry.END, "", "", "", null, how, List.of(), kind, note));
	}

	private static String now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
	}

	/**
	 * Appends the entry of a profile whose token was replaced; never fails.
	 * @param written the token now in the profile
	 * @param writtenValue its value: only its fingerprint is journaled
	 * @param replacedId the ID of the token the profile held before
	 * @param profileName the profile
	 * @param copy the copy of the configs file that holds the value replaced
	 */
	public void recordRewrite(Connection conn, Authorization written, String writtenValue, String replacedId,
			String profileName, String copy) {
		recordRewrite(conn, written.id(), written.description(), written.user(),
				written.permissions().stream().map(Authorization.Permission::describe).toList(), writtenValue, replacedId,
				profileName, copy);
	}

	/**
	 * As {@link #recordRewrite(Connection, Authorization, String, String, String, String)}, with the
	 * token written described as the journal describes it.
	 */
	public void recordRewrite(Connection conn, String writtenId, String description, String user,
			List<String> permissions, String writtenValue, String replacedId, String profileName, String copy) {
		recordRewrite(conn, null, writtenId, description, user, permissions, writtenValue, replacedId, profileName, copy);
	}

	/**
	 * As {@link #recordRewrite(Connection, String, String, String, List, String, String, String, String)},
	 * for a credential of a kind ({@code null} for an InfluxDB 2 API token).
	 */
	public void recordRewrite(Connection conn, String kind, String writtenId, String description, String user,
			List<String> permissions, String writtenValue, String replacedId, String profileName, String copy) {
		journal.append(new JournalEntry(now(), runs.runId(),
				runs.sessionId(), runs.commandLine(), conn.baseUrl(), conn.profile(), JournalEntry.REWRITE, writtenId,
				description, user, null, null, permissions, kind, null, profileName, copy, fingerprint(writtenValue),
				replacedId));
	}

	/**
	 * The SHA-256 of a token as the server reads it (trimmed), in hex: enough to recognise the token
	 * in a profile later, nothing to sign in with.
	 */
	static String fingerprint(String token) {
		return Digests.sha256(Connection.asSent(token));
	}

	/** The run this process is in. */
	String runId() {
		return runs.runId();
	}

	/** The journal itself, to read. */
	public Journal journal() {
		return journal;
	}
}
