package org.influxshell.command;

import java.util.List;

/**
 * One option, declared once: its spellings, what it takes, its help, where completion gets its
 * values, and whether its value is secret. Parsing, help, completion, the man page and the
 * completion scripts all read this declaration. A command's parsed {@link Args} are looked up with the
 * declaration itself (by identity), never with a string key.
 *
 * @param <T> the parsed value: {@code Boolean}, {@code String} or {@code List<String>}
 */
public final class OptionDef<T> {

	/** How an option takes values. */
	public enum Kind {
		/** alone it means true; {@code --x=false} sets it false */
		FLAG,
		/** one value; repeated, the last one wins (upstream's rule) */
		VALUE,
		/** repeatable; every value is kept, in order */
		LIST
	}

	private final List<String> names;

	private final Kind kind;

	private final String help;

	private final String valueName;

	private final String env;

	private final boolean required;

	private final boolean positional;

	private final boolean secret;

	private final boolean commaSeparated;

	private final boolean nonEmpty;

	private final ValueKind completion;

	private OptionDef(List<String> names, Kind kind, String help, String valueName, String env, boolean required,
			boolean positional, boolean secret, boolean commaSeparated, boolean nonEmpty, ValueKind completion) {
		if (names.isEmpty() || names.stream().anyMatch(n -> !n.matches("-[A-Za-z]|--[A-Za-z][A-Za-z0-9-]*"))) {
			throw new IllegalArgumentException("option spellings must be -x or --name: " + names);
		}
		this.names = List.copyOf(names);
		this.kind = kind;
		this.help = help;
		this.valueName = valueName;
		this.env = env;
		this.required = required;
		this.positional = positional;
		this.secret = secret;
		this.commaSeparated = commaSeparated;
		this.nonEmpty = nonEmpty;
		this.completion = completion;
	}

	/** A copy with the marks given; the spellings, kind, help and value name stay. */
	private OptionDef<T> with(String env, boolean required, boolean positional, boolean secret, boolean commaSeparated,
			boolean nonEmpty, ValueKind completion) {
		return new OptionDef<>(names, kind, help, valueName, env, required, positional, secret, commaSeparated, nonEmpty,
				completion);
	}

	/** A boolean flag. */
	public static OptionDef<Boolean> flag(String help, String... names) {
		return new OptionDef<>(List.of(names), Kind.FLAG, help, null, null, false, false, false, false, false,
				ValueKind.NONE);
	}

	/** An option with one value, shown as {@code valueName} in help. */
	public static OptionDef<String> value(String valueName, String help, String... names) {
		return new OptionDef<>(List.of(names), Kind.VALUE, help, valueName, null, false, false, false, false, false,
				ValueKind.NONE);
	}

	/** A repeatable option whose values add up. */
	public static OptionDef<List<String>> list(String valueName, String help, String... names) {
		return new OptionDef<>(List.of(names), Kind.LIST, help, valueName, null, false, false, false, false, false,
				ValueKind.NONE);
	}

	/** Missing from the command line, it is a usage error. */
	public OptionDef<T> required() {
		return with(env, true, positional, secret, commaSeparated, nonEmpty, completion);
	}

	/** Also takes words given without an option name: one for a value, all that are left for a list. */
	public OptionDef<T> positional() {
		return with(env, required, true, secret, commaSeparated, nonEmpty, completion);
	}

	/** Its value is a credential: masked wherever a command line is shown or kept. */
	public OptionDef<T> secret() {
		return with(env, required, positional, true, commaSeparated, nonEmpty, completion);
	}

	/** A list whose values may also be given comma-separated ({@code --id A,B}). */
	public OptionDef<T> commaSeparated() {
		if (kind != Kind.LIST) {
			throw new IllegalStateException(longName() + ": only a list option can be comma-separated");
		}
		return with(env, required, positional, secret, true, nonEmpty, completion);
	}

	/** An empty value is a usage error (an empty selector would select everything). */
	public OptionDef<T> nonEmpty() {
		return with(env, required, positional, secret, commaSeparated, true, completion);
	}

	/** The environment variable that stands in for it when it is not given (shown in help). */
	public OptionDef<T> env(String variable) {
		return with(variable, required, positional, secret, commaSeparated, nonEmpty, completion);
	}

	/** Where tab completion finds its values. */
	public OptionDef<T> completes(ValueKind values) {
		return with(env, required, positional, secret, commaSeparated, nonEmpty, values);
	}

	/** Every spelling, with dashes ({@code -i}, {@code --id}). */
	public List<String> names() {
		return names;
	}

	/** The long spelling, as messages name the option ({@code --id}). */
	public String longName() {
		return names.stream().filter(n -> n.startsWith("--")).findFirst().orElse(names.get(0));
	}

	/** The long spelling without dashes, as upstream's messages name it ({@code id}). */
	public String key() {
		return longName().replaceFirst("^-+", "");
	}

	public Kind kind() {
		return kind;
	}

	public String help() {
		return help;
	}

	/** What help calls its value ({@code ID}), or {@code null} for a flag. */
	/**
	 * The values the option takes, when its value name lists them ({@code bash|zsh|fish},
	 * {@code active|inactive}): what completion offers. Empty for any other value name.
	 */
	public List<String> choices() {
		return valueName != null && valueName.matches("[a-z]+(\\|[a-z]+)+") ? List.of(valueName.split("\\|")) : List.of();
	}

	public String valueName() {
		return valueName;
	}

	/** The environment variable, or {@code null}. */
	public String env() {
		return env;
	}

	public boolean isRequired() {
		return required;
	}

	public boolean isPositional() {
		return positional;
	}

	public boolean isSecret() {
		return secret;
	}

	public boolean isCommaSeparated() {
		return commaSeparated;
	}

	public boolean isNonEmpty() {
		return nonEmpty;
	}

	public ValueKind completion() {
		return completion;
	}

	@Override
	public String toString() {
		return "OptionDef" + names;
	}
}
