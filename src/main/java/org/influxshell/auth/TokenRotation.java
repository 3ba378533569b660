package org.influxshell.auth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;
import org.influxshell.cli.RunStopped;
import org.influxshell.command.Notes;
import org.influxshell.command.Questions;
import org.influxshell.configs.ConfigsCopies;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.configs.Profile;
import org.influxshell.configs.ProfileStore;
import org.influxshell.configs.Profiles;
import org.influxshell.connection.Connection;
import org.influxshell.connection.HostUrl;
import org.influxshell.http.ApiCalls;
import org.influxshell.journal.JournalEntry;

/**
 * {@code auth rotate}: replaces a token by a twin, in the one order that never locks anyone out.
 * For each token: read it; create a new one for the same org and user with the same permissions;
 * check the new one with a request made with it ({@code GET /api/v2/me}); rewrite every profile
 * of the configs file that holds the old token for this server (a copy of the file's bytes is kept
 * beside it first, named after the run: the journal never holds a token value, and the server no
 * longer returns the old one); then cut the old one off on the {@link ChangePath}, with the new
 * token when the command itself used the old one. A failure at any step stops the rotation there,
 * both tokens still usable, and says which steps were done. Everything is journaled as one run,
 * which {@code auth undo} takes back.
 */
public class TokenRotation {

	private final ChangePath path;

	private final AuthorizationsClient client;

	private final DirectoryClient directory;

	private final TokenQueries queries;

	private final ChangeJournal journal;

	private final ConfigsFile configs;

	private final Questions questions;

	private final Notes notes;

	public TokenRotation(ChangePath path, AuthorizationsClient client, DirectoryClient directory, TokenQueries queries,
			ChangeJournal journal, ConfigsFile configs, Questions questions, Notes notes) {
		this.path = path;
		this.client = client;
		this.directory = directory;
		this.queries = queries;
		this.journal = journal;
		this.configs = configs;
		this.questions = questions;
		this.notes = notes;
	}

	/**
	 * What to rotate.
	 *
	 * @param ids {@code --id}, possibly several
	 * @param tokenValue {@code --token-value}: the old token's value, or {@code null}
	 * @param description the new tokens' description, or {@code null} for the old one's
	 * @param deleteOld delete the old token instead of inactivating it
	 * @param dryRun say what would be done, change nothing
	 * @param force delete without asking
	 * @param configsPath {@code --configs-path}, or {@code null}
	 */
	public record RotateQuery(List<String> ids, String tokenValue, String description, boolean deleteOld,
			boolean dryRun, boolean force, String configsPath) {
	}

	/**
	 * What a rotation did.
	 *
	 * @param created the new tokens, with their values, in the order rotated
	 * @param failure how the rotation ends when a step failed or it was stopped, else {@code null}
	 * @param plan in a dry run, what would be done, one line per token and the count: said by the command
	 */
	public record Outcome(List<Authorization> created, CliException failure, List<String> plan) {

		public Outcome {
			created = List.copyOf(created);
			plan = List.copyOf(plan);
		}

		Outcome(List<Authorization> created, CliException failure) {
			this(created, failure, List.of());
		}
	}

	/** One token to rotate, as planned. */
	private record Plan(Authorization old, String oldValue, List<String> profiles) {
	}

	/**
	 * Plans every rotation before the first change, then rotates one token after the other.
	 * @throws CliException when the plan cannot be made (nothing was changed)
	 */
	public Outcome rotate(Connection conn, RotateQuery q) {
		List<Plan> plans = plan(conn, q);
		if (q.dryRun()) {
			List<String> lines = new ArrayList<>();
			for (Plan p : plans) {
				lines.add("would rotate " + p.old().id() + " (" + p.old().description() + ", user " + p.old().user()
						+ "): create a twin with " + p.old().permissions().size() + " permission(s), check it, "
						+ (p.profiles().isEmpty() ? "rewrite no profile"
								: "rewrite profile(s) " + String.join(", ", p.profiles()))
						+ ", then " + (q.deleteOld() ? "delete" : "inactivate") + " the old one");
			}
			lines.add("Dry run: " + plans.size() + " token(s) would be rotated; nothing was changed.");
			return new Outcome(List.of(), null, lines);
		}
		if (q.deleteOld() && !q.force()) {
			if (!questions.canAsk()) {
				throw CliException.usage("--delete-old needs --force when not run from a terminal");
			}
			List<String> shown = plans.stream().map(p -> p.old().id() + "  " + p.old().description()).toList();
			if (!questions.confirm(shown, "Delete " + plans.size() + " old token(s) once their twins are in place? [y/N] ")) {
				throw CliException.failure("nothing rotated");
			}
		}
		List<Authorization> created = new ArrayList<>();
		Connection current = conn;
		RunCopy copy = new RunCopy();
		for (int i = 0; i < plans.size(); i++) {
			RotationSteps steps = new RotationSteps(STEPS, plans.get(i).old().id(), notes);
			try {
				current = rotateOne(current, plans.get(i), q, steps, created, copy);
			}
			catch (CliException ex) {
				String oldId = plans.get(i).old().id();
				if (ex instanceof RunStopped) {
					steps.stopped(ex.getMessage());
				}
				else {
					steps.failed(ex.getMessage());
				}
				for (Plan left : plans.subList(i + 1, plans.size())) {
					notes.line("rotate " + left.old().id() + ": not started");
				}
				String back = created.isEmpty() ? "" : "; auth undo --run " + journal.runId() + " takes back what was done";
				int code = ex.exitCode() == ExitCodes.FAILURE || ex.exitCode() == ExitCodes.USAGE ? ExitCodes.FAILURE
						: ex.exitCode();
				CliException stopped = ex instanceof RunStopped
						? new RunStopped("interrupted: rotation of " + oldId + " " + steps.where()
								+ (i + 1 < plans.size() ? "; " + (plans.size() - i - 1) + " not started" : "") + back, code)
						: new CliException("rotation of " + oldId + " stopped; the old token is still usable" + back, code, ex);
				if (!created.isEmpty()) {
					// the run made changes and did not end well: the journal marks it, as for any change
					journal.end(current, null, ex instanceof RunStopped ? JournalEntry.INTERRUPTED : JournalEntry.PARTLY_FAILED,
							stopped.getMessage());
				}
				return new Outcome(created, stopped);
			}
		}
		return new Outcome(created, null);
	}

	/** The steps of a rotation on InfluxDB 2. */
	private static final List<String> STEPS = List.of("create", "check", "rewrite", "cut off");

	/** The copy of the configs file this run keeps: taken once, before its first rewrite. */
	private static final class RunCopy {

		private Path path;
	}

	private Connection rotateOne(Connection conn, Plan plan, RotateQuery q, RotationSteps steps,
			List<Authorization> created, RunCopy copy) {
		Authorization old = plan.old();
		String description = q.description() != null ? q.description() : old.description();
		var request = new AuthorizationsClient.CreateRequest(old.orgID(), old.userID(), description, old.permissions());
		Authorization twin = ApiCalls.describing("could not create the new token", () -> client.create(conn, request));
		created.add(twin);
		journal.record(conn, JournalEntry.CREATE, twin, null, twin.status());
		steps.done("created " + twin.id());

		Connection withTwin = conn.withToken(twin.token());
		String user = ApiCalls.describing("the new token " + twin.id() + " was refused (GET /api/v2/me)",
				() -> directory.myUserId(withTwin));
		if (!user.equalsIgnoreCase(old.userID())) {
			throw CliException.failure("the new token " + twin.id() + " signs in as user " + user + ", not "
					+ old.userID());
		}
		steps.done("checked " + twin.id() + " (GET /api/v2/me)");

		rewrite(conn, plan, twin, q, copy);
		steps.done(plan.profiles().isEmpty() ? "no profile to rewrite"
				: "rewrote profile(s) " + String.join(", ", plan.profiles()));

		// the command's own token is cut off with its twin, which is already in its place
		boolean ownToken = !conn.token().isEmpty() && Connection.asSent(conn.token()).equals(plan.oldValue());
		Connection cutter = ownToken ? withTwin : conn;
		Change change = q.deleteOld() ? Change.DELETE : Change.INACTIVATE;
		ChangePath.Outcome cut = path.execute(cutter, List.of(new ChangePath.Step(old.id(), old, change)));
		if (!cut.failures().isEmpty()) {
			throw cut.failures().get(0);
		}
		if (cut.stop() != null) {
			// Ctrl-C or SIGTERM during the cut-off: the request was cut short, and the token read once more
			if (!cut.changed().isEmpty()) {
				steps.done(change.done() + " " + old.id());
				throw new RunStopped("the stop came once the old token was " + change.done(), cut.stop().exitCode());
			}
			throw new RunStopped("the request was cut short by the stop: token " + old.id() + " may still be "
					+ old.status() + ", and both tokens usable", cut.stop().exitCode());
		}
		CliException stopped = cut.ending(change.done());
		if (stopped != null) {
			throw stopped;
		}
		return cutter;
	}

	/** Writes the twin into the planned profiles that still hold the old token, after keeping a copy of the file. */
	private void rewrite(Connection conn, Plan plan, Authorization twin, RotateQuery q, RunCopy copy) {
		if (plan.profiles().isEmpty()) {
			return;
		}
		Path file = configs.path(q.configsPath());
		if (copy.path == null) {
			copy.path = ConfigsCopies.save(file, journal.runId());
		}
		ProfileStore store = configs.store(file.toString());
		Set<String> names = new LinkedHashSet<>(plan.profiles());
		Profiles before = store.read();
		store.update(profiles -> {
			Profiles after = profiles;
			for (Profile p : profiles.all()) {
				if (names.contains(p.name()) && holds(p, plan.oldValue(), conn.baseUrl())) {
					after = after.with(p.withToken(twin.token()));
				}
			}
			return after;
		});
		for (String name : names) {
			boolean was = before.get(name).filter(p -> holds(p, plan.oldValue(), conn.baseUrl())).isPresent();
			if (was) {
				journal.recordRewrite(conn, twin, twin.token(), plan.old().id(), name, copy.path.toString());
				notes.line("rewrote profile \"" + name + "\": token " + plan.old().id() + " -> " + twin.id());
			}
		}
	}

	/** Reads the tokens and finds the profiles that hold each; nothing is changed. */
	private List<Plan> plan(Connection conn, RotateQuery q) {
		List<String> ids = new ArrayList<>(q.ids());
		if (q.tokenValue() != null && ids.size() > 1) {
			throw CliException.usage("--token-value names one token: give one --id with it, or none");
		}
		if (ids.isEmpty()) {
			if (q.tokenValue() == null) {
				throw CliException.usage("name the token to rotate with --id or --token-value");
			}
			ids.add(queries.findByValue(conn, q.tokenValue()).id());
		}
		ids.forEach(id -> AuthIds.check(id, "could not find auth with ID \"" + id + "\""));
		ChangePath.Read read = path.read(conn, ids);
		if (!read.failures().isEmpty()) {
			throw read.failures().get(0);
		}
		if (read.stop() != null) {
			throw new CliException("interrupted: nothing rotated", read.stop().exitCode());
		}
		Profiles profiles = configs.store(q.configsPath()).read();
		List<Plan> plans = new ArrayList<>();
		for (String id : ids) {
			Authorization old = read.get(id);
			if (!"active".equals(old.status())) {
				throw CliException.failure("token " + old.id() + " is " + old.status()
						+ ": only an active token is rotated (activate it first, or create a new one)");
			}
			String value = oldValue(conn, old, q.tokenValue());
			List<String> holding = profiles.all().stream().filter(p -> holds(p, value, conn.baseUrl()))
				.map(Profile::name).toList();
			plans.add(new Plan(old, value, holding));
		}
		return plans;
	}

	/**
	 * The old token's value, as the server sends it: the server's when it still returns values,
	 * else the one given with {@code --token-value} (checked to belong to the token's user).
	 */
	private String oldValue(Connection conn, Authorization old, String given) {
		if (TokenQueries.isRealToken(old.token())) {
			if (given != null && !Connection.asSent(given).equals(Connection.asSent(old.token()))) {
				throw CliException.usage("the value given with --token-value is not the value of token " + old.id());
			}
			return Connection.asSent(old.token());
		}
		if (given == null) {
			throw CliException.usage("this server does not return token values, so the profiles that hold token "
					+ old.id() + " cannot be found: give its value with --token-value VALUE (or - to read it from stdin)");
		}
		Connection withGiven = conn.withToken(given);
		String user = ApiCalls.describing("the value given with --token-value was refused (GET /api/v2/me)",
				() -> directory.myUserId(withGiven));
		if (!user.equalsIgnoreCase(old.userID())) {
			throw CliException.usage("the value given with --token-value belongs to user " + user + ", token " + old.id()
					+ " to user " + old.userID());
		}
		return Connection.asSent(given);
	}

	/** Whether a profile holds this token for this server (URLs compared as requests are sent). */
	static boolean holds(Profile p, String value, String baseUrl) {
		if (p.token().isEmpty() || value == null || !Connection.asSent(p.token()).equals(value)) {
			return false;
		}
		try {
			return !p.url().isEmpty() && HostUrl.base(p.url()).equals(baseUrl);
		}
		catch (CliException ex) {
			return false;
		}
	}
}
