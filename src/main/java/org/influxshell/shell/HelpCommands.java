package org.influxshell.shell;

import java.util.List;

import org.influxshell.cli.BuildInfo;
import org.influxshell.cli.CliException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** {@code help} and {@code version}. */
@ShellComponent
public class HelpCommands {

	private final ObjectProvider<CommandDispatcher> dispatcher;

	public HelpCommands(ObjectProvider<CommandDispatcher> dispatcher) {
		this.dispatcher = dispatcher;
	}

	@ShellMethod(key = "help", value = "Show the commands, or the help of one command")
	public String help(@ShellOption(value = "--command", defaultValue = ShellOption.NULL, help = "command to explain")
	@Positional List<String> command) {
		if (command != null && !command.isEmpty()) {
			CommandDispatcher.Match match = dispatcher.getObject().find(command);
			if (match == null || !match.rest().isEmpty()) {
				throw CliException.usage("unknown command \"" + String.join(" ", command) + "\"");
			}
			return match.spec().help();
		}
		StringBuilder out = new StringBuilder("influx-shell: InfluxDB 2.x tokens and connection profiles\n\n");
		out.append("COMMANDS:\n");
		var commands = dispatcher.getObject().commands();
		int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
		for (CommandSpec c : commands) {
			out.append("   ").append(c.name()).append(" ".repeat(width - c.name().length() + 2))
				.append(c.description());
			if (!c.aliases().isEmpty()) {
				out.append(" (also: ").append(String.join(", ", c.aliases())).append(')');
			}
			out.append('\n');
		}
		out.append("\nRun 'COMMAND --help' for a command's options.\n");
		return out.toString();
	}

	@ShellMethod(key = "version", value = "Show the version of influx-shell and of Java")
	public String version() {
		return "influx-shell " + BuildInfo.version() + " (build " + BuildInfo.time() + ") java " + System.getProperty("java.version") + " "
				+ System.getProperty("java.vendor") + "\n";
	}
}
