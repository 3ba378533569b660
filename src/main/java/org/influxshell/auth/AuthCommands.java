package org.influxshell.auth;

import static org.influxshell.command.CommonOptions.ACTIVE_CONFIG;
import static org.influxshell.command.CommonOptions.HOST;
import static org.influxshell.command.CommonOptions.LOCAL;
import static org.influxshell.command.CommonOptions.SERVER;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.cli.CliException;
import org.influxshell.cli.Stderr;
import org.influxshell.command.Args;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandResult;
import org.influxshell.command.CommandSet;
import org.influxshell.command.OptionDef;
import org.influxshell.command.StandardInput;
import org.influxshell.command.ValueKind;
import org.influxshell.connection.Connection;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.ServerOptions;
import org.influxshell.journal.JournalEntry;
import org.influxshell.journal.JournalRun;
import org.influxshell.output.OutputOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.standard.ShellComponent;

/** The {@code auth} commands: API tokens on the server. */
@ShellComponent
public class AuthCommands implements CommandSet {

	static final OptionDef<Boolean> FORCE = OptionDef.flag(
			"go ahead without asking, even with tokens of your own user on a server that hides token values", "--force");

	static final OptionDef<String> LIST_USER = OptionDef.value("NAME", "user name", "-u", "--user")
		.completes(ValueKind.USER_NAME);

	static final OptionDef<String> USER_ID = OptionDef.value("ID", "user ID", "--user-id");

	static final OptionDef<String> ORG = OptionDef.value("NAME", "organization name", "-o", "--org");

	static final OptionDef<String> ORG_ID = OptionDef.value("ID", "organization ID", "--org-id");

	static final OptionDef<String> STATUS = OptionDef.value("active|inactive", "only the tokens with this status",
			"--status");

	static final OptionDef<Boolean> WIDE = OptionDef.flag("add a Status column to the table", "--wide");

	static final OptionDef<Boolean> MASK_TOKENS = OptionDef
		.flag("print token values masked: their first 4 characters and …", "--mask-tokens")
		.env("INFLUX_MASK_TOKENS");

	static final OptionDef<String> OWNER = OptionDef.value("NAME", "owner's user name (default: you)", "-u", "--user")
		.completes(ValueKind.USER_NAME);

	static final OptionDef<String> DESCRIPTION = OptionDef.value("TEXT", "token description", "-d", "--description");

	static final OptionDef<List<String>> READ_BUCKET = OptionDef.list("ID", "bucket ID to read", "--read-bucket");

	static final OptionDef<List<String>> WRITE_BUCKET = OptionDef.list("ID", "bucket ID to write", "--write-bucket");

	static final OptionDef<Boolean> OPERATOR = OptionDef.flag("read and write on everything, all orgs", "--operator");

	static final OptionDef<Boolean> ALL_ACCESS = OptionDef.flag("read and write on everything in the org",
			"--all-access");

	static final OptionDef<String> RUN = OptionDef.value("ID", "a run: one command line, as auth journal lists it", "--run");

	static final OptionDef<String> SESSION = OptionDef.value("ID",
			"a session: one process (a one-shot, a whole script, a REPL session), as auth journal lists it", "--session");

	static final OptionDef<String> LIMIT = OptionDef.value("N", "show the newest N runs only", "--limit");

	static final OptionDef<String> SINCE = OptionDef.value("WHEN",
			"show runs since a time (RFC 3339) or for a while back (30m, 24h, 7d)", "--since");

	static final OptionDef<Boolean> UNDO_FORCE = OptionDef
		.flag("InfluxDB 3: delete the tokens the run made without asking (needed off a terminal)", "--force");

	static final OptionDef<Boolean> UNDO_DRY_RUN = OptionDef.flag("show what undo would do, change nothing", "--dry-run");

	static final OptionDef<String> NEW_DESCRIPTION = OptionDef.value("TEXT",
			"the new token's description (default: the old one's)", "-d", "--description");

	static final OptionDef<String> OLD_TOKEN_VALUE = OptionDef
		.value("TOKEN", "the token to rotate, by its value; with --id on a server that hides token values, so that the "
				+ "profiles that hold it are found; - reads it from stdin", "--token-value")
		.secret();

	static final OptionDef<Boolean> DELETE_OLD = OptionDef.flag(
			"delete the old token instead of inactivating it (asks first; needs --force off a terminal)", "--delete-old");

	static final OptionDef<Boolean> ROTATE_DRY_RUN = OptionDef.flag(
			"show which tokens and profiles would be rotated, change nothing", "--dry-run");

	static final OptionDef<Boolean> ROTATE_FORCE = OptionDef.flag("delete the old token with --delete-old without asking "
			+ "(InfluxDB 3: delete the old token, or regenerate the operator token, without asking)", "--force");

	static final OptionDef<String> ROTATE_NEW_NAME = OptionDef.value("NAME",
			"InfluxDB 3: the new token's name (default: the old one's and -YYYYMMDD-HHMM, UTC)", "--new-name");

	static final OptionDef<Boolean> ROTATE_OPERATOR = OptionDef.flag("InfluxDB 3: regenerate the operator token _admin "
			+ "and rewrite the profiles that hold it; its old value stops working at once", "--operator");

	private final ConnectionResolver resolver;

	private final Stderr stderr;

	// The services are asked for when a command runs, not when the commands are declared: a
	// console that runs one command builds only what that command uses (config list, no HTTP
	// client at all), and the command model costs nothing but the declarations.
	private final ObjectProvider<TokenChanges> changes;

	private final ObjectProvider<TokenQueries> queries;

	private final ObjectProvider<TokenCreator> creator;

	private final ObjectProvider<ChangeJournal> journal;

	private final ObjectProvider<TokenUndo> undo;

	private final ObjectProvider<TokenRotation> rotation;

	private final StandardInput stdin;

	private final ObjectProvider<V3Commands> v3;

	private final ObjectProvider<V3Rotation> v3Rotation;

	public AuthCommands(ConnectionResolver resolver, Stderr stderr, ObjectProvider<TokenChanges> changes,
			ObjectProvider<TokenQueries> queries, ObjectProvider<TokenCreator> creator,
			ObjectProvider<ChangeJournal> journal, ObjectProvider<TokenUndo> undo, ObjectProvider<TokenRotation> rotation,
			StandardInput stdin, ObjectProvider<V3Commands> v3, ObjectProvider<V3Rotation> v3Rotation) {
		this.rotation = rotation;
		this.v3Rotation = v3Rotation;
		this.v3 = v3;
		this.stdin = stdin;
		this.resolver = resolver;
		this.stderr = stderr;
		this.changes = changes;
		this.queries = queries;
		this.creator = creator;
		this.journal = journal;
		this.undo = undo;
	}

	@Override
	public Map<String, String> groups() {
		return Map.of("auth", "API tokens: list, create, inactivate, activate and delete them");
	}

	@Override
	public List<CommandDef> commands() {
		return List.of(
				CommandDef.command("auth inactive")
					.description("Inactivate API tokens: they stay, but cannot be used")
					.options(TokenSelection.OPTIONS).options(FORCE, MASK_TOKENS, V3Commands.PRODUCT).options(SERVER)
					.requiresOneOf(TokenSelection.SELECTORS)
					.runs(a -> change(a, Change.INACTIVATE)),
				CommandDef.command("auth active")
					.description("Activate API tokens")
					.options(TokenSelection.OPTIONS).options(FORCE, MASK_TOKENS, V3Commands.PRODUCT).options(SERVER)
					.requiresOneOf(TokenSelection.SELECTORS)
					.runs(a -> change(a, Change.ACTIVATE)),
				CommandDef.command("auth delete")
					.description("Delete API tokens")
					.options(TokenSelection.OPTIONS).options(FORCE, MASK_TOKENS)
					.options(V3Commands.NAMES, V3Commands.EXPIRED, V3Commands.PRODUCT).options(SERVER)
					.requiresOneOf(TokenSelection.SELECTORS).requiresOneOf(V3Commands.NAMES, V3Commands.EXPIRED)
					.runs(a -> change(a, Change.DELETE)),
				CommandDef.command("auth list").aliases("auth find", "auth ls")
					.description("List API tokens")
					.options(TokenSelection.ID, LIST_USER, USER_ID, ORG, ORG_ID, TokenSelection.TOKEN_VALUE, STATUS, WIDE,
							MASK_TOKENS)
					.options(V3Commands.NAMES, TokenSelection.DESCRIPTION, V3Commands.EXPIRED, V3Commands.PRODUCT)
					.options(SERVER)
					.runs(this::list),
				CommandDef.command("auth create")
					.description("Create an API token")
					.options(ORG_ID, ORG, OWNER, DESCRIPTION, READ_BUCKET, WRITE_BUCKET, OPERATOR, ALL_ACCESS)
					.options(ResourceFlags.OPTIONS)
					.options(V3Commands.NEW_NAME, V3Commands.EXPIRY, V3Commands.PERMISSION, V3Commands.PRODUCT)
					.options(SERVER)
					.runs(this::create),
				CommandDef.command("auth journal")
					.description("List the runs that changed tokens, newest first")
					.options(RUN, SESSION, LIMIT, SINCE, ACTIVE_CONFIG, HOST).options(LOCAL)
					.runs(this::journal),
				CommandDef.command("auth undo")
					.description("Put back what the last run on this server changed")
					.options(RUN, SESSION, UNDO_DRY_RUN, MASK_TOKENS, UNDO_FORCE, V3Commands.PRODUCT).options(SERVER)
					.runs(this::undo),
				CommandDef.command("auth rotate")
					.description("Replace API tokens by twins, also in the profiles that hold them")
					.options(TokenSelection.ID, OLD_TOKEN_VALUE, NEW_DESCRIPTION, DELETE_OLD, ROTATE_DRY_RUN, ROTATE_FORCE)
					.options(V3Commands.NAMES, ROTATE_NEW_NAME, ROTATE_OPERATOR, V3Commands.PRODUCT)
					.options(SERVER)
					.requiresOneOf(TokenSelection.ID, OLD_TOKEN_VALUE, V3Commands.NAMES, ROTATE_OPERATOR)
					.runs(this::rotate));
	}

	/** {@code --token-value}, read from stdin when given as {@code -}; {@code null} when not given. */
	private String tokenValue(Args args) {
		String given = args.get(TokenSelection.TOKEN_VALUE);
		return given == null ? null : stdin.secret("--token-value", given, "Token value: ");
	}

	private TokenRenderer.View view(Args args, boolean wide) {
		return new TokenRenderer.View(wide, resolver.maskTokens(args.get(MASK_TOKENS)));
	}

	private CommandResult change(Args args, Change change) {
		ServerOptions server = args.get(SERVER);
		Connection conn = resolver.connection(server, args.get(V3Commands.PRODUCT));
		if (conn.isV3() && change != Change.DELETE) {
			throw CliException.usage(V3Tokens.NO_STATUS);
		}
		V3Commands.refuse(args, conn, conn.isV3() ? List.of(TokenSelection.USER) : V3_ONLY);
		TokenSelection selection = args.get(TokenSelection.OPTIONS);
		if (selection.tokenValue() != null) {
			selection = selection.withTokenValue(tokenValue(args));
		}
		OutputOptions output = resolver.output(server.local());
		if (conn.isV3()) {
			return v3.getObject().delete(args, conn, output, selection, args.flag(FORCE));
		}
		TokenRenderer.View view = view(args, false);
		ChangePath.Outcome outcome = changes.getObject().apply(conn, selection, change, args.flag(FORCE));
		if (outcome.planned() == 0) {
			stderr.line("No token matches the selection; nothing " + change.done() + ".");
			return CommandResult.of(TokenRenderer.many(List.of(), false, output, view));
		}
		String state = ChangePath.target(change).value();
		if (selection.dryRun() && outcome.stop() == null) {
			stderr.line("Dry run: " + outcome.changed().size() + " token(s) would be " + change.done()
					+ (outcome.already().isEmpty() ? "" : ", " + outcome.already().size() + " already " + state)
					+ "; nothing was changed.");
		}
		else if (!outcome.already().isEmpty()) {
			stderr.line(outcome.already().size() + " token(s) already " + state + ": " + ids(outcome.already()));
		}
		List<Authorization> shown = inIdOrder(outcome.changed(), outcome.already());
		boolean deleted = change == Change.DELETE && !selection.dryRun();
		boolean one = outcome.planned() == 1 && !selection.hasSelectors() && shown.size() == 1;
		String text = one ? TokenRenderer.one(shown.get(0), deleted, output, view)
				: TokenRenderer.many(shown, deleted, output, view);
		CommandResult result = selection.dryRun() || outcome.changed().isEmpty() ? CommandResult.of(text)
				: CommandResult.changed(text, outcome.changed().size() + " token(s) " + change.done() + ": "
						+ ids(outcome.changed()));
		return result.failing(outcome.failures(), outcome.notes(),
				outcome.ending(selection.dryRun() ? "read" : change.done()));
	}

	private static List<Authorization> inIdOrder(List<Authorization> a, List<Authorization> b) {
		List<Authorization> all = new ArrayList<>(a);
		all.addAll(b);
		all.sort(Comparator.comparing(x -> x.id().toLowerCase(Locale.ROOT)));
		return all;
	}

	private static String ids(List<Authorization> tokens) {
		return String.join(", ", tokens.stream().map(Authorization::id).toList());
	}

	/** The options of the token commands only InfluxDB 3 knows. */
	private static final List<OptionDef<?>> V3_ONLY = List.of(V3Commands.NAMES, V3Commands.NEW_NAME, V3Commands.EXPIRED,
			V3Commands.EXPIRY, V3Commands.PERMISSION, UNDO_FORCE);

	private CommandResult list(Args args) {
		ServerOptions server = args.get(SERVER);
		OutputOptions output = resolver.output(server.local());
		Connection v3conn = resolver.connection(server, args.get(V3Commands.PRODUCT));
		if (v3conn.isV3()) {
			V3Commands.refuse(args, v3conn, List.of(LIST_USER, USER_ID, ORG, ORG_ID, STATUS));
			return v3.getObject().list(args, v3conn, output, tokenValue(args), args.flag(WIDE));
		}
		V3Commands.refuse(args, v3conn, List.of(V3Commands.NAMES, TokenSelection.DESCRIPTION, V3Commands.EXPIRED));
		String status = args.get(STATUS);
		if (status != null && !status.equals("active") && !status.equals("inactive")) {
			throw CliException.usage("--status takes active or inactive, not \"" + status + "\"");
		}
		TokenRenderer.View view = view(args, args.flag(WIDE));
		String value = tokenValue(args);
		Connection conn = resolver.connection(server);
		TokenQueries tokens = queries.getObject();
		if (value != null) {
			Authorization found = tokens.findByValue(conn, value);
			List<Authorization> shown = status == null || found.status().equals(status) ? List.of(found) : List.of();
			return CommandResult.of(shown.size() == 1 ? TokenRenderer.one(found, false, output, view)
					: TokenRenderer.many(shown, false, output, view));
		}
		List<String> ids = args.get(TokenSelection.ID);
		TokenQueries.Listing listing = tokens.list(conn, new TokenQueries.ListQuery(ids, args.get(LIST_USER),
				args.get(USER_ID), args.get(ORG), args.get(ORG_ID)));
		if (listing.serverListEmpty()) {
			stderr.line("Hint: the server returned no tokens at all; a 2.x server answers so when the token used is "
					+ "inactive or lacks the read:authorizations permission");
		}
		List<Authorization> shown = listing.tokens().stream().filter(a -> status == null || a.status().equals(status))
			.toList();
		if (ids.size() == 1 && output.json() && shown.size() == 1) {
			return CommandResult.of(TokenRenderer.one(shown.get(0), false, output, view));
		}
		return CommandResult.of(TokenRenderer.many(shown, false, output, view));
	}

	private CommandResult create(Args args) {
		ServerOptions server = args.get(SERVER);
		OutputOptions output = resolver.output(server.local());
		Connection v3conn = resolver.connection(server, args.get(V3Commands.PRODUCT));
		if (v3conn.isV3()) {
			List<OptionDef<?>> v2Only = new ArrayList<>(List.of(ORG_ID, ORG, OWNER, DESCRIPTION, READ_BUCKET, WRITE_BUCKET,
					OPERATOR, ALL_ACCESS));
			ResourceFlags.OPTIONS.options().forEach(v2Only::add);
			V3Commands.refuse(args, v3conn, v2Only);
			return v3.getObject().create(args, v3conn, output);
		}
		V3Commands.refuse(args, v3conn, V3_ONLY);
		ResourceFlags resources = args.get(ResourceFlags.OPTIONS);
		var flags = new PermissionSet.Flags(args.get(READ_BUCKET), args.get(WRITE_BUCKET), resources.read(),
				resources.write(), args.flag(OPERATOR), args.flag(ALL_ACCESS));
		Connection conn = resolver.connection(server);
		Authorization created = creator.getObject().create(conn, new TokenCreator.CreateQuery(args.get(ORG_ID),
				args.get(ORG), args.get(OWNER), args.get(DESCRIPTION), flags));
		journal.getObject().record(conn, JournalEntry.CREATE, created, null, created.status());
		return CommandResult.changed(TokenRenderer.one(created, false, output),
				"the token was created with ID " + created.id());
	}

	private CommandResult rotate(Args args) {
		ServerOptions server = args.get(SERVER);
		OutputOptions output = resolver.output(server.local());
		String given = args.get(OLD_TOKEN_VALUE);
		String value = given == null ? null : stdin.secret("--token-value", given, "Token value: ");
		Connection product = resolver.connection(server, args.get(V3Commands.PRODUCT));
		if (product.isV3()) {
			V3Commands.refuse(args, product, List.of(NEW_DESCRIPTION, DELETE_OLD));
			V3Rotation.Outcome done = v3Rotation.getObject().rotate(product, new V3Rotation.Query(args.get(TokenSelection.ID),
					args.get(V3Commands.NAMES), value, args.get(ROTATE_NEW_NAME), args.flag(ROTATE_OPERATOR),
					args.flag(ROTATE_DRY_RUN), args.flag(ROTATE_FORCE), server.local().configsPath()), Instant.now());
			done.plan().forEach(stderr::line);
			if (done.made() == null) {
				return CommandResult.of("").failing(List.of(), List.of(), done.failure());
			}
			return CommandResult.changed(V3Renderer.created(done.made(), output), "new token " + done.made().id() + " ("
					+ done.made().name() + ")").failing(List.of(), List.of(), done.failure());
		}
		V3Commands.refuse(args, product, List.of(V3Commands.NAMES, ROTATE_NEW_NAME, ROTATE_OPERATOR));
		Connection conn = resolver.connection(server);
		TokenRotation.Outcome outcome = rotation.getObject().rotate(conn, new TokenRotation.RotateQuery(
				args.get(TokenSelection.ID), value, args.get(NEW_DESCRIPTION), args.flag(DELETE_OLD),
				args.flag(ROTATE_DRY_RUN), args.flag(ROTATE_FORCE), server.local().configsPath()));
		outcome.plan().forEach(stderr::line);
		List<Authorization> created = outcome.created();
		String text = created.isEmpty() ? ""
				: created.size() == 1 ? TokenRenderer.one(created.get(0), false, output)
						: TokenRenderer.many(created, false, output);
		CommandResult result = created.isEmpty() ? CommandResult.of(text)
				: CommandResult.changed(text, "new token(s) created: " + ids(created));
		return result.failing(List.of(), List.of(), outcome.failure());
	}

	private CommandResult journal(Args args) {
		OutputOptions output = resolver.output(args.get(LOCAL));
		String run = args.get(RUN);
		String session = args.get(SESSION);
		int limit = args.isSet(LIMIT) ? JournalFilters.limit(args.get(LIMIT)) : Integer.MAX_VALUE;
		Instant since = args.isSet(SINCE) ? JournalFilters.since(args.get(SINCE), Instant.now()) : null;
		// one server's runs only when one is named on the line: -c alone names its profile's
		String server = args.isSet(HOST) || args.isSet(ACTIVE_CONFIG) ? resolver.connection(new ServerOptions(
				args.get(LOCAL), args.get(HOST), null, args.get(ACTIVE_CONFIG), null, false)).baseUrl() : null;
		// read as it goes by, keeping only the runs to be shown: a journal may be far larger than its answer
		List<JournalRun> runs = JournalRun.newest(journal.getObject().journal()::forEach,
				first -> (run == null || first.run().equals(run)) && (session == null || first.session().equals(session))
						&& (server == null || first.server().equals(server))
						&& (since == null || !JournalFilters.before(first.time(), since)),
				limit);
		return CommandResult.of(JournalRenderer.runs(runs, output));
	}

	private CommandResult undo(Args args) {
		ServerOptions server = args.get(SERVER);
		OutputOptions output = resolver.output(server.local());
		Connection conn = resolver.connection(server, args.get(V3Commands.PRODUCT));
		V3Commands.refuse(args, conn, conn.isV3() ? List.of() : List.of(UNDO_FORCE));
		boolean dryRun = args.flag(UNDO_DRY_RUN);
		TokenUndo.Outcome undone = undo.getObject()
			.undo(conn, new TokenUndo.UndoQuery(args.get(RUN), args.get(SESSION), dryRun, args.flag(UNDO_FORCE)));
		ChangePath.Outcome outcome = undone.changes();
		if (dryRun && outcome.stop() == null) {
			// in a dry run the tokens are as they are now: each would be turned the other way
			long toActivate = outcome.changed().stream().filter(a -> !a.status().equals(Status.ACTIVE.value())).count();
			List<String> ways = new ArrayList<>();
			if (toActivate > 0) {
				ways.add(toActivate + " to be activated");
			}
			if (toActivate < outcome.changed().size()) {
				ways.add((outcome.changed().size() - toActivate) + " to be inactivated");
			}
			stderr.line("Dry run: " + outcome.changed().size() + " token(s) would be changed back"
					+ (ways.isEmpty() ? "" : " (" + String.join(", ", ways) + ")")
					+ (outcome.already().isEmpty() ? "" : ", " + outcome.already().size() + " already so")
					+ (undone.remaining() == 0 ? "" : ", " + undone.remaining() + " cannot be") + "; nothing was changed.");
		}
		String text = conn.isV3() ? V3Commands.undone(outcome.changed(), output)
				: TokenRenderer.many(inIdOrder(outcome.changed(), outcome.already()), false, output, view(args, false));
		CommandResult result = dryRun || outcome.changed().isEmpty() ? CommandResult.of(text)
				: CommandResult.changed(text, outcome.changed().size() + " token(s) changed back: " + ids(outcome.changed()));
		CliException ending = outcome.ending(dryRun ? "read" : "changed back");
		if (ending == null && undone.remaining() > 0) {
			ending = CliException.failure(undone.remaining() + " change(s) could not be put back");
		}
		return result.failing(outcome.failures(), outcome.notes(), ending);
	}
}
