package org.influxshell.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;
import org.influxshell.cli.RunStopped;
import org.influxshell.command.Notes;
import org.influxshell.command.Questions;
import org.influxshell.command.StopSignals;
import org.influxshell.command.StopSignals.Stop;
import org.influxshell.configs.ConfigsCopies;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.configs.Profile;
import org.influxshell.configs.ProfileStore;
import org.influxshell.configs.Profiles;
import org.influxshell.connection.Connection;
import org.influxshell.connection.HostUrl;
import org.influxshell.http.ApiCalls;
import org.influxshell.http.HttpResponse;
import org.influxshell.http.TransportException;
import org.influxshell.journal.JournalEntry;

/**
 * {@code auth rotate} on InfluxDB 3 Core and Enterprise.
 * <p>
 * A named admin token is replaced in the order a v2 rotation takes, which never locks anyone out:
 * create a new named admin token (the same permissions, the same expiry length, named after the
 * old one and the time), check it with a request made with it ({@code GET /ping}, which needs a
 * valid token), rewrite the profiles of the configs file that hold the old token for this server
 * (recognised by value, or by the hash the server shows), a copy of the file kept beside it first,
 * and only then delete the old token on the {@link ChangePath}. The check comes before the
 * rewrite so that a new token the server refuses never reaches a profile. The delete cannot be
 * undone on InfluxDB 3: it is asked first on a terminal, and needs {@code --force} off one.
 * Resource tokens (Enterprise) are refused: the permissions the server lists are display text,
 * not what it takes back.
 * <p>
 * The operator token {@code _admin} is not rotated: the server regenerates it
 * ({@code --operator}), and its old value is refused from that moment. The profiles that held it
 * are rewritten in the same step; should that fail, the new value, which exists nowhere else, is
 * printed with the reason. A regeneration cannot be undone.
 */
public class V3Rotation {

	/** The permissions of an admin token, as {@code system.tokens} lists them. */
	static final String ADMIN_PERMISSIONS = "*:*:*";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

	private final V3Client client;

	private final V3Auth v3;

	private final ChangeJournal journal;

	private final ConfigsFile configs;

	private final Questions questions;

	private final StopSignals signals;

	private final Notes notes;

	public V3Rotation(V3Client client, V3Auth v3, ChangeJournal journal, ConfigsFile configs, Questions questions,
			StopSignals signals, Notes notes) {
		this.client = client;
		this.v3 = v3;
		this.journal = journal;
		this.configs = configs;
		this.questions = questions;
		this.signals = signals;
		this.notes = notes;
	}

	/**
	 * What to rotate.
	 *
	 * @param ids {@code --id}
	 * @param names {@code --name}
	 * @param tokenValue {@code --token-value}: the old token's value, or {@code null}
	 * @param newName {@code --new-name}, or {@code null} for {@code NAME-YYYYMMDD-HHMM} (UTC, now)
	 * @param operator {@code --operator}: regenerate the operator token
	 * @param dryRun say what would be done, change nothing
	 * @param force delete (or regenerate) without asking
	 * @param configsPath {@code --configs-path}, or {@code null}
	 */
	public record Query(List<String> ids, List<String> names, String tokenValue, String newName, boolean operator,
			boolean dryRun, boolean force, String configsPath) {

		public Query {
			ids = List.copyOf(ids);
			names = List.copyOf(names);
		}
	}

	/**
	 * What a rotation did.
	 *
	 * @param made the new token with its value (printed once), or {@code null} when none was made
	 * @param failure how the rotation ends when a step failed or it was stopped, else {@code null}
	 * @param plan in a dry run, what would be done and the count: said by the command
	 */
	public record Outcome(V3Created made, CliException failure, List<String> plan) {

		public Outcome {
			plan = List.copyOf(plan);
		}

		Outcome(V3Created made, CliException failure) {
			this(made, failure, List.of());
		}
	}

	/** The name of the new token: the old one's, with the UTC minute it was made. */
	static String newName(String oldName, Instant now) {
		return oldName + "-" + STAMP.format(now);
	}

	/**
	 * How long the new token lives: as long as the old one was to live from its creation, in whole
	 * seconds; {@code null} (never expires) when the old one never expires.
	 */
	static Long expiryLength(V3Token old) {
		if (old.expiry().isEmpty()) {
			return null;
		}
		try {
			Duration length = Duration.between(LocalDateTime.parse(old.createdAt()), LocalDateTime.parse(old.expiry()));
			return Math.max(0, (length.toMillis() + 500) / 1000);
		}
		catch (DateTimeParseException ex) {
			throw CliException.failure("cannot read the creation time and expiry of token " + old.id() + " (\""
					+ old.createdAt() + "\", \"" + old.expiry() + "\"): give the new token's expiry with auth create");
		}
	}

	/** Rotates the one token the query names, or with {@code operator} regenerates the operator token. */
	public Outcome rotate(Connection conn, Query q, Instant now) {
		return q.operator() ? regenerate(conn, q) : rotateNamed(conn, q, now);
	}

	// ---------------------------------------------------------------- named admin tokens

	private Outcome rotateNamed(Connection conn, Query q, Instant now) {
		V3Token old = named(conn, q);
		String name = q.newName() != null ? q.newName() : newName(old.name(), now);
		if (name.isEmpty()) {
			throw CliException.usage("--new-name needs a name");
		}
		Long expiry = expiryLength(old);
		List<String> profiles = holding(configs.store(q.configsPath()).read(), old, q.tokenValue(), conn.baseUrl());
		String what = describe(old);
		if (q.dryRun()) {
			return new Outcome(null, null, List.of("would rotate " + what + ": create \"" + name + "\" (permissions "
					+ old.permissions() + ", " + (expiry == null ? "no expiry" : "expires " + expiry + "s after it is made")
					+ "), check it, "
					+ (profiles.isEmpty() ? "rewrite no profile" : "rewrite profile(s) " + String.join(", ", profiles))
					+ ", then delete the old one", "Dry run: 1 token(s) would be rotated; nothing was changed."));
		}
		if (!q.force()) {
			v3.confirm(List.of(old), "Rotate " + what + "? The new token takes its place in " + profiles.size()
					+ " profile(s); then the old one is deleted, which InfluxDB 3 cannot undo. [y/N] ", "nothing rotated");
		}
		return replace(conn, q, old, name, expiry, profiles);
	}

	/** The one token the query names, checked to be a named admin token (the value given its own). */
	private V3Token named(Connection conn, Query q) {
		if (q.ids().size() + q.names().size() > 1) {
			throw CliException.usage("auth rotate on InfluxDB 3 replaces one token at a time: give one --id or --name");
		}
		if (q.names().contains(V3Token.OPERATOR)) {
			throw CliException.usage(OPERATOR_BY_NAME);
		}
		q.ids().forEach(V3Tokens::checkId);
		V3Token old = pick(v3.all(conn), q);
		if (old.isOperator()) {
			throw CliException.usage(OPERATOR_BY_NAME);
		}
		if (!ADMIN_PERMISSIONS.equals(old.permissions())) {
			throw CliException.usage("token " + old.id() + " (" + old.name() + ") is a resource token (" + old.permissions()
					+ "): auth rotate replaces named admin tokens only; make its successor with auth create --name NAME "
					+ "--permission ..., then delete it with auth delete --name " + old.name());
		}
		if (q.tokenValue() != null && !old.hasValue(Connection.asSent(q.tokenValue()))) {
			throw CliException.usage("the value given with --token-value is not the value of token " + old.id() + " ("
					+ old.name() + ")");
		}
		return old;
	}

	/** A token as a rotation names it: {@code token 2 (leaked)}. */
	private static String describe(V3Token t) {
		return "token " + t.id() + " (" + t.name() + ")";
	}

	/** The steps of a rotation on InfluxDB 3. */
	private static final List<String> STEPS = List.of("create", "check", "rewrite", "delete");

	/** Creates the new token, checks it, rewrites the profiles, then deletes the old token. */
	private Outcome replace(Connection conn, Query q, V3Token old, String name, Long expiry, List<String> profiles) {
		String what = describe(old);
		RotationSteps steps = new RotationSteps(STEPS, what, notes);
		V3Created made = null;
		try {
			StopSignals.Watch watch = signals.watch();
			try (watch) {
				made = create(conn, watch, name, expiry, what);
				steps.done("created " + made.id() + " (" + made.name() + ")");
				stopIfSignalled(watch);
				check(conn, made, watch);
				steps.done("checked " + made.id() + " (GET /ping)");
				stopIfSignalled(watch);
				// the profiles are written whole, whatever signal comes now: a half-written rewrite helps nobody
				V3Created twin = made;
				int rewritten = throughSignals(() -> rewrite(conn, profiles, q.configsPath(), twin, old, q.tokenValue()));
				steps.done(rewritten == 0 ? "no profile to rewrite" : "rewrote profile(s) " + String.join(", ", profiles));
				stopIfSignalled(watch);
			}
			// a stop that came after that last look, while the watch closed: the delete, which cannot be
			// undone, is not begun (the interrupt it left is cleared with the report)
			stopIfSignalled(watch);
			Thread.interrupted();
			// the command's own token is deleted with the new one, which is already in its place
			boolean ownToken = !conn.token().isEmpty() && old.hasValue(Connection.asSent(conn.token()));
			deleteOld(ownToken ? conn.withToken(made.token()) : conn, old, steps);
			return new Outcome(made, null);
		}
		catch (CliException ex) {
			// the report and its journal line are written whole, a signal or not
			Thread.interrupted();
			// nothing made, nothing changed: the error says it all
			return new Outcome(made, made == null ? ex : stopped(conn, ex, steps, what, old.id()));
		}
	}

	/** The new token; a stop while it is being made leaves unknown whether the server made it, and says so. */
	private V3Created create(Connection conn, StopSignals.Watch watch, String name, Long expiry, String what) {
		try {
			return v3.create(conn, name, expiry, List.of());
		}
		catch (RuntimeException ex) {
			Stop stop = watch.received();
			if (stop == null) {
				throw ex;
			}
			Thread.interrupted();
			throw new RunStopped("interrupted: rotation of " + what + " stopped while token \"" + name + "\" was being "
					+ "made: whether the server made it is unknown (see auth list --name " + name + "); the old token is "
					+ "still usable", stop.exitCode());
		}
	}

	static final String OPERATOR_BY_NAME = "the operator token \"_admin\" is not rotated by name: InfluxDB 3 "
			+ "regenerates it; use auth rotate --operator (its old value stops working at once)";

	/** The one token the query names, as listed. */
	private static V3Token pick(List<V3Token> all, Query q) {
		if (!q.ids().isEmpty()) {
			long id = V3Tokens.checkId(q.ids().get(0));
			return all.stream().filter(t -> t.id() == id).findFirst().orElseThrow(
					() -> CliException.failure("could not find token with ID \"" + q.ids().get(0) + "\": no such token"));
		}
		if (!q.names().isEmpty()) {
			String name = q.names().get(0);
			return all.stream().filter(t -> t.name().equals(name)).findFirst()
				.orElseThrow(() -> CliException.failure("could not find token \"" + name + "\": no such token"));
		}
		if (q.tokenValue() == null) {
			throw CliException.usage("name the token to rotate with --id, --name or --token-value, or give --operator");
		}
		String value = Connection.asSent(q.tokenValue());
		return all.stream().filter(t -> t.hasValue(value)).findFirst().orElseThrow(() -> CliException.failure(
				"no token on this server has this value (compared by the SHA-512 hash the server shows)"));
	}

	/**
	 * A request made with the new token: {@code GET /ping} answers 200 only to a valid token (unless
	 * the server lets anyone ping). A stop may cut it short.
	 */
	private void check(Connection conn, V3Created made, StopSignals.Watch watch) {
		Connection withNew = conn.withToken(made.token());
		try {
			ApiCalls.describing("the new token " + made.id() + " was refused (GET /ping)", () -> {
				HttpResponse r = client.ping(withNew);
				if (r.status() != 200) {
					throw client.refusal(withNew, "/ping", r);
				}
				return r;
			});
		}
		catch (RuntimeException ex) {
			if (watch.received() != null) {
				throw new RunStopped("the check was cut short by the stop", watch.received().exitCode());
			}
			throw ex;
		}
	}

	private void deleteOld(Connection cutter, V3Token old, RotationSteps steps) {
		ChangePath.Outcome cut = v3.path().execute(cutter,
				List.of(new ChangePath.Step(String.valueOf(old.id()), old.asAuthorization(), Change.DELETE)));
		if (!cut.failures().isEmpty()) {
			throw cut.failures().get(0);
		}
		if (cut.stop() != null) {
			if (!cut.changed().isEmpty()) {
				steps.done("deleted " + old.id());
				throw new RunStopped("the stop came once the old token was deleted", cut.stop().exitCode());
			}
			throw new DeleteCutShort(cut.stop().exitCode());
		}
		steps.done("deleted " + old.id());
	}

	/** A stop that cut the delete request short: whether the server deleted the old token is unknown. */
	private static final class DeleteCutShort extends RunStopped {

		private static final long serialVersionUID = 1L;

		DeleteCutShort(int exitCode) {
			super("the delete request was cut short by the stop", exitCode);
		}
	}

	private static void stopIfSignalled(StopSignals.Watch watch) {
		Stop stop = watch.received();
		if (stop != null) {
			throw new RunStopped("the stop came before the next step", stop.exitCode());
		}
	}

	/**
	 * How a rotation that made its new token and did not end well ends: its steps said, the
	 * journal marked, one line.
	 */
	private CliException stopped(Connection conn, CliException ex, RotationSteps steps, String what, long oldId) {
		boolean stop = ex instanceof RunStopped;
		if (stop) {
			steps.stopped(ex.getMessage());
		}
		else {
			steps.failed(ex.getMessage());
		}
		String back = "; auth undo --run " + journal.runId() + " takes back what was done";
		int code = ex.exitCode() == ExitCodes.FAILURE || ex.exitCode() == ExitCodes.USAGE ? ExitCodes.FAILURE
				: ex.exitCode();
		String oldState = steps.all() ? "the old token is deleted"
				: deleteUnknown(ex) || ex instanceof DeleteCutShort ? "the old token may be deleted: see auth list --id " + oldId
						: "the old token is still usable";
		CliException ending = stop
				? new RunStopped("interrupted: rotation of " + what + " " + steps.where() + "; " + oldState + back, code)
				: new CliException("rotation of " + what + " stopped; " + oldState + back, code, ex);
		journal.end(conn, V3Tokens.KIND, stop ? JournalEntry.INTERRUPTED : JournalEntry.PARTLY_FAILED, ending.getMessage());
		return ending;
	}

	/** Whether the delete failed so that nobody knows whether the server deleted the token. */
	private static boolean deleteUnknown(CliException ex) {
		return ex.getCause() instanceof TransportException lost && lost.mayHaveReachedServer()
				&& ex.getMessage().contains(ReadAgain.UNKNOWN);
	}

	// ---------------------------------------------------------------- the operator token

	private Outcome regenerate(Connection conn, Query q) {
		if (!q.ids().isEmpty() || !q.names().isEmpty() || q.newName() != null) {
			throw CliException.usage("--operator regenerates the operator token \"_admin\" and keeps its name: leave out "
					+ "--id, --name and --new-name");
		}
		V3Token op = v3.all(conn).stream().filter(V3Token::isOperator).findFirst()
			.orElseThrow(() -> CliException.failure("this server lists no operator token \"_admin\": nothing to regenerate"));
		if (q.tokenValue() != null && !op.hasValue(Connection.asSent(q.tokenValue()))) {
			throw CliException.usage("the value given with --token-value is not the operator token's");
		}
		List<String> profiles = holding(configs.store(q.configsPath()).read(), op, q.tokenValue(), conn.baseUrl());
		if (q.dryRun()) {
			return new Outcome(null, null, List.of("would regenerate the operator token " + op.id()
					+ " (_admin): its value is replaced at once, then " + (profiles.isEmpty() ? "no profile is rewritten"
							: "profile(s) " + String.join(", ", profiles) + " get the new value"),
					"Dry run: the operator token would be regenerated; nothing was changed."));
		}
		if (!q.force()) {
			confirmRegeneration(profiles);
		}
		return regenerateWithProfiles(conn, q, op, profiles);
	}

	private void confirmRegeneration(List<String> profiles) {
		if (!questions.canAsk()) {
			throw CliException.usage("regenerating the operator token needs --force when not run from a terminal: its "
					+ "current value stops working at once, for every client that uses it");
		}
		List<String> shown = new ArrayList<>();
		profiles.forEach(p -> shown.add("profile " + p + " gets the new value"));
		if (!questions.confirm(shown, "Regenerate the operator token _admin? Its current value stops working at "
				+ "once, for every client that uses it, and cannot come back. [y/N] ")) {
			throw CliException.failure("nothing regenerated");
		}
	}

	/** Regenerates the operator token and writes its new value into the profiles, whatever signal comes. */
	private Outcome regenerateWithProfiles(Connection conn, Query q, V3Token op, List<String> profiles) {
		// the copy first: when it cannot be kept, nothing has happened yet
		Path file = configs.path(q.configsPath());
		Path copy = profiles.isEmpty() ? null : ConfigsCopies.save(file, journal.runId());
		V3Created made;
		String notWritten;
		StopSignals.Watch watch = signals.watch();
		try (watch) {
			// a signal does not cut this request short: its answer is the only copy of the new value, and
			// the server may already have replaced the old one; the stop is reported once the profiles have it
			made = throughSignals(
					() -> ApiCalls.describing("could not regenerate the operator token", () -> client.regenerateOperator(conn)));
			// from here the new value exists only in this process: the profiles get it whatever signal comes
			notWritten = throughSignals(() -> {
				journal.record(conn, V3Tokens.KIND, JournalEntry.REGENERATE, op.asAuthorization(), "active", "active");
				try {
					rewriteInto(conn, profiles, file, copy, made, op, q.tokenValue());
					return null;
				}
				catch (RuntimeException ex) {
					// whatever went wrong, the new value must still reach the user, with the reason
					return ex.getMessage() != null ? ex.getMessage() : ex.toString();
				}
			});
		}
		catch (CliException ex) {
			// the interrupt a signal left is cleared before the journal is written
			Thread.interrupted();
			throw lostRegeneration(conn, ex, op, profiles);
		}
		// read once the watch is closed: a stop that came as it closed counts too
		Stop stop = watch.received();
		Thread.interrupted();
		return new Outcome(made, regenerationEnding(conn, op, profiles, notWritten, stop));
	}

	/**
	 * How a regeneration whose new value is in hand ends: {@code null} when well, else the reason,
	 * journaled as the run's end.
	 */
	private CliException regenerationEnding(Connection conn, V3Token op, List<String> profiles, String notWritten,
			Stop stop) {
		if (notWritten != null) {
			notes.line("regenerated the operator token " + op.id() + " (_admin): its old value no longer works");
			CliException failure = CliException.failure("the profiles could not be rewritten (" + notWritten
					+ "); the new operator token printed above is its only copy: keep it, e.g. with config set -n NAME -t "
					+ "VALUE");
			journal.end(conn, V3Tokens.KIND, JournalEntry.PARTLY_FAILED, failure.getMessage());
			return failure;
		}
		if (stop != null) {
			RunStopped stopped = new RunStopped("interrupted: the stop came once the operator token was regenerated"
					+ (profiles.isEmpty() ? "" : " and " + profiles.size() + " profile(s) rewritten")
					+ "; the new value is printed above", stop.exitCode());
			journal.end(conn, V3Tokens.KIND, JournalEntry.INTERRUPTED, stopped.getMessage());
			return stopped;
		}
		return null;
	}

	/**
	 * How a regenerate request that failed ends. When its answer was lost after it was sent, the
	 * server may have regenerated the operator token all the same: that is said plainly and
	 * journaled (the run marked partly failed), since the profiles' value may no longer work.
	 */
	private CliException lostRegeneration(Connection conn, CliException ex, V3Token op, List<String> profiles) {
		if (!(ex.getCause() instanceof TransportException lost) || !lost.mayHaveReachedServer()) {
			return ex;
		}
		CliException unknown = CliException.failure(ex.getMessage() + "; the answer was lost, so the server may have "
				+ "regenerated _admin all the same: then " + (profiles.isEmpty() ? "its old value"
						: "the value profile(s) " + String.join(", ", profiles) + " hold")
				+ " no longer works (check with config status)");
		journal.record(conn, V3Tokens.KIND, JournalEntry.REGENERATE, op.asAuthorization(), "active", "active");
		journal.end(conn, V3Tokens.KIND, JournalEntry.PARTLY_FAILED, unknown.getMessage());
		return unknown;
	}

	/**
	 * Runs {@code call} on a thread of its own and waits for its end, through any interrupt: a
	 * signal interrupts the waiting thread, never the call (a file half written, a request whose
	 * answer holds the only copy of a secret); the watch that was signalled says so afterwards.
	 */
	static <T> T throughSignals(Supplier<T> call) {
		FutureTask<T> task = new FutureTask<>(call::get);
		Thread t = new Thread(task, "influx-shell-regenerate");
		t.setDaemon(true);
		t.start();
		while (true) {
			try {
				return task.get();
			}
			catch (InterruptedException ex) {
				// the watch remembers the signal: the caller reports it once the call is over
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException r) {
					throw r;
				}
				throw (Error) ex.getCause();
			}
		}
	}

	// ---------------------------------------------------------------- profiles

	/**
	 * The profiles that hold this token for this server: by value when it was given, else by the
	 * hash the server shows (nine hex characters of the SHA-512 of the value).
	 */
	static List<String> holding(Profiles profiles, V3Token token, String value, String baseUrl) {
		String sent = value == null ? null : Connection.asSent(value);
		return profiles.all().stream().filter(p -> holds(p, token, sent, baseUrl)).map(Profile::name).toList();
	}

	private static boolean holds(Profile p, V3Token token, String value, String baseUrl) {
		if (value != null) {
			return TokenRotation.holds(p, value, baseUrl);
		}
		if (p.token().isEmpty() || !token.hasValue(Connection.asSent(p.token()))) {
			return false;
		}
		try {
			return !p.url().isEmpty() && HostUrl.base(p.url()).equals(baseUrl);
		}
		catch (CliException ex) {
			return false;
		}
	}

	/** Keeps a copy of the configs file, then writes the new token into the profiles; how many were rewritten. */
	private int rewrite(Connection conn, List<String> profiles, String configsPath, V3Created made, V3Token old,
			String givenValue) {
		if (profiles.isEmpty()) {
			return 0;
		}
		Path file = configs.path(configsPath);
		Path copy = ConfigsCopies.save(file, journal.runId());
		return rewriteInto(conn, profiles, file, copy, made, old, givenValue);
	}

	/**
	 * Writes the new token into the planned profiles that still hold the replaced one, and journals
	 * each (its fingerprint, never a value).
	 */
	private int rewriteInto(Connection conn, List<String> profiles, Path file, Path copy, V3Created made, V3Token old,
			String givenValue) {
		if (profiles.isEmpty()) {
			return 0;
		}
		ProfileStore store = configs.store(file.toString());
		Set<String> names = new LinkedHashSet<>(profiles);
		String value = givenValue == null ? null : Connection.asSent(givenValue);
		String baseUrl = conn.baseUrl();
		Profiles before = store.read();
		store.update(now -> {
			Profiles after = now;
			for (Profile p : now.all()) {
				if (names.contains(p.name()) && holds(p, old, value, baseUrl)) {
					after = after.with(p.withToken(made.token()));
				}
			}
			return after;
		});
		String replacedId = String.valueOf(old.id());
		String newValue = Connection.asSent(made.token());
		int n = 0;
		for (String name : names) {
			if (before.get(name).filter(p -> holds(p, old, value, baseUrl)).isPresent()) {
				journal.recordRewrite(conn, V3Tokens.KIND, String.valueOf(made.id()), made.name(), "",
						List.of(ADMIN_PERMISSIONS), newValue, replacedId, name, copy.toString());
				notes.line("rewrote profile \"" + name + "\": token " + replacedId + " (" + old.name() + ") -> "
						+ made.id() + " (" + made.name() + ")");
				n++;
			}
		}
		return n;
	}
}
