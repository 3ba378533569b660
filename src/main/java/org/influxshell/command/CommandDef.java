package org.influxshell.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One command: its words, aliases, description, options and what runs it. Built once at start-up;
 * two different options spelled the same way are refused then.
 */
public final class CommandDef {

	/** {@code -h/--help}, which every command has. */
	public static final OptionDef<Boolean> HELP = OptionDef.flag("show help", "-h", "--help");

	/** Runs a command with its parsed options. */
	@FunctionalInterface
	public interface Handler {

		/**
		 * Runs the command.
		 * @param args its options, parsed and checked
		 * @return what it produced; a failure of the whole command is thrown
		 */
		CommandResult run(Args args);
	}

	private final String name;

	private final List<String> aliases;

	private final String description;

	private final List<OptionDef<?>> options;

	private final Map<String, OptionDef<?>> bySpelling;

	private final List<OptionDef<?>> oneRequired;

	private final Handler handler;

	private final boolean hidden;

	private CommandDef(String name, List<String> aliases, String description, List<OptionDef<?>> declared,
			List<OptionDef<?>> oneRequired, Handler handler, boolean hidden) {
		this.name = name;
		this.hidden = hidden;
		this.aliases = List.copyOf(aliases);
		this.description = description;
		this.oneRequired = List.copyOf(oneRequired);
		this.handler = handler;
		Set<OptionDef<?>> unique = Collections.newSetFromMap(new IdentityHashMap<>());
		List<OptionDef<?>> all = new ArrayList<>();
		Map<String, OptionDef<?>> spellings = new LinkedHashMap<>();
		for (OptionDef<?> o : declared) {
			if (!unique.add(o)) {
				continue;
			}
			all.add(o);
			for (String n : o.names()) {
				OptionDef<?> other = spellings.putIfAbsent(n, o);
				if (other != null) {
					throw new IllegalStateException("command \"" + name + "\": " + n + " is declared by two options ("
							+ other.longName() + " and " + o.longName() + ")");
				}
			}
		}
		if (all.stream().filter(o -> o.isPositional() && o.kind() == OptionDef.Kind.LIST).count() > 1) {
			throw new IllegalStateException("command \"" + name + "\": more than one option takes the remaining words");
		}
		this.options = List.copyOf(all);
		this.bySpelling = Collections.unmodifiableMap(spellings);
		if (!all.containsAll(this.oneRequired)) {
			throw new IllegalStateException("command \"" + name + "\": requires one of options it does not have");
		}
	}

	/** Starts the declaration of the command {@code name} ({@code "auth inactive"}). */
	public static Builder command(String name) {
		return new Builder(name);
	}

	public String name() {
		return name;
	}

	public List<String> aliases() {
		return aliases;
	}

	public String description() {
		return description;
	}

	/** Every option, in declaration order, {@code -h/--help} last. */
	public List<OptionDef<?>> options() {
		return options;
	}

	/** The option spelled {@code spelling} ({@code -i}, {@code --id}), or {@code null}. */
	public OptionDef<?> option(String spelling) {
		return bySpelling.get(spelling);
	}

	/** The options that take words given without a name, in order. */
	public List<OptionDef<?>> positionals() {
		return options.stream().filter(OptionDef::isPositional).toList();
	}

	/** Options of which at least one must be given (empty when there is no such rule). */
	public List<OptionDef<?>> oneRequired() {
		return oneRequired;
	}

	public Handler handler() {
		return handler;
	}

	/**
	 * Whether the command is for programs, not people ({@code __complete}, which shell completion
	 * scripts call): it runs, but help and completion leave it out.
	 */
	public boolean hidden() {
		return hidden;
	}

	@Override
	public String toString() {
		return "CommandDef[" + name + "]";
	}

	/** Declares a command. */
	public static final class Builder {

		private final String name;

		private final List<String> aliases = new ArrayList<>();

		private final List<OptionDef<?>> options = new ArrayList<>();

		private final List<OptionDef<?>> oneRequired = new ArrayList<>();

		private String description = "";

		private boolean hidden;

		private Builder(String name) {
			this.name = name;
		}

		public Builder aliases(String... spellings) {
			aliases.addAll(List.of(spellings));
			return this;
		}

		public Builder description(String text) {
			this.description = text;
			return this;
		}

		public Builder options(OptionDef<?>... declared) {
			options.addAll(List.of(declared));
			return this;
		}

		public Builder options(OptionGroup<?> group) {
			options.addAll(group.options());
			return this;
		}

		/** Leaves the command out of help and completion (see {@link CommandDef#hidden()}). */
		public Builder hidden() {
			this.hidden = true;
			return this;
		}

		/** At least one of these options must be given. */
		public Builder requiresOneOf(OptionDef<?>... any) {
			oneRequired.addAll(List.of(any));
			return this;
		}

		/** Completes the declaration with what runs the command. */
		public CommandDef runs(Handler handler) {
			List<OptionDef<?>> all = new ArrayList<>(options);
			all.add(HELP);
			return new CommandDef(name, aliases, description, all, oneRequired, handler, hidden);
		}
	}
}
