package org.influxshell.shell;

import java.util.List;
import java.util.Map;

/**
 * Options that several commands share, bound into one value: a command method that declares a
 * parameter of {@link #type()} accepts all of {@link #options()}.
 *
 * @param <T> what the options bind into
 */
public interface OptionGroup<T> {

	/** The parameter type that brings these options. */
	Class<T> type();

	List<OptionSpec> options();

	/** The value for the parsed options; a key is absent when its option was not given. */
	T bind(Map<String, Object> values);
}
