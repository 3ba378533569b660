package org.influxshell.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import org.influxshell.shell.OptionSpec.Kind;

import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.standard.ValueProvider;

/**
 * Tab completion for the REPL: command words, option names, {@code true/false} after
 * {@code --flag=}, and option or positional values from the option's {@link ValueProvider}
 * (profile names, authorization IDs).
 */
public class ConsoleCompleter implements Completer {

	private final CommandDispatcher dispatcher;

	private final Function<Class<? extends ValueProvider>, ValueProvider> providers;

	public ConsoleCompleter(CommandDispatcher dispatcher,
			Function<Class<? extends ValueProvider>, ValueProvider> providers) {
		this.dispatcher = dispatcher;
		this.providers = providers;
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		List<String> before = line.words().subList(0, line.wordIndex());
		String current = line.word().substring(0, line.wordCursor());
		for (Proposal p : proposals(before, current)) {
			candidates.add(new Candidate(p.value(), p.display(), p.group(), p.description(), null, null, p.complete()));
		}
	}

	/** One completion candidate. */
	public record Proposal(String value, String display, String group, String description, boolean complete) {
	}

	/** What to offer for the word {@code current}, after the complete words {@code before}. */
	public List<Proposal> proposals(List<String> before, String current) {
		List<Proposal> out = new ArrayList<>();
		CommandDispatcher.Match match = before.isEmpty() ? null : dispatcher.find(before);
		if (match == null || match.rest().isEmpty() && moreCommandWords(before)) {
			commandWords(before, current, out);
			if (match == null) {
				return out;
			}
		}
		CommandSpec spec = match.spec();
		List<String> rest = match.rest();
		String previous = rest.isEmpty() ? null : rest.get(rest.size() - 1);
		OptionSpec pending = previous == null ? null : spec.option(previous);
		if (pending != null && pending.kind() != Kind.FLAG) {
			values(pending, before, current, out);
			return out;
		}
		int eq = current.indexOf('=');
		if (current.startsWith("-") && eq > 0) {
			OptionSpec opt = spec.option(current.substring(0, eq));
			if (opt != null && opt.kind() == Kind.FLAG) {
				for (String b : List.of("true", "false")) {
					String v = current.substring(0, eq + 1) + b;
					if (v.startsWith(current)) {
						out.add(new Proposal(v, v, null, null, true));
					}
				}
			}
			return out;
		}
		if (current.startsWith("-")) {
			for (OptionSpec o : spec.options()) {
				for (String n : o.names()) {
					if (n.startsWith(current) && (n.startsWith("--") || current.length() <= 2)) {
						out.add(new Proposal(n, n, "Options", o.help(), true));
					}
				}
			}
			return out;
		}
		spec.options().stream().filter(o -> spec.isPositional(o.key())).findFirst()
			.ifPresent(o -> values(o, before, current, out));
		return out;
	}

	private boolean moreCommandWords(List<String> before) {
		String prefix = String.join(" ", before) + " ";
		return dispatcher.spellings().stream().anyMatch(s -> s.startsWith(prefix));
	}

	private void commandWords(List<String> before, String current, List<Proposal> out) {
		String prefix = before.isEmpty() ? "" : String.join(" ", before) + " ";
		Set<String> next = new LinkedHashSet<>();
		for (String spelling : dispatcher.spellings()) {
			if (spelling.startsWith(prefix + current)) {
				String remaining = spelling.substring(prefix.length());
				int space = remaining.indexOf(' ');
				next.add(space < 0 ? remaining : remaining.substring(0, space));
			}
		}
		next.forEach(w -> out.add(new Proposal(w, w, "Commands", null, true)));
	}

	private void values(OptionSpec option, List<String> before, String current, List<Proposal> out) {
		if (option.valueProvider() == null) {
			return;
		}
		ValueProvider provider = providers.apply(option.valueProvider());
		List<String> words = new ArrayList<>(before);
		words.add(current);
		CompletionContext context = new CompletionContext(words, before.size(), current.length(), null, null);
		for (CompletionProposal p : provider.complete(context)) {
			if (p.value().startsWith(current)) {
				out.add(new Proposal(p.value(), p.value(), null, p.description(), true));
			}
		}
	}
}
