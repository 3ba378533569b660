package org.influxshell.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.influxshell.cli.ExitCodes;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandModel;
import org.influxshell.command.OptionDef;
import org.influxshell.command.OptionDef.Kind;

/**
 * The manual page influx-shell(1) in roff, written from the command model at build time, so that
 * it says what {@code --help} says: every command with its usage, aliases and options, the
 * journal and undo, every environment variable an option reads, the precedence rule, the exit
 * codes, the files, and examples (each a command line the model parses, which a test checks).
 */
final class ManPage {

	/**
	 * One example: what it does, then the command lines that do it.
	 *
	 * @param text what the lines do, one sentence
	 * @param lines command lines as typed, each starting with {@code influx-shell} or piping into it
	 *        ({@code printf ... | influx-shell ...})
	 */
	record Example(String text, List<String> lines) {

		Example(String text, String... lines) {
			this(text, List.of(lines));
		}
	}

	/** The part of an example line that runs influx-shell: the whole line, or what follows the pipe into it. */
	static String consoleLine(String line) {
		int pipe = line.indexOf(" | influx-shell ");
		return pipe < 0 ? line : line.substring(pipe + " | ".length());
	}

	/** The tour: a profile, the tokens, one cut off and let back in, the journal and undo. */
	static final List<Example> TOUR = List.of(
			new Example("Create a profile for a server and make it the active one:",
					"influx-shell config create -n prod -u https://influx.example.com:8086 -t \"$TOKEN\" -o my-org -a"),
			new Example("List the tokens on it (add --json for JSON):", "influx-shell auth list"),
			new Example("Cut a client off: its token stays, but the server refuses it from now on:",
					"influx-shell auth inactive --id 0d099b627e605000"),
			new Example("Let it back in, with the token it already has:", "influx-shell auth active --id 0d099b627e605000"),
			new Example("Replace the token of the active profile by a twin with the same permissions: see the plan, "
					+ "then rotate (every profile on this server that holds it gets the new one; the old one is "
					+ "inactivated last, with the new one):",
					"influx-shell auth rotate --id 0d099b627e601000 --dry-run", "influx-shell auth rotate --id 0d099b627e601000"),
			new Example("Show the runs that changed tokens, and take the last one on this server back:",
					"influx-shell auth journal", "influx-shell auth undo"),
			new Example("Trust a private CA for one profile's server, then check every profile at once: server up, "
					+ "its version, token valid and active, latency (exit code 1 when any has a problem):",
					"influx-shell config set -n prod --ca-cert /etc/ssl/corp-ca.pem", "influx-shell config status"));

	/** The incident: a leaked token cut off by its value, the cut widened, then both taken back. */
	static final List<Example> INCIDENT = List.of(
			new Example("A token was pasted into a public chat. Cut it off by its value (on a server that returns "
					+ "token values), read from stdin so that it stands neither in ps nor in the shell's history:",
					"printf '%s\\n' \"$LEAKED\" | influx-shell auth inactive --token-value -"),
			new Example("The same client's other tokens may have leaked with it. See what a selector picks, then "
					+ "cut them off too (on a terminal, the console asks first):",
					"influx-shell auth inactive --user telegraf --description '^telegraf' --dry-run",
					"influx-shell auth inactive --user telegraf --description '^telegraf'"),
			new Example("The leak turns out to be harmless (the chat was private), and the clients must write again: "
					+ "take the wider cut back with undo, then the first one by the run ID that auth journal lists for it "
					+ "(a second plain undo would undo the undo):",
					"influx-shell auth undo", "influx-shell auth journal", "influx-shell auth undo --run 5035106dfad2d41d"));

	/** A leaked v1 login (username and password for the 1.x APIs) cut off, given a new password, let back in. */
	static final List<Example> V1 = List.of(
			new Example("A Grafana login for InfluxQL (a v1 authorization: a username and a password) leaked. Cut it "
					+ "off: it stays, but the server refuses it from now on:",
					"influx-shell v1 auth set-inactive --username grafana"),
			new Example("Give it a new password (typed twice, without echo) and let Grafana back in:",
					"influx-shell v1 auth set-password --username grafana",
					"influx-shell v1 auth set-active --username grafana"));

	private final CommandModel model;

	private final String version;

	private final String date;

	/**
	 * @param version the version shown in the footer
	 * @param date the date shown in the footer ({@code 2026-11-29})
	 */
	ManPage(CommandModel model, String version, String date) {
		this.model = model;
		this.version = version;
		this.date = date;
	}

	/** Text as roff reads it literally: backslashes, dashes and a leading dot or quote escaped. */
	static String roff(String text) {
		String out = text.replace("\\", "\\e").replace("-", "\\-");
		return out.startsWith(".") || out.startsWith("'") ? "\\&" + out : out;
	}

	String page() {
		StringBuilder out = new StringBuilder();
		out.append(".\\\" Generated from the command model of influx-shell; do not edit.\n");
		out.append(".TH INFLUX\\-SHELL 1 \"").append(date).append("\" \"influx-shell ").append(roff(version))
			.append("\" \"User Commands\"\n");
		out.append(".SH NAME\ninflux\\-shell \\- a console for InfluxDB 2.x and 3 API tokens and connection profiles\n");
		out.append(".SH SYNOPSIS\n");
		out.append(".B influx\\-shell\n.I COMMAND\n[\\fIoptions\\fR]\n.br\n");
		out.append(".B influx\\-shell\n.BI @ FILE\n.br\n");
		out.append(".B influx\\-shell\n.BI \\-\\-spring.shell.script= FILE\n.br\n.B influx\\-shell\n");
		out.append(".SH DESCRIPTION\n");
		out.append("""
				influx\\-shell re\\-creates the \\fBauth\\fR and \\fBconfig\\fR commands of InfluxData's Go
				\\fBinflux\\fR CLI: the same flags, environment variables, table and JSON output and configs file.
				With command words it runs that one command and exits with its code. With a script file it runs
				the file line by line and stops at the first failing line. With no arguments it starts the REPL
				when stdin is a terminal, and otherwise reads commands from stdin.
				Results go to stdout, errors to stderr as one line \\fBError:\\fR \\fImessage\\fR.
				""");
		out.append(".SH COMMANDS\n");
		for (CommandDef c : model.commands()) {
			command(out, c);
		}
		journal(out);
		out.append(".SH ENVIRONMENT\n");
		Map<String, OptionDef<?>> env = new TreeMap<>();
		model.commands().forEach(c -> c.options().stream().filter(o -> o.env() != null).forEach(o -> env.putIfAbsent(o.env(), o)));
		env.forEach((name, o) -> out.append(".TP\n.B ").append(roff(name)).append('\n').append(roff(o.help()))
			.append(" (as \\fB").append(roff(o.longName())).append("\\fR)\n"));
		out.append(".TP\n.B INFLUX_SHELL_JAVA_OPTS\nextra options for the Java virtual machine\n");
		out.append(".TP\n.B NO_COLOR\nset and not empty: no colours in the REPL\n");
		out.append(".PP\nSettings are also read from variables named after the properties, such as\n")
			.append(".B INFLUX_RESPONSE_TIMEOUT\nfor\n.BR influx.response\\-timeout .\n");
		out.append(".SH PRECEDENCE\n");
		out.append("""
				A value is taken from, highest first: the flag; the environment variable (or the Spring property,
				such as \\fB\\-\\-influx.host\\fR); the profile chosen with \\fB\\-c\\fR or \\fBINFLUX_ACTIVE_CONFIG\\fR,
				else the active profile; the default (\\fBhttp://localhost:8086\\fR, no token).
				""");
		out.append(".SH EXIT STATUS\n");
		exit(out, 0, "success");
		exit(out, ExitCodes.FAILURE, "the command failed: server, network, configs file, a rejected value");
		exit(out, ExitCodes.USAGE, "usage error: unknown command or option, missing required option");
		exit(out, ExitCodes.INTERRUPTED, "interrupted (SIGINT)");
		exit(out, ExitCodes.CLOSED_PIPE, "stdout closed by its reader, for a command that changed nothing");
		exit(out, ExitCodes.TERMINATED, "ended by SIGTERM");
		files(out);
		out.append(".SH EXAMPLES\n");
		examples(out, TOUR);
		out.append(".SS A leaked token\n");
		examples(out, INCIDENT);
		out.append(".SS A leaked v1 login\n");
		examples(out, V1);
		out.append(".SH SEE ALSO\n.BR influx (1)\n");
		return out.toString();
	}

	private static void journal(StringBuilder out) {
		out.append(".SH JOURNAL\n");
		out.append("""
				Every change the console makes to a token is journaled: \\fBauth inactive\\fR, \\fBauth active\\fR,
				\\fBauth delete\\fR, \\fBauth create\\fR and \\fBauth undo\\fR itself append one JSON line per token
				to the journal file (see FILES), with the time, the run, the session, the command line (secret values
				masked), the server, the profile, the action, the token's ID, description and user, its status before
				and after, and its permissions; never a token value. A run is one command line; a session is one
				process: a one\\-shot command, a whole script or a REPL session. Only what the server confirmed is
				journaled, and a token already as asked is not. A dry run writes nothing.
				.PP
				The journal is opened without following links: one that is a symbolic link, lies in a folder that is
				a link, or is owned by another user than its folder is refused. A journal that cannot be written
				never stops a change: a warning says so once, and each entry not journaled follows it on stderr,
				whole. At 10 MiB the journal is renamed \\fIinflux\\-shell\\-journal.jsonl.1\\fR (the one before is
				dropped); \\fBauth journal\\fR and \\fBauth undo\\fR read both.
				.PP
				\\fBauth journal\\fR lists the runs, newest first (\\fB\\-\\-run\\fR \\fIID\\fR or \\fB\\-\\-session\\fR \\fIID\\fR
				picks some, \\fB\\-\\-limit\\fR \\fIN\\fR the newest N, \\fB\\-\\-since\\fR \\fIWHEN\\fR the recent ones,
				\\fB\\-c\\fR or \\fB\\-\\-host\\fR one server's; \\fB\\-\\-json\\fR gives every entry).
				.PP
				\\fBauth undo\\fR takes back the last run on the current server, \\fB\\-\\-run\\fR \\fIID\\fR an older one,
				\\fB\\-\\-session\\fR \\fIID\\fR every run of a session on this server, newest first. A token inactivated
				or activated is changed back only when it is still as the run left it; one changed since is named on
				stderr and left alone. A token the run created is inactivated, not deleted. A deleted token cannot come
				back: undo names it with the permissions that re\\-creating it needs. The token undo itself uses is
				never changed. Undo names each run it reverts on stderr and, on a terminal, asks first; when
				something cannot be put back (a deleted token, one no longer on the server, the token in use), it
				exits 1 after the rest is done. Undo is journaled too, so \\fBauth undo\\fR again undoes the undo;
				\\fB\\-\\-dry\\-run\\fR shows what it would change.
				.PP
				\\fBauth rotate\\fR is one run: a \\fBcreate\\fR entry for the new token, a \\fBrewrite\\fR entry
				for each profile it was written into (the profile, the ID of the token it held, and the SHA\\-256 of
				the new token, to recognise it there later) and the \\fBinactivate\\fR (or \\fBdelete\\fR) entry
				of the old token. The old token's value is in no journal: before the first profile is rewritten, the
				configs file's bytes are copied beside it to \\fIconfigs.before\\-RUN\\fR (mode 0600, the configs
				file's owner), which the rewrite entries name. \\fBauth undo\\fR of a rotation activates the old
				token, gives each profile that still holds the new token the old one back from that copy (a profile
				changed since is named and left alone), and only then inactivates the new token, with the old one
				when the undo itself used the new one; the copy is removed once the rotation is taken back whole.
				""");
	}

	private static void files(StringBuilder out) {
		out.append(".SH FILES\n");
		out.append("""
				Every path below is in one home: \\fB$HOME\\fR when it is set and absolute, else the account's home
				from the passwd database (the Go CLI asks the passwd database only). Folders the console creates
				are mode 0700 and belong to the owner of the folder they are made in.
				""");
		file(out, "~/.influxdbv2/configs", "the connection profiles, shared with the Go CLI; another file with "
				+ "\\fB\\-\\-configs\\-path\\fR or \\fBINFLUX_CONFIGS_PATH\\fR (the variable also moves the journal and "
				+ "the history, which sit beside it); a change holds a lock on \\fIconfigs.lock\\fR beside it");
		file(out, "~/.influxdbv2/influx\\-shell\\-journal.jsonl", "the journal of token changes, beside the configs "
				+ "file, or where \\fBinflux.journal\\-path\\fR (\\fBINFLUX_JOURNAL_PATH\\fR) says; at 10 MiB it is "
				+ "rotated to \\fIinflux\\-shell\\-journal.jsonl.1\\fR; a link is refused; see JOURNAL");
		file(out, "~/.influxdbv2/configs.before\\-RUN", "the configs file as it was before run \\fIRUN\\fR of "
				+ "\\fBauth rotate\\fR replaced tokens in it: as secret as the configs file (mode 0600, its owner); "
				+ "\\fBauth undo\\fR reads the old tokens back from it and removes it; see JOURNAL");
		file(out, "~/.influxdbv2/influx\\-shell_history", "the REPL's history, beside the configs file, secrets "
				+ "masked, mode 0600");
		file(out, "$XDG_RUNTIME_DIR/influx\\-shell/", "the warm console's folder, mode 0700: the daemon's socket "
				+ "\\fIdaemon.sock\\fR, its lock \\fIdaemon.lock\\fR and its own errors in \\fIdaemon.log\\fR; "
				+ "\\fI~/.influxdbv2/influx\\-shell\\-daemon/\\fR when \\fBXDG_RUNTIME_DIR\\fR names no folder");
	}

	private static void file(StringBuilder out, String path, String text) {
		out.append(".TP\n.I ").append(path).append('\n').append(text).append('\n');
	}

	private static void examples(StringBuilder out, List<Example> examples) {
		for (Example e : examples) {
			out.append(".PP\n").append(roff(e.text())).append("\n.PP\n.RS 4\n.nf\n");
			e.lines().forEach(line -> out.append(roff(line)).append('\n'));
			out.append(".fi\n.RE\n");
		}
	}

	private static void exit(StringBuilder out, int code, String text) {
		out.append(".TP\n.B ").append(code).append('\n').append(roff(text)).append('\n');
	}

	private static void command(StringBuilder out, CommandDef c) {
		out.append(".SS ").append(roff(c.name())).append('\n');
		out.append(roff(c.description())).append(".\n.PP\n.B ").append(roff(HelpText.usage(c))).append('\n');
		if (!c.aliases().isEmpty()) {
			out.append(".PP\nAlso: ").append(roff(String.join(", ", c.aliases()))).append(".\n");
		}
		List<OptionDef<?>> options = new ArrayList<>(c.options());
		options.removeIf(o -> o == CommandDef.HELP);
		for (OptionDef<?> o : options) {
			List<String> names = new ArrayList<>(o.names());
			names.sort(Comparator.comparing(n -> n.startsWith("--")));
			out.append(".TP\n");
			out.append(String.join(", ", names.stream().map(n -> "\\fB" + roff(n) + "\\fR").toList()));
			if (o.kind() != Kind.FLAG) {
				out.append(" \\fI").append(roff(o.valueName())).append("\\fR").append(o.kind() == Kind.LIST ? " ..." : "");
			}
			out.append('\n').append(roff(o.help()));
			if (o.isPositional()) {
				out.append("; also given without the option name");
			}
			if (o.env() != null) {
				out.append(" [\\fB$").append(roff(o.env())).append("\\fR]");
			}
			if (o.isRequired()) {
				out.append(" (required)");
			}
			out.append('\n');
		}
	}
}
