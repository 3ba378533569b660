package org.influxshell.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.influxshell.command.CommandDef;
import org.influxshell.command.OptionDef;

/** Help texts, read from the command model. */
final class HelpText {

	private HelpText() {
	}

	/** The text of {@code NAME --help}. */
	static String of(CommandDef command) {
		StringBuilder out = new StringBuilder();
		out.append("NAME:\n   ").append(command.name()).append(" - ").append(command.description()).append("\n\n");
		out.append("USAGE:\n   ").append(command.name());
		command.positionals().forEach(o -> out.append(" [").append(o.valueName().toUpperCase(Locale.ROOT))
			.append(o.kind() == OptionDef.Kind.LIST ? "...]" : "]"));
		out.append(" [options]\n");
		if (!command.aliases().isEmpty()) {
			out.append("\nALIASES:\n   ").append(String.join(", ", command.aliases())).append('\n');
		}
		out.append("\nOPTIONS:\n");
		int width = command.options().stream().mapToInt(o -> usage(o).length()).max().orElse(0);
		for (OptionDef<?> o : command.options()) {
			String u = usage(o);
			out.append("   ").append(u).append(" ".repeat(width - u.length() + 2)).append(o.help());
			if (o.env() != null) {
				out.append(" [$").append(o.env()).append(']');
			}
			if (o.isRequired()) {
				out.append(" (required)");
			}
			out.append('\n');
		}
		return out.toString();
	}

	/** The text of {@code help}: every command, one line each. */
	static String overview(Collection<CommandDef> commands) {
		StringBuilder out = new StringBuilder("influx-shell: InfluxDB 2.x tokens and connection profiles\n\n");
		out.append("COMMANDS:\n");
		int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
		for (CommandDef c : commands) {
			out.append("   ").append(c.name()).append(" ".repeat(width - c.name().length() + 2)).append(c.description());
			if (!c.aliases().isEmpty()) {
				out.append(" (also: ").append(String.join(", ", c.aliases())).append(')');
			}
			out.append('\n');
		}
		out.append("\nRun 'COMMAND --help' for a command's options.\n");
		return out.toString();
	}

	private static String usage(OptionDef<?> o) {
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
