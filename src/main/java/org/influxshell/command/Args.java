package org.influxshell.command;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The options of one parsed command line, looked up by their declarations. */
public final class Args {

	private final Map<OptionDef<?>, Object> values;

	private final List<String> warnings;

	Args(Map<OptionDef<?>, Object> values, List<String> warnings) {
		this.values = new IdentityHashMap<>(values);
		this.warnings = List.copyOf(warnings);
	}

	/** No options at all. */
	public static Args none() {
		return new Args(Map.of(), List.of());
	}

	/** What parsing noticed and the user should hear about on stderr (a token that looks like an option). */
	public List<String> warnings() {
		return warnings;
	}

	/** The value given, or {@code null} when the option was not given (an empty list for a list). */
	@SuppressWarnings("unchecked")
	public <T> T get(OptionDef<T> option) {
		Object v = values.get(option);
		if (v == null && option.kind() == OptionDef.Kind.LIST) {
			return (T) List.of();
		}
		return (T) v;
	}

	/** A flag's value, false when not given. */
	public boolean flag(OptionDef<Boolean> option) {
		return Boolean.TRUE.equals(values.get(option));
	}

	public boolean isSet(OptionDef<?> option) {
		return values.containsKey(option);
	}

	/** The options of {@code group}, bound into its value. */
	public <T> T get(OptionGroup<T> group) {
		return group.bind(this);
	}

	/** Never shows the value of a secret option. */
	@Override
	public String toString() {
		return values.entrySet().stream()
			.map(e -> e.getKey().longName() + "=" + (e.getKey().isSecret() ? "***" : e.getValue()))
			.collect(Collectors.joining(", ", "Args[", "]"));
	}
}
