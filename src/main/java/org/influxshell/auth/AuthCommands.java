package org.influxshell.auth;

import java.io.Console;
import java.util.List;
import java.util.function.Function;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.auth.TokenService.BulkResult;
import org.influxshell.cli.CliException;
import org.influxshell.cli.PartialFailure;
import org.influxshell.cli.Stderr;
import org.influxshell.connection.Connection;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.ServerOptions;
import org.influxshell.output.OutputOptions;

import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** The {@code auth} commands: API tokens on the server. */
@ShellComponent
public class AuthCommands {

	private final ConnectionResolver resolver;

	private final TokenService tokens;

	private final Stderr stderr;

	public AuthCommands(ConnectionResolver resolver, TokenService tokens, Stderr stderr) {
		this.resolver = resolver;
		this.tokens = tokens;
		this.stderr = stderr;
	}

	@ShellMethod(key = "auth inactive", value = "Inactivate API tokens: they stay, but cannot be used")
	public String inactive(TokenSelection selection, ServerOptions server) {
		return bulk(selection, server, Change.INACTIVATE, false, (conn, id) -> tokens.setStatus(conn, id, Status.INACTIVE));
	}

	@ShellMethod(key = "auth active", value = "Activate API tokens")
	public String active(TokenSelection selection, ServerOptions server) {
		return bulk(selection, server, Change.ACTIVATE, false, (conn, id) -> tokens.setStatus(conn, id, Status.ACTIVE));
	}

	@ShellMethod(key = "auth delete", value = "Delete API tokens")
	public String delete(TokenSelection selection,
			@ShellOption(value = "--force", defaultValue = "false", help = "delete several tokens without asking") boolean force,
			ServerOptions server) {
		return bulk(selection, server, Change.DELETE, force, tokens::delete);
	}

	@ShellMethod(key = { "auth list", "auth find", "auth ls" }, value = "List API tokens")
	public String list(
			@ShellOption(value = { "-i", "--id" }, defaultValue = ShellOption.NULL, help = "the API token ID",
					valueProvider = AuthIdProvider.class) String id,
			@ShellOption(value = { "-u", "--user" }, defaultValue = ShellOption.NULL, help = "user name") String user,
			@ShellOption(value = "--user-id", defaultValue = ShellOption.NULL, help = "user ID") String userId,
			@ShellOption(value = { "-o", "--org" }, defaultValue = ShellOption.NULL, help = "organization name") String org,
			@ShellOption(value = "--org-id", defaultValue = ShellOption.NULL, help = "organization ID") String orgId,
			@ShellOption(value = "--token-value", defaultValue = ShellOption.NULL, help = "find the token with this value (a leaked token, say)") String tokenValue,
			ServerOptions server) {
		OutputOptions output = resolver.output(server.local());
		Connection conn = resolver.connection(server);
		if (tokenValue != null) {
			return TokenRenderer.one(tokens.findByValue(conn, tokenValue), false, output);
		}
		TokenService.Listing listing = tokens.list(conn, new TokenService.ListQuery(id, user, userId, org, orgId));
		if (listing.serverListEmpty()) {
			stderr.line("Hint: the server returned no tokens at all; it answers every list that way when the "
					+ "token used is itself inactive");
		}
		if (id != null && output.json() && listing.tokens().size() == 1) {
			return TokenRenderer.one(listing.tokens().get(0), false, output);
		}
		return TokenRenderer.many(listing.tokens(), false, output);
	}

	@ShellMethod(key = "auth create", value = "Create an API token")
	public String create(
			@ShellOption(value = "--org-id", defaultValue = ShellOption.NULL, help = "organization ID") String orgId,
			@ShellOption(value = { "-o", "--org" }, defaultValue = ShellOption.NULL, help = "organization name") String org,
			@ShellOption(value = { "-u", "--user" }, defaultValue = ShellOption.NULL, help = "owner's user name (default: you)") String user,
			@ShellOption(value = { "-d", "--description" }, defaultValue = ShellOption.NULL, help = "token description") String description,
			@ShellOption(value = "--read-bucket", defaultValue = ShellOption.NULL, help = "bucket ID to read") List<String> readBuckets,
			@ShellOption(value = "--write-bucket", defaultValue = ShellOption.NULL, help = "bucket ID to write") List<String> writeBuckets,
			@ShellOption(value = "--operator", defaultValue = "false", help = "read and write on everything, all orgs") boolean operator,
			@ShellOption(value = "--all-access", defaultValue = "false", help = "read and write on everything in the org") boolean allAccess,
			ResourceFlags resources,
			ServerOptions server) {
		OutputOptions output = resolver.output(server.local());
		var flags = new PermissionSet.Flags(readBuckets, writeBuckets, resources.read(), resources.write(), operator,
				allAccess);
		PermissionSet.check(flags);
		Connection conn = resolver.connection(server);
		var query = new TokenService.CreateQuery(orgId, org, conn.org(), user, description, flags);
		return TokenRenderer.one(tokens.create(conn, query), false, output);
	}

	@FunctionalInterface
	private interface TokenAction {
		Authorization apply(Connection conn, String id);
	}

	/** What a bulk command does to each token. */
	private enum Change {
		INACTIVATE("inactivated"), ACTIVATE("activated"), DELETE("deleted");

		final String done;

		Change(String done) {
			this.done = done;
		}
	}

	private String bulk(TokenSelection selection, ServerOptions server, Change change, boolean force,
			TokenAction action) {
		boolean dryRun = selection.dryRun();
		if (selection.isEmpty()) {
			throw CliException.usage("Required flag \"id\" not set");
		}
		OutputOptions output = resolver.output(server.local());
		Connection conn = resolver.connection(server);
		List<String> ids = tokens.select(conn, selection.ids(), selection.user(), selection.description());
		if (ids.isEmpty()) {
			stderr.line("No token matches the selection; nothing " + change.done + ".");
			return TokenRenderer.many(List.of(), false, output);
		}
		Function<String, Authorization> step = dryRun ? id -> tokens.get(conn, id) : id -> action.apply(conn, id);
		if (!dryRun && change == Change.DELETE && !force && ids.size() > 1) {
			confirm(ids.size());
		}
		BulkResult result = tokens.forEach(ids, step);
		result.failures().forEach(f -> stderr.line("Error: " + f));
		if (dryRun) {
			stderr.line("Dry run: " + result.done().size() + " token(s) would be " + change.done + "; nothing was changed.");
		}
		boolean deleted = change == Change.DELETE && !dryRun;
		String out = selection.isSingleId() && result.done().size() == 1
				? TokenRenderer.one(result.done().get(0), deleted, output)
				: TokenRenderer.many(result.done(), deleted, output);
		if (!result.failures().isEmpty()) {
			throw new PartialFailure(out, result.failures().size(), ids.size());
		}
		return out;
	}

	private static void confirm(int count) {
		Console console = System.console();
		if (console == null) {
			throw CliException.usage("deleting " + count + " tokens needs --force when not run from a terminal");
		}
		String answer = console.readLine("Delete %d tokens? [y/N] ", count);
		if (answer == null || !answer.strip().equalsIgnoreCase("y") && !answer.strip().equalsIgnoreCase("yes")) {
			throw CliException.failure("nothing deleted");
		}
	}
}
