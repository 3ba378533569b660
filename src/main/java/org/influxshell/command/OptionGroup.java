package org.influxshell.command;

import java.util.List;
import java.util.function.Function;

/**
 * Options that several commands share, bound into one typed value (server connection, token
 * selection, output).
 *
 * @param <T> what the options bind into
 */
public final class OptionGroup<T> {

	private final List<OptionDef<?>> options;

	private final Function<Args, T> binder;

	private OptionGroup(List<OptionDef<?>> options, Function<Args, T> binder) {
		this.options = List.copyOf(options);
		this.binder = binder;
	}

	/** A group of {@code options} that {@code binder} turns into one value. */
	public static <T> OptionGroup<T> of(Function<Args, T> binder, List<OptionDef<?>> options) {
		return new OptionGroup<>(options, binder);
	}

	public List<OptionDef<?>> options() {
		return options;
	}

	T bind(Args args) {
		return binder.apply(args);
	}
}
