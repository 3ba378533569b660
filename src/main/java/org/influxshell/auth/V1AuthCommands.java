package org.influxshell.auth;

import static org.influxshell.command.CommonOptions.SERVER;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.influxshell.cli.CliException;
import org.influxshell.cli.Stderr;
import org.influxshell.command.Args;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandResult;
import org.influxshell.command.CommandSet;
import org.influxshell.command.OptionDef;
import org.influxshell.command.OptionGroup;
import org.influxshell.command.StandardInput;
import org.influxshell.command.ValueKind;
import org.influxshell.connection.Connection;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.ServerOptions;
import org.influxshell.journal.JournalEntry;
import org.influxshell.output.OutputOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.standard.ShellComponent;

/**
 * The {@code v1 auth} commands: the v1-compatibility authorizations (a username and a password
 * for the 1.x APIs: InfluxQL, Grafana's InfluxQL source, Telegraf's v1 output). Their status
 * changes and deletes take the same path as tokens (selection, dry run, questions, progress,
 * journal, {@code auth undo}); a password is never on the command line unless given there.
 */
@ShellComponent
public class V1AuthCommands implements CommandSet {

	static final OptionDef<List<String>> ID = OptionDef
		.list("ID", "v1 authorization ID; repeat it or give a comma-separated list", "--id")
		.commaSeparated()
		.completes(ValueKind.V1_AUTH_ID);

	static final OptionDef<List<String>> USERNAME = OptionDef
		.list("NAME", "the v1 authorization with this username; repeat it for several", "--username")
		.nonEmpty()
		.completes(ValueKind.V1_USERNAME);

	static final OptionDef<List<String>> DESCRIPTION_RE = OptionDef.list("REGEX",
			"every v1 authorization whose description matches this regular expression; repeat it for several",
			"--description")
		.nonEmpty();

	static final OptionDef<Boolean> FORCE = OptionDef.flag("go ahead without asking", "--force");

	/** Which v1 authorizations set-active, set-inactive and delete act on. */
	static final OptionGroup<TokenSelection> SELECTION = OptionGroup.of(
			a -> new TokenSelection(a.get(ID), a.get(USERNAME), a.get(DESCRIPTION_RE), null,
					a.flag(TokenSelection.DRY_RUN)),
			List.of(ID, USERNAME, DESCRIPTION_RE, TokenSelection.DRY_RUN));

	static final OptionDef<String> ONE_ID = OptionDef.value("ID", "the ID of the authorization", "--id")
		.completes(ValueKind.V1_AUTH_ID);

	static final OptionDef<String> ONE_USERNAME = OptionDef
		.value("NAME", "the username of the authorization", "--username")
		.completes(ValueKind.V1_USERNAME);

	static final OptionDef<String> NEW_USERNAME = OptionDef
		.value("NAME", "the username to identify this authorization", "--username")
		.required();

	static final OptionDef<String> PASSWORD = OptionDef.value("PASSWORD",
			"the password (8 to 72 bytes); - reads it from stdin; left out, it is asked on a terminal without echo, "
					+ "else read from the first line of stdin",
			"--password")
		.secret();

	static final OptionDef<Boolean> NO_PASSWORD = OptionDef.flag(
			"set no password: set one with v1 auth set-password before the authorization is used", "--no-password");

	static final OptionDef<String> DESCRIPTION = OptionDef.value("TEXT", "description", "-d", "--description");

	static final OptionDef<List<String>> READ_BUCKET = OptionDef.list("ID", "bucket ID to read", "--read-bucket");

	static final OptionDef<List<String>> WRITE_BUCKET = OptionDef.list("ID", "bucket ID to write", "--write-bucket");

	static final OptionDef<String> ORG = OptionDef.value("NAME", "organization name", "-o", "--org");

	static final OptionDef<String> ORG_ID = OptionDef.value("ID", "organization ID", "--org-id");

	static final OptionDef<String> USER = OptionDef.value("NAME", "the v2 user the authorizations belong to", "-u",
			"--user")
		.completes(ValueKind.USER_NAME);

	static final OptionDef<String> USER_ID = OptionDef.value("ID", "the v2 user ID", "--user-id");

	private final ConnectionResolver resolver;

	private final Stderr stderr;

	private final StandardInput stdin;

	private final ObjectProvider<V1Changes> changes;

	private final ObjectProvider<V1Authorizations> authorizations;

	private final ObjectProvider<ChangeJournal> journal;

	public V1AuthCommands(ConnectionResolver resolver, Stderr stderr, StandardInput stdin,
			ObjectProvider<V1Changes> changes, ObjectProvider<V1Authorizations> authorizations,
			ObjectProvider<ChangeJournal> journal) {
		this.resolver = resolver;
		this.stderr = stderr;
		this.stdin = stdin;
		this.changes = changes;
		this.authorizations = authorizations;
		this.journal = journal;
	}

	@Override
	public Map<String, String> groups() {
		return Map.of("v1", "InfluxDB 1.x compatibility: v1 auth",
				"v1 auth", "v1-compatibility authorizations (username and password for the 1.x APIs): list, create, "
						+ "inactivate, activate, delete, set a password");
	}

	@Override
	public List<CommandDef> commands() {
		return List.of(
				CommandDef.command("v1 auth create")
					.description("Create a v1 authorization: a username and password with bucket permissions")
					.options(ORG, ORG_ID, DESCRIPTION, NEW_USERNAME, PASSWORD, NO_PASSWORD, READ_BUCKET, WRITE_BUCKET)
					.options(SERVER)
					.runs(this::create),
				CommandDef.command("v1 auth list").aliases("v1 auth ls", "v1 auth find")
					.description("List v1 authorizations")
					.options(ORG, ORG_ID, ID, USERNAME, USER, USER_ID).options(SERVER)
					.runs(this::list),
				CommandDef.command("v1 auth set-inactive")
					.description("Inactivate v1 authorizations: they stay, but their clients are refused")
					.options(SELECTION).options(FORCE).options(SERVER)
					.requiresOneOf(ID, USERNAME, DESCRIPTION_RE)
					.runs(a -> change(a, Change.INACTIVATE)),
				CommandDef.command("v1 auth set-active")
					.description("Activate v1 authorizations")
					.options(SELECTION).options(FORCE).options(SERVER)
					.requiresOneOf(ID, USERNAME, DESCRIPTION_RE)
					.runs(a -> change(a, Change.ACTIVATE)),
				CommandDef.command("v1 auth delete")
					.description("Delete v1 authorizations")
					.options(SELECTION).options(FORCE).options(SERVER)
					.requiresOneOf(ID, USERNAME, DESCRIPTION_RE)
					.runs(a -> change(a, Change.DELETE)),
				CommandDef.command("v1 auth set-password")
					.description("Set the password of a v1 authorization (asked twice on a terminal)")
					.options(ONE_ID, ONE_USERNAME, PASSWORD).options(SERVER)
					.runs(this::setPassword));
	}

	private CommandResult list(Args args) {
		ServerOptions server = args.get(SERVER);
		OutputOptions output = resolver.output(server.local());
		Connection conn = resolver.connection(server);
		List<Authorization> found = authorizations.getObject().list(conn, new V1Authorizations.ListQuery(args.get(ID),
				args.get(USERNAME), args.get(USER), args.get(USER_ID), args.get(ORG), args.get(ORG_ID)));
		return CommandResult.of(V1Renderer.many(found, false, output));
	}

	private CommandResult create(Args args) {
		ServerOptions server = args.get(SERVER);
		OutputOptions output = resolver.output(server.local());
		if (args.isSet(PASSWORD) && args.flag(NO_PASSWORD)) {
			throw CliException.usage("only one of --password and --no-password may be specified");
		}
		String description = args.get(DESCRIPTION);
		var query = new V1Authorizations.CreateQuery(args.get(ORG_ID), args.get(ORG), description == null ? "" : description,
				args.get(NEW_USERNAME), args.get(READ_BUCKET), args.get(WRITE_BUCKET));
		Connection conn = resolver.connection(server);
		V1Authorizations v1 = authorizations.getObject();
		String orgID = v1.check(conn, query);
		String password = null;
		if (!args.flag(NO_PASSWORD)) {
			password = stdin.password("--password", args.get(PASSWORD), "Password for " + query.username() + ": ", true);
			V1Authorizations.checkPassword(password);
		}
		Authorization created = v1.create(conn, orgID, query, password);
		journal.getObject().record(conn, V1Credentials.KIND, JournalEntry.CREATE, created, null, created.status());
		return CommandResult.changed(V1Renderer.one(created, false, output),
				"the v1 authorization was created with ID " + created.id());
	}

	private CommandResult setPassword(Args args) {
		ServerOptions server = args.get(SERVER);
		String id = args.get(ONE_ID);
		String username = args.get(ONE_USERNAME);
		if (id == null && username == null) {
			// upstream sends an empty username filter here and sets the password of whichever comes first
			throw CliException.usage("id or username required");
		}
		if (id != null && username != null) {
			throw CliException.usage("specify id or username, not both");
		}
		Connection conn = resolver.connection(server);
		V1Authorizations v1 = authorizations.getObject();
		Authorization auth = id != null ? v1.byId(conn, id) : v1.byUsername(conn, username);
		String password = stdin.password("--password", args.get(PASSWORD),
				"New password for " + auth.token() + ": ", true);
		V1Authorizations.checkPassword(password);
		v1.setPassword(conn, auth, password);
		journal.getObject().record(conn, V1Credentials.KIND, JournalEntry.SET_PASSWORD, auth, auth.status(),
				auth.status());
		return CommandResult.changed("", "the password of " + auth.id() + " (" + auth.token() + ") was set");
	}

	private CommandResult change(Args args, Change change) {
		TokenSelection selection = args.get(SELECTION);
		ServerOptions server = args.get(SERVER);
		OutputOptions output = resolver.output(server.local());
		Connection conn = resolver.connection(server);
		ChangePath.Outcome outcome = changes.getObject().changes().apply(conn, selection, change, args.flag(FORCE));
		if (outcome.planned() == 0) {
			stderr.line("No v1 authorization matches the selection; nothing " + change.done() + ".");
			return CommandResult.of(V1Renderer.many(List.of(), false, output));
		}
		String state = ChangePath.target(change).value();
		if (selection.dryRun() && outcome.stop() == null) {
			stderr.line("Dry run: " + outcome.changed().size() + " v1 authorization(s) would be " + change.done()
					+ (outcome.already().isEmpty() ? "" : ", " + outcome.already().size() + " already " + state)
					+ "; nothing was changed.");
		}
		else if (!outcome.already().isEmpty()) {
			stderr.line(outcome.already().size() + " v1 authorization(s) already " + state + ": " + ids(outcome.already()));
		}
		List<Authorization> shown = new ArrayList<>(outcome.changed());
		shown.addAll(outcome.already());
		shown.sort(Comparator.comparing(x -> x.id().toLowerCase(Locale.ROOT)));
		boolean deleted = change == Change.DELETE && !selection.dryRun();
		// one authorization named by --id alone is printed as upstream prints it: one object
		boolean one = outcome.planned() == 1 && !selection.hasSelectors() && shown.size() == 1;
		String text = one ? V1Renderer.one(shown.get(0), deleted, output) : V1Renderer.many(shown, deleted, output);
		CommandResult result = selection.dryRun() || outcome.changed().isEmpty() ? CommandResult.of(text)
				: CommandResult.changed(text, outcome.changed().size() + " v1 authorization(s) " + change.done() + ": "
						+ ids(outcome.changed()));
		return result.failing(outcome.failures(), outcome.notes(),
				outcome.ending(selection.dryRun() ? "read" : change.done(), "v1 authorizations"));
	}

	private static String ids(List<Authorization> auths) {
		return String.join(", ", auths.stream().map(Authorization::id).toList());
	}
}
