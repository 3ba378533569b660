package org.influxshell.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.influxshell.cli.CliException;
import org.influxshell.cli.Stderr;
import org.influxshell.command.Args;
import org.influxshell.command.CommandResult;
import org.influxshell.command.OptionDef;
import org.influxshell.connection.Connection;
import org.influxshell.output.OutputOptions;

/**
 * The {@code auth} commands on an InfluxDB 3 profile ({@code product = "v3"}), and the options
 * only one generation knows: given to the other, they are usage errors that name both.
 */
public class V3Commands {

	public static final OptionDef<String> PRODUCT = OptionDef
		.value("v2|v3", "the server's generation: v2 (InfluxDB 2) or v3 (InfluxDB 3 Core and Enterprise); "
				+ "default: the profile's, else v2", "--product")
		.env("INFLUX_PRODUCT");

	static final OptionDef<List<String>> NAMES = OptionDef
		.list("NAME", "InfluxDB 3: the token with this name; repeat it for several", "--name")
		.nonEmpty();

	static final OptionDef<String> NEW_NAME = OptionDef.value("NAME", "InfluxDB 3: the new token's name (required there)",
			"--name");

	static final OptionDef<Boolean> EXPIRED = OptionDef.flag("InfluxDB 3: only the tokens whose expiry has passed",
			"--expired");

	static final OptionDef<String> EXPIRY = OptionDef.value("DURATION",
			"InfluxDB 3: the token expires after this long (90m, 12h, 30d, 1w, 1y); default: never", "--expiry");

	static final OptionDef<List<String>> PERMISSION = OptionDef.list("PERM",
			"InfluxDB 3 Enterprise: make a resource token with this permission, db:NAMES:ACTIONS or "
					+ "system:NAMES:ACTIONS (db:sensors,lab:read,write); repeat it for several",
			"--permission");

	private static final java.util.regex.Pattern DURATION_PART = java.util.regex.Pattern.compile("(\\d+)([smhdwy])");

	private final V3Auth v3;

	private final Stderr stderr;

	public V3Commands(V3Auth v3, Stderr stderr) {
		this.v3 = v3;
		this.stderr = stderr;
	}

	/** Fails when any of {@code options} was given on a line for the other generation. */
	static void refuse(Args args, Connection conn, List<OptionDef<?>> options) {
		for (OptionDef<?> o : options) {
			if (args.isSet(o)) {
				throw conn.isV3()
						? CliException.usage(o.longName() + " works with InfluxDB 2 only; this server is InfluxDB 3 (product v3)")
						: CliException.usage(o.longName() + " works with InfluxDB 3 only; this server is InfluxDB 2 (product v2): "
								+ "give --product v3, or keep it in the profile with config set -n NAME --product v3");
			}
		}
	}

	/** {@code auth list} on InfluxDB 3. */
	CommandResult list(Args args, Connection conn, OutputOptions output, String tokenValue, boolean wide) {
		V3Auth.Filter filter = new V3Auth.Filter(args.get(TokenSelection.ID), args.get(NAMES),
				args.get(TokenSelection.DESCRIPTION), tokenValue, args.flag(EXPIRED));
		List<V3Token> found = v3.list(conn, filter, Instant.now());
		if (tokenValue != null && found.isEmpty()) {
			throw CliException.failure("no token on this server has this value (compared by the SHA-512 hash the server "
					+ "shows)");
		}
		return CommandResult.of(V3Renderer.many(found, false, output, wide));
	}

	/** {@code auth create} on InfluxDB 3: a named admin token, or with {@code --permission} a resource token. */
	CommandResult create(Args args, Connection conn, OutputOptions output) {
		String name = args.get(NEW_NAME);
		if (name == null || name.isEmpty()) {
			throw CliException.usage("auth create on InfluxDB 3 needs --name: every token there has a unique name");
		}
		Long expiry = args.isSet(EXPIRY) ? seconds(args.get(EXPIRY)) : null;
		List<V3Permission> permissions = args.get(PERMISSION).stream().map(V3Permission::parse).toList();
		V3Created made = v3.create(conn, name, expiry, permissions);
		return CommandResult.changed(V3Renderer.created(made, output), "the token was created with ID " + made.id());
	}

	/** {@code --expiry}: whole seconds of a duration such as {@code 30d} or {@code 1d12h}, as {@code influxdb3} counts them. */
	static long seconds(String text) {
		Matcher m = DURATION_PART.matcher(text);
		long total = 0;
		int at = 0;
		while (at < text.length() && m.find(at) && m.start() == at) {
			long n;
			try {
				n = Long.parseLong(m.group(1));
			}
			catch (NumberFormatException ex) {
				break;
			}
			long unit = switch (m.group(2)) {
				case "s" -> 1;
				case "m" -> 60;
				case "h" -> 3600;
				case "d" -> 86_400;
				case "w" -> 604_800;
				default -> 31_557_600;
			};
			total = Math.addExact(total, Math.multiplyExact(n, unit));
			at = m.end();
		}
		if (text.isEmpty() || at != text.length()) {
			throw CliException.usage("invalid --expiry \"" + text + "\": give a duration such as 90m, 12h, 30d, 1w or 1y");
		}
		return total;
	}

	/** {@code auth delete} on InfluxDB 3, down the one change path. */
	CommandResult delete(Args args, Connection conn, OutputOptions output, TokenSelection selection, boolean force) {
		V3Auth.Filter filter = new V3Auth.Filter(selection.ids(), args.get(NAMES), selection.descriptions(),
				selection.tokenValue(), args.flag(EXPIRED));
		V3Auth.Deletion deletion = v3.delete(conn, filter, force, selection.dryRun());
		ChangePath.Outcome outcome = deletion.outcome();
		if (outcome.planned() == 0) {
			stderr.line("No token matches the selection; nothing deleted.");
			return CommandResult.of(V3Renderer.many(List.of(), false, output, false));
		}
		if (selection.dryRun()) {
			stderr.line("Dry run: " + outcome.changed().size() + " token(s) would be deleted; nothing was deleted.");
			return CommandResult.of(V3Renderer.many(deletion.changed(), false, output, false))
				.failing(outcome.failures(), outcome.notes(), outcome.ending("read"));
		}
		List<V3Token> deleted = deletion.changed();
		String text = V3Renderer.many(deleted, true, output, false);
		CommandResult result = deleted.isEmpty() ? CommandResult.of(text)
				: CommandResult.changed(text, deleted.size() + " token(s) deleted: " + ids(deleted));
		return result.failing(outcome.failures(), outcome.notes(), outcome.ending("deleted"));
	}

	/** The tokens an undo deleted, as a table or JSON, from what the change path returned. */
	static String undone(List<Authorization> deleted, OutputOptions output) {
		List<V3Token> tokens = new ArrayList<>();
		for (Authorization a : deleted) {
			tokens.add(new V3Token(V3Tokens.checkId(a.id()), a.description(), "", "", "", "", "", ""));
		}
		return V3Renderer.many(tokens, true, output, false);
	}

	private static String ids(List<V3Token> tokens) {
		return String.join(", ", tokens.stream().map(t -> String.valueOf(t.id())).toList());
	}
}
