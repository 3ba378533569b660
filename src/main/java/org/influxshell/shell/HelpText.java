package org.influxshell.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandModel;
import org.influxshell.command.OptionDef;
import org.influxshell.command.OptionDef.Kind;

/** Help texts, read from the command model and wrapped to the width of the screen. */
final class HelpText {

	private static final String INDENT = "   ";

	private final CommandModel model;

	private final int width;

	/** @param width columns to wrap to */
	HelpText(CommandModel model, int width) {
		this.model = model;
		this.width = Math.max(40, width);
	}

	/** The text of {@code NAME --help}; a command that is also a group ({@code config}) lists its subcommands too. */
	String command(CommandDef command) {
		StringBuilder out = new StringBuilder();
		out.append("NAME:\n");
		out.append(wrap(INDENT + command.name() + " - " + command.description(), INDENT.length()));
		out.append("\nUSAGE:\n").append(wrap(INDENT + usage(command), INDENT.length() + 3));
		if (!command.aliases().isEmpty()) {
			out.append("\nALIASES:\n").append(wrap(INDENT + String.join(", ", command.aliases()), INDENT.length()));
		}
		List<OptionDef<?>> arguments = command.positionals();
		if (!arguments.isEmpty()) {
			out.append("\nARGUMENTS:\n");
			table(out, arguments.stream().map(o -> new String[] { o.valueName() + (o.kind() == Kind.LIST ? "..." : ""),
					o.help() + " (also " + o.longName() + " " + o.valueName() + ")" }).toList());
		}
		out.append("\nOPTIONS:\n");
		table(out, command.options().stream().filter(o -> !o.isPositional()).map(o -> new String[] { spelling(o),
				o.help() + (o.env() == null ? "" : " [$" + o.env() + "]") + (o.isRequired() ? " (required)" : "") })
			.toList());
		List<CommandDef> subcommands = model.subcommands(command.name());
		if (!subcommands.isEmpty()) {
			out.append("\nCOMMANDS:\n");
			commandTable(out, subcommands, command.name().length() + 1);
		}
		return out.toString();
	}

	/** The text of {@code auth}, {@code auth --help} and {@code help auth}: the group's commands, one line each. */
	String group(String name) {
		StringBuilder out = new StringBuilder();
		out.append("NAME:\n").append(wrap(INDENT + name + " - " + model.group(name), INDENT.length()));
		out.append("\nUSAGE:\n").append(INDENT).append(name).append(" COMMAND [options]\n");
		out.append("\nCOMMANDS:\n");
		commandTable(out, model.subcommands(name), name.length() + 1);
		out.append("\nRun '").append(name).append(" COMMAND --help' for a command's options.\n");
		return out.toString();
	}

	/** The first line of both overviews. */
	private static final String TITLE = "influx-shell: InfluxDB 2.x/3 tokens and connection profiles\n\n";

	/** The text of {@code help}: how to start the console and every command, one line each. */
	String overview() {
		StringBuilder out = new StringBuilder(TITLE);
		out.append("USAGE:\n");
		table(out, List.of(new String[] { "influx-shell COMMAND [options]", "run one command" },
				new String[] { "influx-shell", "the REPL on a terminal; else commands read from stdin" },
				new String[] { "influx-shell @FILE", "run a script (also --spring.shell.script=FILE)" }));
		out.append("\nCOMMANDS:\n");
		commandTable(out, model.commands(), 0);
		out.append("\nRun 'COMMAND --help' for a command's options.\n");
		return out.toString();
	}

	/** The text of {@code help} in the REPL: how to use the REPL and every command, one line each. */
	String replOverview() {
		StringBuilder out = new StringBuilder(TITLE);
		out.append("USAGE:\n");
		table(out, List.of(new String[] { "COMMAND [options]", "run one command; TAB completes commands, options and values" },
				new String[] { "script FILE", "run the commands of a script file" },
				new String[] { "exit, quit, Ctrl-D", "leave the REPL" }));
		out.append("\nCOMMANDS:\n");
		commandTable(out, model.commands(), 0);
		out.append("\nRun 'COMMAND --help' for a command's options.\n");
		return out.toString();
	}

	/**
	 * The usage line, from the model: {@code config use NAME}, {@code config rm [NAME...]},
	 * {@code auth inactive [--id ID]... [--user NAME]... [--description REGEX]... (at least one)}.
	 */
	static String usage(CommandDef command) {
		StringBuilder out = new StringBuilder(command.name());
		for (OptionDef<?> o : command.positionals()) {
			String word = o.valueName() + (o.kind() == Kind.LIST ? "..." : "");
			out.append(' ').append(o.isRequired() ? word : "[" + word + "]");
		}
		for (OptionDef<?> o : command.options()) {
			if (o.isRequired() && !o.isPositional()) {
				out.append(' ').append(o.longName()).append(' ').append(o.valueName());
			}
		}
		if (!command.oneRequired().isEmpty()) {
			for (OptionDef<?> o : command.oneRequired()) {
				out.append(" [").append(o.longName()).append(' ').append(o.valueName()).append(']')
					.append(o.kind() == Kind.LIST ? "..." : "");
			}
			out.append(" (at least one)");
		}
		return out.append(" [options]").toString();
	}

	private void commandTable(StringBuilder out, Collection<CommandDef> commands, int prefix) {
		table(out, commands.stream().map(c -> new String[] { c.name().substring(prefix),
				c.description() + (c.aliases().isEmpty() ? ""
						: " (also: " + String.join(", ", c.aliases().stream().map(a -> a.substring(prefix)).toList()) + ")") })
			.toList());
	}

	/** Two columns: a name, then its text wrapped under itself. */
	private void table(StringBuilder out, List<String[]> rows) {
		int column = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 2;
		if (INDENT.length() + column > width / 2) {
			column = 0;
		}
		for (String[] row : rows) {
			if (column == 0) {
				out.append(INDENT).append(row[0]).append('\n');
				out.append(wrap(INDENT + "    " + row[1], INDENT.length() + 4));
			}
			else {
				out.append(wrap(INDENT + row[0] + " ".repeat(column - row[0].length()) + row[1], INDENT.length() + column));
			}
		}
	}

	/** {@code text} broken at spaces into lines of at most the width; lines after the first start at {@code hang}. */
	private String wrap(String text, int hang) {
		StringBuilder out = new StringBuilder();
		String rest = text;
		while (rest.length() > width) {
			int cut = rest.lastIndexOf(' ', width);
			if (cut <= hang) {
				cut = rest.indexOf(' ', width);
				if (cut < 0) {
					break;
				}
			}
			out.append(rest, 0, cut).append('\n');
			rest = " ".repeat(hang) + rest.substring(cut + 1).stripLeading();
		}
		return out.append(rest).append('\n').toString();
	}

	private static String spelling(OptionDef<?> o) {
		List<String> sorted = new ArrayList<>(o.names());
		sorted.sort(Comparator.comparing(n -> n.startsWith("--")));
		String names = String.join(", ", sorted);
		return switch (o.kind()) {
			case FLAG -> names;
			case VALUE -> names + " " + o.valueName();
			case LIST -> names + " " + o.valueName() + " [ " + o.longName() + " " + o.valueName() + " ]";
		};
	}
}
