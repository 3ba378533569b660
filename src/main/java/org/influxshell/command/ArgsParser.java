package org.influxshell.command;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.influxshell.cli.CliException;
import org.influxshell.command.OptionDef.Kind;
import org.influxshell.connection.ConnectionResolver;

/**
 * Parses the words after a command's name, as upstream {@code influx} does: {@code --x v},
 * {@code --x=v}, {@code -x v}, {@code -x=v}; a flag alone means true and {@code --x=false} sets
 * it false; an option that takes a value takes the next word whatever it starts with, so a token
 * may begin with {@code -}; a lone {@code -} is a positional word and {@code --} ends the options.
 */
public final class ArgsParser {

	private ArgsParser() {
	}

	/**
	 * The options of a command line to run. When help is asked for, nothing else is checked.
	 * @throws CliException a usage error
	 */
	public static Args parse(CommandDef command, List<String> words) {
		return new Run(command, true).parse(words);
	}

	/**
	 * The options typed so far on a line being completed: what cannot be parsed is left out, and
	 * nothing is required.
	 */
	public static Args partial(CommandDef command, List<String> words) {
		return new Run(command, false).parse(words);
	}

	private static final class Run {

		private final CommandDef command;

		private final boolean strict;

		private final Map<OptionDef<?>, Object> values = new IdentityHashMap<>();

		private final List<String> warnings = new ArrayList<>();

		Run(CommandDef command, boolean strict) {
			this.command = command;
			this.strict = strict;
		}

		Args parse(List<String> words) {
			List<String> positionals = new ArrayList<>();
			for (int i = 0; i < words.size(); i++) {
				String word = words.get(i);
				if (word.equals("--")) {
					positionals.addAll(words.subList(i + 1, words.size()));
					break;
				}
				if (!word.startsWith("-") || word.equals("-")) {
					positionals.add(word);
					continue;
				}
				int eq = word.indexOf('=');
				String spelling = eq > 0 ? word.substring(0, eq) : word;
				String inline = eq > 0 ? word.substring(eq + 1) : null;
				OptionDef<?> option = command.option(spelling);
				if (option == null) {
					fail("unknown flag: " + spelling + Suggestions.closest(spelling, longNames())
						.map(n -> " (did you mean " + n + "?)")
						.orElse(" (see '" + command.name() + " --help')"));
					continue;
				}
				if (option.kind() == Kind.FLAG) {
					Boolean value = inline == null ? Boolean.TRUE : ConnectionResolver.parseBool(inline);
					if (value == null) {
						fail("invalid boolean value \"" + inline + "\" for flag " + spelling);
					}
					else {
						values.put(option, value);
					}
					continue;
				}
				String value = inline;
				if (value == null) {
					if (i + 1 >= words.size()) {
						fail("flag needs an argument: " + spelling);
						continue;
					}
					value = words.get(++i);
					if (option.isSecret() && value.startsWith("-") && !value.equals(StandardInput.DASH)) {
						// upstream's warning, with the secret itself left out (a lone - reads stdin)
						warnings.add("warning: " + spelling + " -*** interpreted as " + spelling + "=-***, consider using "
								+ spelling + "=-*** syntax when tokens start with a hyphen");
					}
				}
				store(option, value);
			}
			if (Boolean.TRUE.equals(values.get(CommandDef.HELP))) {
				return new Args(values, warnings);
			}
			bindPositionals(positionals);
			if (strict) {
				for (OptionDef<?> option : command.options()) {
					if (option.isRequired() && !values.containsKey(option)) {
						// a word, not a flag, is missing: say what it may be
						fail(option.isPositional()
								? "missing " + option.valueName() + " (usage: " + command.name() + " " + option.valueName() + ")"
								: "Required flag \"" + option.key() + "\" not set");
					}
				}
				List<OptionDef<?>> any = command.oneRequired();
				if (!any.isEmpty() && any.stream().noneMatch(values::containsKey)) {
					fail("at least one of " + String.join(", ", any.stream().map(OptionDef::longName).toList())
							+ " is required");
				}
			}
			return new Args(values, warnings);
		}

		/** The {@code --long} spellings of the command's options: what a mistyped one is compared with. */
		private List<String> longNames() {
			return command.options().stream().flatMap(o -> o.names().stream()).filter(n -> n.startsWith("--")).toList();
		}

		@SuppressWarnings("unchecked")
		private void store(OptionDef<?> option, String value) {
			if (option.isNonEmpty() && value.isBlank()) {
				fail(option.longName() + " needs a value that is not empty");
				return;
			}
			if (option.kind() != Kind.LIST) {
				values.put(option, value);
				return;
			}
			List<String> list = (List<String>) values.computeIfAbsent(option, o -> new ArrayList<String>());
			if (!option.isCommaSeparated()) {
				list.add(value);
				return;
			}
			// an empty part ("a,,b", a trailing comma) is kept: the command reports it like any bad value
			for (String part : value.split(",", -1)) {
				list.add(part.strip());
			}
		}

		private void bindPositionals(List<String> positionals) {
			int next = 0;
			for (OptionDef<?> option : command.positionals()) {
				if (next >= positionals.size()) {
					break;
				}
				if (option.kind() == Kind.LIST) {
					positionals.subList(next, positionals.size()).forEach(v -> store(option, v));
					next = positionals.size();
				}
				else if (!values.containsKey(option)) {
					values.put(option, positionals.get(next++));
				}
			}
			if (next < positionals.size()) {
				fail("unexpected argument \"" + positionals.get(next) + "\" (see '" + command.name() + " --help')");
			}
		}

		private void fail(String message) {
			if (strict) {
				throw CliException.usage(message);
			}
		}
	}
}
