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
 * it says what {@code --help} says: every command with its usage, aliases and options, every
 * environment variable an option reads, the precedence rule, the exit codes and the files.
 */
final class ManPage {

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
		out.append(".SH NAME\ninflux\\-shell \\- a console for InfluxDB 2.x API tokens and connection profiles\n");
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
		out.append(".SH FILES\n");
		out.append(".TP\n.I ~/.influxdbv2/configs\nthe connection profiles, shared with the Go CLI (\\fB\\-\\-configs\\-path\\fR, \\fBINFLUX_CONFIGS_PATH\\fR)\n");
		out.append(".TP\n.I ~/.influxdbv2/influx\\-shell_history\nthe REPL's history, secrets masked, mode 0600\n");
		out.append(".SH SEE ALSO\n.BR influx (1)\n");
		return out.toString();
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
