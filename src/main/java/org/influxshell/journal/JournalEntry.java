package org.influxshell.journal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One change to one token, as one line of the journal. Never a token value.
 *
 * @param time when the change was made, RFC 3339 in UTC ({@code 2026-11-29T11:47:51.123Z})
 * @param run the ID of the command line that made it
 * @param session the ID of the process that ran that line (a one-shot, a script, a REPL session)
 * @param command the command line, the values of secret options masked
 * @param server the server's normalised URL
 * @param profile the profile the connection came from, empty when none was read
 * @param action {@code inactivate}, {@code activate}, {@code delete} or {@code create}
 * @param id the token's ID
 * @param description the token's description
 * @param user the token's user name
 * @param before the status before the change ({@code null} for a token created)
 * @param after the status after it ({@code null} for a token deleted)
 * @param permissions the token's permissions as upstream prints them, so a deleted token can be re-created
 * @param kind what was changed when it is not an InfluxDB 2 API token ({@code v1}: a v1-compatibility
 *        authorization); absent for a token, so lines written before kinds existed read the same
 * @param note for an {@code end} line: how the run ended, in the words its summary used; else absent
 * @param rewritten for a {@code rewrite}: the profile of the configs file whose token was replaced, else {@code null}
 * @param copy for a {@code rewrite}: the copy of the configs file's bytes as they were before, which holds the
 *        replaced token's value (so the journal never does), else {@code null}
 * @param fingerprint for a {@code rewrite}: the SHA-256 of the token written into the profile, in hex, to
 *        recognise it there later (not the value), else {@code null}
 * @param replaced for a {@code rewrite}: the ID of the token the profile held before, else {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "time", "run", "session", "command", "server", "profile", "action", "id", "description", "user",
		"before", "after", "permissions", "kind", "note", "rewritten", "copy", "fingerprint", "replaced" })
public record JournalEntry(String time, String run, String session, String command, String server, String profile,
		String action, String id, String description, String user, String before, String after,
		List<String> permissions, @JsonInclude(JsonInclude.Include.NON_NULL) String kind,
		@JsonInclude(JsonInclude.Include.NON_NULL) String note,
		@JsonInclude(JsonInclude.Include.NON_NULL) String rewritten,
		@JsonInclude(JsonInclude.Include.NON_NULL) String copy,
		@JsonInclude(JsonInclude.Include.NON_NULL) String fingerprint,
		@JsonInclude(JsonInclude.Include.NON_NULL) String replaced) {

	/** The action of a status change to {@code active}. */
	public static final String ACTIVATE = "activate";

	/** The action of a status change to {@code inactive}. */
	public static final String INACTIVATE = "inactivate";

	/** The action of a delete. */
	public static final String DELETE = "delete";

	/** The action of a create. */
	public static final String CREATE = "create";

	/**
	 * The action of the operator token of an InfluxDB 3 server given a new value: the old value
	 * stopped working at once and cannot come back.
	 */
	public static final String REGENERATE = "regenerate";

	/** The action of a password set on a v1 authorization: journaled, never undone (the old password is unknown). */
	public static final String SET_PASSWORD = "set-password";

	/**
	 * The action of the line a run adds when it was stopped or some of its changes failed; its
	 * {@code after} says which ({@link #INTERRUPTED} or {@link #PARTLY_FAILED}). It changed nothing.
	 */
	public static final String END = "end";

	/** How a run ended that a signal stopped. */
	public static final String INTERRUPTED = "interrupted";

	/** How a run ended some of whose changes failed. */
	public static final String PARTLY_FAILED = "partly failed";

	/** The action of a profile whose token was replaced ({@code id}: the token now in it). */
	public static final String REWRITE = "rewrite";

	public JournalEntry {
		permissions = permissions == null ? List.of() : List.copyOf(permissions);
	}

	/** A change to an InfluxDB 2 API token's status, a create or a delete. */
	public JournalEntry(String time, String run, String session, String command, String server, String profile,
			String action, String id, String description, String user, String before, String after,
			List<String> permissions) {
		this(time, run, session, command, server, profile, action, id, description, user, before, after, permissions,
				null, null);
	}

	/** A change to a credential of a kind, or the {@code end} line of a run: no profile rewrite. */
	public JournalEntry(String time, String run, String session, String command, String server, String profile,
			String action, String id, String description, String user, String before, String after,
			List<String> permissions, String kind, String note) {
		this(time, run, session, command, server, profile, action, id, description, user, before, after, permissions,
				kind, note, null, null, null, null);
	}

	/** Whether this line records a change (not how a run ended). */
	@JsonIgnore
	public boolean isChange() {
		return !END.equals(action);
	}
}
