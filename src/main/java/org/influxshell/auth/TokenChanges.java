package org.influxshell.auth;

import java.util.List;
import java.util.function.Function;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.cli.CliException;
import org.influxshell.connection.Connection;

/**
 * {@code auth inactive}, {@code auth active} and {@code auth delete}: selects the tokens, lets the
 * caller confirm, then changes each one (or, in a dry run, only reads it).
 */
public class TokenChanges {

	private final TokenSelector selector;

	private final TokenService tokens;

	private final BulkRunner runner;

	public TokenChanges(TokenSelector selector, TokenService tokens, BulkRunner runner) {
		this.selector = selector;
		this.tokens = tokens;
		this.runner = runner;
	}

	/** Asked before a change that is not a dry run. */
	@FunctionalInterface
	public interface Confirmation {

		/**
		 * Lets the change go ahead by returning; declines by throwing.
		 * @param ids the tokens about to change
		 */
		void confirm(List<String> ids);
	}

	/**
	 * What a change did.
	 *
	 * @param selected the IDs selected, in ID order
	 * @param done the tokens changed (or, in a dry run, read), in ID order
	 * @param failures one failure per token that failed
	 */
	public record Outcome(List<String> selected, List<Authorization> done, List<CliException> failures) {

		/** What the change did, for a message that must say so ({@code 2 token(s) inactivated: A, B}). */
		public String summary(Change change) {
			return done.size() + " token(s) " + change.done() + ": "
					+ String.join(", ", done.stream().map(Authorization::id).toList());
		}

		/** How the command ends when some tokens failed, or {@code null}. */
		public CliException failure() {
			return failures.isEmpty() ? null
					: CliException.failure(failures.size() + " of " + selected.size() + " tokens failed");
		}
	}

	public Outcome apply(Connection conn, TokenSelection selection, Change change, Confirmation confirmation) {
		List<String> ids = selector.select(conn, selection);
		if (ids.isEmpty()) {
			return new Outcome(ids, List.of(), List.of());
		}
		Function<String, Authorization> step;
		if (selection.dryRun()) {
			step = id -> tokens.get(conn, id);
		}
		else {
			confirmation.confirm(ids);
			step = switch (change) {
				case INACTIVATE -> id -> tokens.setStatus(conn, id, Status.INACTIVE);
				case ACTIVATE -> id -> tokens.setStatus(conn, id, Status.ACTIVE);
				case DELETE -> id -> tokens.delete(conn, id);
			};
		}
		BulkRunner.Outcome outcome = runner.run(ids, step);
		return new Outcome(ids, outcome.done(), outcome.failures());
	}
}
