package org.influxshell.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.cli.CliException;
import org.influxshell.cli.RunStopped;
import org.influxshell.command.Notes;
import org.influxshell.command.StopSignals.Stop;
import org.influxshell.connection.Connection;
import org.influxshell.http.InfluxApiException;
import org.influxshell.journal.JournalEntry;

/**
 * The one path every change to a token takes: <b>plan</b> (read each token as it is now, and
 * keep apart those already as asked), <b>confirm</b> (the caller's question, before anything is
 * sent), <b>execute</b> (bounded concurrency, progress on a terminal, Ctrl-C and SIGTERM stop it),
 * <b>verify</b> (the status the server answers is the one asked for, else that token failed),
 * <b>journal</b> (each change the server confirmed, as it is confirmed) and <b>summarise</b>
 * (what was done, already so, failed, unknown and not started, also after a signal). The token
 * commands and {@code auth undo} compose it; none loops on its own.
 */
public class ChangePath {

	private static final long PROGRESS_EVERY_NANOS = 100_000_000L;

	private final Credentials credentials;

	private final BulkRunner runner;

	private final ChangeJournal journal;

	private final Notes notes;

	public ChangePath(Credentials credentials, BulkRunner runner, ChangeJournal journal, Notes notes) {
		this.credentials = credentials;
		this.runner = runner;
		this.journal = journal;
		this.notes = notes;
	}

	/** The same path (concurrency, journal, progress) for another kind of credential. */
	public ChangePath with(Credentials other) {
		return new ChangePath(other, runner, journal, notes);
	}

	/** The kind of credential this path changes. */
	public Credentials credentials() {
		return credentials;
	}

	/**
	 * One token to change.
	 *
	 * @param rawId the ID as the user or the journal gave it, for messages
	 * @param now the token as it was read in the plan
	 * @param change what is to become of it
	 */
	public record Step(String rawId, Authorization now, Change change) {

		/** The token is already as asked: there is nothing to send. */
		boolean alreadySo() {
			return change != Change.DELETE && now.status().equals(target(change).value());
		}
	}

	/**
	 * The tokens read for a plan.
	 *
	 * @param found the tokens read, by lower-case ID
	 * @param failedIds the IDs that could not be read, in order
	 * @param failures why each could not be read, in the same order
	 * @param stop why the reading stopped early, or {@code null}
	 */
	public record Read(Map<String, Authorization> found, List<String> failedIds, List<CliException> failures,
			Stop stop) {

		/** The token read for this ID, or {@code null}. */
		public Authorization get(String rawId) {
			return found.get(rawId.toLowerCase(Locale.ROOT));
		}

		/** Whether {@code rawId} failed because the server has no such token. */
		public boolean gone(String rawId) {
			int i = failedIds.indexOf(rawId);
			return i >= 0 && failures.get(i).getCause() instanceof InfluxApiException api && api.status() == 404;
		}
	}

	/**
	 * What a change did. Every token planned is in exactly one of changed, already, failed, in
	 * flight and not started.
	 *
	 * @param planned how many tokens the plan held (changed or already so)
	 * @param changed the tokens the server confirmed as changed, as it answered, in plan order
	 * @param already the tokens already as asked (nothing sent), as read
	 * @param failedIds the IDs that failed, in order
	 * @param failures one failure per failed ID
	 * @param inFlight the IDs whose request was cut off by a stop: whether the server made the change is unknown
	 * @param notStarted the IDs not started because the run was stopped
	 * @param stop why the run stopped early, or {@code null}
	 */
	public record Outcome(int planned, List<Authorization> changed, List<Authorization> already, List<String> failedIds,
			List<CliException> failures, List<String> inFlight, List<String> notStarted, Stop stop) {

		static Outcome none() {
			return new Outcome(0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
		}

		/** This outcome followed by a later phase's. */
		Outcome plus(Outcome later) {
			return new Outcome(planned + later.planned, concat(changed, later.changed), concat(already, later.already),
					concat(failedIds, later.failedIds), concat(failures, later.failures), concat(inFlight, later.inFlight),
					concat(notStarted, later.notStarted), later.stop);
		}

		/** This outcome, with a later phase's steps never started (this one was stopped). */
		Outcome notStarted(List<Step> later) {
			return new Outcome(planned + later.size(), changed, already, failedIds, failures, inFlight,
					concat(notStarted, later.stream().map(Step::rawId).toList()), stop);
		}

		/** This outcome, with the tokens the plan could not read counted as failed, before the others. */
		Outcome withReadFailures(Read read) {
			if (read.failures().isEmpty()) {
				return this;
			}
			return new Outcome(planned + read.failures().size(), changed, already, concat(read.failedIds(), failedIds),
					concat(read.failures(), failures), inFlight, notStarted, stop);
		}

		private static <T> List<T> concat(List<T> a, List<T> b) {
			List<T> all = new ArrayList<>(a);
			all.addAll(b);
			return all;
		}

		/** Lines for stderr after the failures: the failed IDs, ready for {@code --id}. */
		public List<String> notes() {
			return failedIds.isEmpty() ? List.of() : List.of("failed: " + String.join(",", failedIds));
		}

		/**
		 * How the run ends: the report of a stopped run (exit 130 or 143), a failure when some
		 * tokens failed, or {@code null}.
		 * @param done the word for what was done ({@code inactivated}, {@code read}, {@code changed back})
		 */
		public CliException ending(String done) {
			return ending(done, "tokens");
		}

		/**
		 * {@link #ending(String)} for credentials called {@code plural}.
		 * @param plural what they are called in the count of failures ({@code tokens})
		 */
		public CliException ending(String done, String plural) {
			if (stop != null) {
				List<String> parts = new ArrayList<>();
				parts.add(changed.size() + " " + done);
				if (!already.isEmpty()) {
					parts.add(already.size() + " already so");
				}
				if (!failures.isEmpty()) {
					parts.add(failures.size() + " failed");
				}
				parts.add(inFlight.size() + " unknown (in flight)");
				parts.add(notStarted.size() + " not started");
				return new RunStopped("interrupted: " + String.join(", ", parts), stop.exitCode());
			}
			return failures.isEmpty() ? null
					: CliException.failure(failures.size() + " of " + planned + " " + plural + " failed");
		}
	}

	/**
	 * Reads the tokens, as many at once as a change would send; a stop ends the reading.
	 * @param rawIds the IDs as given
	 */
	public Read read(Connection conn, List<String> rawIds) {
		if (rawIds.isEmpty()) {
			return new Read(Map.of(), List.of(), List.of(), null);
		}
		BulkRunner.Outcome run = withProgress(rawIds.size(), conn, progress -> runner.run(rawIds, id -> credentials.get(conn, id),
				progress));
		// the done tokens stand in the order of the IDs that were neither failed, cut off nor left
		Map<String, Authorization> found = new HashMap<>();
		Iterator<Authorization> done = run.done().iterator();
		Set<String> notDone = new HashSet<>(run.failedIds());
		notDone.addAll(run.inFlight());
		notDone.addAll(run.notStarted());
		for (String id : rawIds) {
			if (!notDone.contains(id)) {
				found.put(id.toLowerCase(Locale.ROOT), done.next());
			}
		}
		return new Read(found, run.failedIds(), run.failures(), run.stop());
	}

	/**
	 * Executes the plan: the steps already so are not sent; each other one is sent, its answer
	 * verified and journaled. After a stop, the tokens whose request was cut off are read once
	 * more, so that a change the server made is journaled and counted, not lost.
	 */
	public Outcome execute(Connection conn, List<Step> steps) {
		List<Authorization> already = new ArrayList<>();
		List<Step> toSend = new ArrayList<>();
		for (Step s : steps) {
			if (s.alreadySo()) {
				already.add(s.now());
			}
			else {
				toSend.add(s);
			}
		}
		if (toSend.isEmpty()) {
			return new Outcome(steps.size(), List.of(), already, List.of(), List.of(), List.of(), List.of(), null);
		}
		Map<String, Step> byId = new HashMap<>();
		List<String> ids = new ArrayList<>();
		for (Step s : toSend) {
			byId.put(s.rawId(), s);
			ids.add(s.rawId());
		}
		// each change is journaled once, and a step cut off by a stop journals nothing after the run:
		// what it did is read again below. The gate closes before a step in flight is cancelled, so
		// that the interrupt never lands in the middle of a journal line (the line would be lost,
		// and its token counted as journaled)
		JournalGate gate = new JournalGate();
		BulkRunner.Outcome run = withProgress(ids.size(), conn, progress -> runner.run(ids,
				id -> apply(conn, byId.get(id), write -> gate.whileRunning(id, write)), progress, gate::close));
		List<Authorization> changed = new ArrayList<>(run.done());
		List<String> unknown = new ArrayList<>();
		if (run.stop() != null && !run.inFlight().isEmpty()) {
			for (String id : run.inFlight()) {
				Authorization confirmed = confirmLate(conn, byId.get(id), write -> gate.once(id, write));
				if (confirmed != null) {
					changed.add(confirmed);
				}
				else {
					unknown.add(id);
				}
			}
		}
		return new Outcome(steps.size(), changed, already, run.failedIds(), run.failures(), unknown, run.notStarted(),
				run.stop());
	}

	/**
	 * The run's outcome, once all its steps were executed: the tokens the plan could not read count
	 * as failed, and a run that changed something and then was stopped or had failures gets one
	 * more journal line saying how it ended ({@code auth journal} marks it; undo skips that line).
	 */
	public Outcome summarise(Connection conn, Outcome executed, Read read) {
		Outcome outcome = executed.withReadFailures(read);
		if (outcome.changed().isEmpty() || outcome.stop() == null && outcome.failures().isEmpty()) {
			return outcome;
		}
		CliException ending = outcome.ending("changed", credentials.plural());
		String how = outcome.stop() != null ? JournalEntry.INTERRUPTED : JournalEntry.PARTLY_FAILED;
		boolean interrupted = Thread.interrupted();
		try {
			journal.end(conn, credentials.kind(), how, ending.getMessage());
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		return outcome;
	}

	/** One step: sent, verified, and journaled through {@code journaling}. */
	private Authorization apply(Connection conn, Step step, Consumer<Runnable> journaling) {
		Authorization before = step.now();
		if (step.change() == Change.DELETE) {
			Authorization gone = credentials.delete(conn, step.rawId(), before);
			journaling.accept(() -> journal.record(conn, credentials.kind(), JournalEntry.DELETE, gone, before.status(), null));
			return gone;
		}
		Status to = target(step.change());
		Authorization after = credentials.setStatus(conn, step.rawId(), before, to);
		if (!after.status().equals(to.value())) {
			throw CliException.failure("could not update status of auth with ID \"" + step.rawId()
					+ "\": the server answered with status \"" + after.status() + "\", not \"" + to.value() + "\"");
		}
		journaling.accept(
				() -> journal.record(conn, credentials.kind(), action(step.change()), after, before.status(), after.status()));
		return after;
	}

	/**
	 * A step whose request a stop cut off: read once more (interrupts cleared, so the read is
	 * made), and journaled when the server has it as asked; {@code null} when that is unknown or
	 * not so.
	 */
	private Authorization confirmLate(Connection conn, Step step, Consumer<Runnable> journaling) {
		boolean interrupted = Thread.interrupted();
		try {
			Authorization now = credentials.get(conn, step.rawId());
			if (step.change() != Change.DELETE && now.status().equals(target(step.change()).value())) {
				journaling.accept(() -> journal.record(conn, credentials.kind(), action(step.change()), now, step.now().status(),
						now.status()));
				return now;
			}
			return null;
		}
		catch (CliException ex) {
			if (step.change() == Change.DELETE && ex.getCause() instanceof InfluxApiException api && api.status() == 404) {
				journaling.accept(
						() -> journal.record(conn, credentials.kind(), JournalEntry.DELETE, step.now(), step.now().status(), null));
				return step.now();
			}
			return null;
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Who may journal a change, and when: each token once; the steps only while the run lasts, so
	 * that a step cut off by a stop writes nothing after the outcome is made (closing waits for a
	 * write under way); after that only the re-reads of the steps cut off.
	 */
	private static final class JournalGate {

		private final Set<String> journaled = new HashSet<>();

		private boolean open = true;

		synchronized void whileRunning(String id, Runnable write) {
			// a step already cancelled leaves its change to the re-read: an interrupted write would fail
			if (open && !Thread.currentThread().isInterrupted()) {
				once(id, write);
			}
		}

		synchronized void once(String id, Runnable write) {
			if (journaled.add(id)) {
				write.run();
			}
		}

		synchronized void close() {
			open = false;
		}
	}

	private BulkRunner.Outcome withProgress(int total, Connection conn, Function<IntConsumer, BulkRunner.Outcome> run) {
		try {
			return run.apply(progress(total, conn));
		}
		finally {
			notes.endProgress();
		}
	}

	/** {@code done/total} on the progress line when it is shown (a terminal), at most ten times a second. */
	private IntConsumer progress(int total, Connection conn) {
		if (total < 2 || conn.httpDebug() || !notes.showsProgress()) {
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
					notes.progress(finished + "/" + total);
				}
			}
		};
	}

	static Status target(Change change) {
		return change == Change.ACTIVATE ? Status.ACTIVE : Status.INACTIVE;
	}

	private static String action(Change change) {
		return switch (change) {
			case INACTIVATE -> JournalEntry.INACTIVATE;
			case ACTIVATE -> JournalEntry.ACTIVATE;
			case DELETE -> JournalEntry.DELETE;
		};
	}
}
