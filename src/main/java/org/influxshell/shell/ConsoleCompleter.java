package org.influxshell.shell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import org.influxshell.command.Args;
import org.influxshell.command.ArgsParser;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandModel;
import org.influxshell.command.OptionDef;
import org.influxshell.command.OptionDef.Kind;
import org.influxshell.command.ValueCompleter;
import org.influxshell.command.ValueKind;

/**
 * Tab completion for the REPL, read from the command model: command words, option names,
 * {@code true/false} after {@code --flag=}, the choices an option's value name lists
 * ({@code bash|zsh|fish}), and the values of an option from the
 * {@link ValueCompleter} of its {@link ValueKind} (profile names, authorization IDs), given the
 * options typed so far on the line.
 */
public class ConsoleCompleter implements Completer {

	private final CommandModel model;

	private final Map<ValueKind, ValueCompleter> completers = new EnumMap<>(ValueKind.class);

	public ConsoleCompleter(CommandModel model, List<ValueCompleter> completers) {
		this.model = model;
		completers.forEach(c -> this.completers.put(c.kind(), c));
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		List<String> before = line.words().subList(0, line.wordIndex());
		String current = line.word().substring(0, line.wordCursor());
		for (Proposal p : proposals(before, current)) {
			candidates.add(new Candidate(p.value(), p.value(), p.group(), p.description(), null, null, p.complete()));
		}
	}

	/** One completion candidate. */
	public record Proposal(String value, String group, String description, boolean complete) {
	}

	/** What to offer for the word {@code current}, after the complete words {@code before}. */
	public List<Proposal> proposals(List<String> before, String current) {
		List<Proposal> out = new ArrayList<>();
		CommandModel.Match match = before.isEmpty() ? null : model.find(before);
		if (match == null || match.rest().isEmpty() && moreCommandWords(before)) {
			commandWords(before, current, out);
			if (match == null) {
				return out;
			}
		}
		CommandDef command = match.command();
		List<String> rest = match.rest();
		Args typed = ArgsParser.partial(command, rest);
		OptionDef<?> pending = rest.isEmpty() ? null : command.option(rest.get(rest.size() - 1));
		if (pending != null && pending.kind() != Kind.FLAG) {
			values(pending, typed, "", current, out);
			return out;
		}
		int eq = current.indexOf('=');
		if (current.startsWith("-") && eq > 0) {
			OptionDef<?> option = command.option(current.substring(0, eq));
			if (option != null && option.kind() == Kind.FLAG) {
				for (String b : List.of("true", "false")) {
					String v = current.substring(0, eq + 1) + b;
					if (v.startsWith(current)) {
						out.add(new Proposal(v, null, null, true));
					}
				}
			}
			else if (option != null) {
				values(option, typed, current.substring(0, eq + 1), current.substring(eq + 1), out);
			}
			return out;
		}
		if (current.startsWith("-")) {
			for (OptionDef<?> o : command.options()) {
				for (String n : o.names()) {
					if (n.startsWith(current) && (n.startsWith("--") || current.length() <= 2)) {
						out.add(new Proposal(n, "Options", o.help(), true));
					}
				}
			}
			return out;
		}
		// the first argument still to give: a single one already given is done, a list goes on
		command.positionals().stream().filter(o -> o.kind() == Kind.LIST || !typed.isSet(o)).findFirst().ifPresent(o -> {
			if (o.completion() == ValueKind.COMMAND) {
				commandWords(rest, current, out);
			}
			else {
				values(o, typed, "", current, out);
			}
		});
		return out;
	}

	private boolean moreCommandWords(List<String> before) {
		String prefix = String.join(" ", before) + " ";
		return model.spellings().stream().anyMatch(s -> s.startsWith(prefix));
	}

	/** The next word of every command spelling that starts with the words typed, with what it is for. */
	private void commandWords(List<String> before, String current, List<Proposal> out) {
		String prefix = before.isEmpty() ? "" : String.join(" ", before) + " ";
		Map<String, String> next = new LinkedHashMap<>();
		for (String spelling : model.spellings()) {
			if (spelling.startsWith(prefix + current)) {
				String remaining = spelling.substring(prefix.length());
				int space = remaining.indexOf(' ');
				String word = space < 0 ? remaining : remaining.substring(0, space);
				String described = prefix + word;
				CommandModel.Match match = model.find(List.of(described.split(" ")));
				String description = model.group(described) != null ? model.group(described)
						: match != null && match.rest().isEmpty() ? match.command().description() : null;
				next.merge(word, description == null ? "" : description, (a, b) -> a.isEmpty() ? b : a);
			}
		}
		next.forEach((w, d) -> out.add(new Proposal(w, "Commands", d.isEmpty() ? null : d, true)));
	}

	/**
	 * Values of {@code option} that start with {@code typing}; in a comma-separated list only the
	 * part after the last comma is being typed.
	 */
	private void values(OptionDef<?> option, Args typed, String lead, String typing, List<Proposal> out) {
		for (String choice : option.choices()) {
			if (choice.startsWith(typing)) {
				out.add(new Proposal(lead + choice, null, null, true));
			}
		}
		ValueCompleter completer = completers.get(option.completion());
		if (completer == null) {
			return;
		}
		String kept = lead;
		String partial = typing;
		int comma = typing.lastIndexOf(',');
		if (option.isCommaSeparated() && comma >= 0) {
			kept = lead + typing.substring(0, comma + 1);
			partial = typing.substring(comma + 1);
		}
		for (ValueCompleter.Proposal p : completer.complete(typed)) {
			if (p.value().startsWith(partial)) {
				out.add(new Proposal(kept + p.value(), null, p.description(), true));
			}
		}
	}
}
