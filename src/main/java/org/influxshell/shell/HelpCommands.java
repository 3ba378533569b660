package org.influxshell.shell;

import java.util.List;

import org.influxshell.cli.BuildInfo;
import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandModel;
import org.influxshell.command.CommandResult;
import org.influxshell.command.CommandSet;
import org.influxshell.command.OptionDef;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.standard.ShellComponent;

/** The console's own commands: {@code help}, {@code version} and {@code debug}. */
@ShellComponent
public class HelpCommands implements CommandSet {

	static final OptionDef<List<String>> COMMAND = OptionDef.list("COMMAND", "command to explain", "--command")
		.positional();

	static final OptionDef<String> SWITCH = OptionDef.value("on|off", "on or off", "--switch").positional();

	private final ObjectProvider<CommandModel> model;

	private final ErrorReporter reporter;

	public HelpCommands(ObjectProvider<CommandModel> model, ErrorReporter reporter) {
		this.model = model;
		this.reporter = reporter;
	}

	@Override
	public List<CommandDef> commands() {
		return List.of(
				CommandDef.command("help").description("Show the commands, or the help of one command")
					.options(COMMAND)
					.runs(a -> CommandResult.of(help(a.get(COMMAND)))),
				CommandDef.command("version").description("Show the version of influx-shell and of Java")
					.runs(a -> CommandResult.of(version())),
				CommandDef.command("debug")
					.description("Show the stack trace after each error from now on (on), or stop (off)")
					.options(SWITCH)
					.runs(a -> CommandResult.of(debug(a.get(SWITCH)))));
	}

	private String help(List<String> command) {
		if (!command.isEmpty()) {
			CommandModel.Match match = model.getObject().find(command);
			if (match == null || !match.rest().isEmpty()) {
				throw CliException.usage("unknown command \"" + String.join(" ", command) + "\"");
			}
			return HelpText.of(match.command());
		}
		return HelpText.overview(model.getObject().commands());
	}

	private static String version() {
		return "influx-shell " + BuildInfo.version() + " (build " + BuildInfo.time() + ") java "
				+ System.getProperty("java.version") + " " + System.getProperty("java.vendor") + "\n";
	}

	private String debug(String value) {
		if (value != null && !value.equals("on") && !value.equals("off")) {
			throw CliException.usage("debug takes on or off, not \"" + value + "\"");
		}
		if (value != null) {
			reporter.debug(value.equals("on"));
		}
		return "debug is " + (reporter.debug() ? "on" : "off") + "\n";
	}
}
