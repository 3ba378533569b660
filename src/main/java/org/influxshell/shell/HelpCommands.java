package org.influxshell.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.influxshell.cli.BuildInfo;
import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorReporter;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandModel;
import org.influxshell.command.CommandResult;
import org.influxshell.command.CommandSet;
import org.influxshell.command.OptionDef;
import org.influxshell.command.SessionAction;
import org.influxshell.command.ValueKind;
import org.influxshell.configs.ConfigsFile;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.standard.ShellComponent;

/**
 * The console's own commands: {@code help}, {@code version}, {@code debug}, {@code exit}
 * ({@code quit}), {@code clear}, {@code history} and {@code script}.
 */
@ShellComponent
public class HelpCommands implements CommandSet {

	static final OptionDef<List<String>> COMMAND = OptionDef.list("COMMAND", "command to explain", "--command")
		.positional()
		.completes(ValueKind.COMMAND);

	static final OptionDef<String> SWITCH = OptionDef.value("on|off", "on or off", "--switch").positional();

	static final OptionDef<String> FILE = OptionDef.value("FILE", "the script to run", "--file").positional().required();

	private final ObjectProvider<CommandModel> model;

	private final ErrorReporter reporter;

	private final Screen screen;

	private final ConfigsFile configs;

	public HelpCommands(ObjectProvider<CommandModel> model, ErrorReporter reporter, Screen screen, ConfigsFile configs) {
		this.model = model;
		this.reporter = reporter;
		this.screen = screen;
		this.configs = configs;
	}

	@Override
	public List<CommandDef> commands() {
		return List.of(
				CommandDef.command("help").description("Show the commands, or the help of one command or group")
					.options(COMMAND)
					.runs(a -> CommandResult.of(help(a.get(COMMAND)))),
				CommandDef.command("version").description("Show the version of influx-shell, and of Java with its home")
					.runs(a -> CommandResult.of(version())),
				CommandDef.command("debug")
					.description("Show the stack trace after each error from now on (on), or stop (off)")
					.options(SWITCH)
					.runs(a -> CommandResult.of(debug(a.get(SWITCH)))),
				CommandDef.command("exit").aliases("quit")
					.description("Leave the REPL, or end a script here")
					.runs(a -> CommandResult.asking(SessionAction.exit())),
				CommandDef.command("clear").description("Clear the terminal's screen")
					.runs(a -> CommandResult.asking(SessionAction.clear())),
				CommandDef.command("history").description("Show the REPL's history, secrets masked")
					.runs(a -> CommandResult.of(history())),
				CommandDef.command("script").description("Run the commands of a script file, as --spring.shell.script does")
					.options(FILE)
					.runs(a -> CommandResult.asking(SessionAction.runScript(a.get(FILE)))));
	}

	private String help(List<String> words) {
		CommandModel commands = model.getObject();
		HelpText text = new HelpText(commands, screen.columns());
		if (words.isEmpty()) {
			return screen.repl() ? text.replOverview() : text.overview();
		}
		CommandModel.Match match = commands.find(words);
		if (match != null && match.rest().isEmpty()) {
			return text.command(match.command());
		}
		String typed = String.join(" ", words);
		if (commands.group(typed) != null) {
			return text.group(typed);
		}
		throw CliException.usage("unknown command \"" + typed + "\""
				+ commands.closest(typed).map(s -> " (did you mean '" + s + "'?)").orElse(""));
	}

	private static String version() {
		return "influx-shell " + BuildInfo.version() + " (build " + BuildInfo.time() + ") java "
				+ System.getProperty("java.version") + " " + System.getProperty("java.vendor") + " ("
				+ System.getProperty("java.home") + ")\n";
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

	/** The history file's lines, numbered, with the values of secret options masked. */
	private String history() {
		Path file = configs.historyFile();
		List<String> lines;
		try {
			lines = Files.readAllLines(file);
		}
		catch (NoSuchFileException ex) {
			return "";
		}
		catch (IOException ex) {
			throw CliException.failure("cannot read the history " + file + ": " + ex.getMessage());
		}
		StringBuilder out = new StringBuilder();
		int n = 0;
		for (String line : lines) {
			String command = HistoryFile.command(line);
			out.append(String.format("%5d  %s%n", ++n, new SecretMask(model.getObject()).mask(command)));
		}
		return out.toString();
	}
}
