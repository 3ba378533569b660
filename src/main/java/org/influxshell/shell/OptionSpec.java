package org.influxshell.shell;

import java.util.List;

import org.springframework.shell.standard.ValueProvider;

/**
 * One option a command accepts.
 *
 * @param key the canonical long name without dashes, used to look the value up
 * @param names every spelling, with dashes ({@code --id}, {@code -i})
 * @param kind how many values it takes
 * @param required whether a missing option is a usage error
 * @param help one line for the help text
 * @param valueProvider the bean that completes its value, or {@code null}
 */
public record OptionSpec(String key, List<String> names, Kind kind, boolean required, String help,
		Class<? extends ValueProvider> valueProvider) {

	/** How an option takes values. */
	public enum Kind {
		/** alone it means true; {@code --x=false} sets false */
		FLAG,
		/** one value; repeated, the last wins */
		VALUE,
		/** repeatable; every value is kept */
		LIST
	}

	public static OptionSpec flag(String key, String help, String... names) {
		return new OptionSpec(key, List.of(names), Kind.FLAG, false, help, null);
	}

	public static OptionSpec value(String key, String help, String... names) {
		return new OptionSpec(key, List.of(names), Kind.VALUE, false, help, null);
	}

	public OptionSpec completing(Class<? extends ValueProvider> what) {
		return new OptionSpec(key, names, kind, required, help, what);
	}

	/** The long name with dashes, as shown in messages. */
	public String longName() {
		return names.stream().filter(n -> n.startsWith("--")).findFirst().orElse(names.get(0));
	}
}
