package org.influxshell.shell;

import java.util.List;

import org.influxshell.cli.BuildInfo;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandModel;
import org.influxshell.command.CommandResult;
import org.influxshell.command.CommandSet;
import org.influxshell.command.OptionDef;
import org.influxshell.command.ValueCompleter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.standard.ShellComponent;

/**
 * What makes the console at home in a system shell: {@code completion bash|zsh|fish} prints a
 * completion script; the hidden {@code __complete} answers those scripts with what the REPL would
 * offer (the same {@link ConsoleCompleter}, so both agree); the hidden {@code __man} prints the
 * manual page the build installs. All three are written from the command model.
 */
@ShellComponent
public class ShellIntegration implements CommandSet {

	static final OptionDef<String> SHELL = OptionDef.value("bash|zsh|fish", "the shell to complete in", "--shell")
		.positional()
		.required();

	static final OptionDef<List<String>> WORDS = OptionDef
		.list("WORD", "the words before the cursor, then the word being typed (possibly empty)", "--words")
		.positional();

	private final ObjectProvider<CommandModel> model;

	private final ObjectProvider<ValueCompleter> completers;

	public ShellIntegration(ObjectProvider<CommandModel> model, ObjectProvider<ValueCompleter> completers) {
		this.model = model;
		this.completers = completers;
	}

	@Override
	public List<CommandDef> commands() {
		return List.of(
				CommandDef.command("completion")
					.description("Print a completion script for bash, zsh or fish")
					.options(SHELL)
					.runs(a -> CommandResult.of(new CompletionScripts(model.getObject()).script(a.get(SHELL)))),
				CommandDef.command("__complete").hidden()
					.description("What completion offers after the words given, one 'value TAB description' a line")
					.options(WORDS)
					.runs(a -> CommandResult.of(complete(a.get(WORDS)))),
				CommandDef.command("__man").hidden()
					.description("Print the manual page influx-shell(1)")
					.runs(a -> CommandResult.of(new ManPage(model.getObject(), BuildInfo.version(), date()).page())));
	}

	private static String date() {
		String time = BuildInfo.time();
		return time.length() >= 10 ? time.substring(0, 10) : time;
	}

	private String complete(List<String> words) {
		if (words.isEmpty()) {
			return "";
		}
		ConsoleCompleter completer = new ConsoleCompleter(model.getObject(), completers.orderedStream().toList());
		StringBuilder out = new StringBuilder();
		String current = words.get(words.size() - 1);
		for (ConsoleCompleter.Proposal p : completer.proposals(words.subList(0, words.size() - 1), current)) {
			out.append(p.value());
			if (p.description() != null && !p.description().isEmpty()) {
				out.append('\t').append(p.description().replace('\t', ' ').replace('\n', ' '));
			}
			out.append('\n');
		}
		return out.toString();
	}
}
