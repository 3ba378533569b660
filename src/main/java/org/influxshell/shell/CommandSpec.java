package org.influxshell.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.influxshell.cli.CliException;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.LocalOptions;
import org.influxshell.connection.ServerOptions;
import org.influxshell.shell.OptionSpec.Kind;

import org.springframework.shell.standard.ShellOption;
import org.springframework.shell.standard.ValueProvider;

/**
 * A command as the console parses it: its words, its options, and how the parsed values become
 * the arguments of its {@code @ShellMethod}. Built from the method's {@link ShellOption} and
 * {@link Positional} parameters; a parameter whose type has an {@link OptionGroup} (such as
 * {@link LocalOptions} or {@link ServerOptions}) brings that group's options with it.
 *
 * <p>Parsing follows upstream {@code influx}: {@code --x v}, {@code --x=v}, {@code -x v},
 * {@code -x=v}; a flag alone means true and {@code --x=false} sets it false; an option that
 * takes a value takes the next word whatever it starts with, so a token may begin with
 * {@code -}; a lone {@code -} is a positional word.
 */
public final class CommandSpec {

	static final OptionSpec HELP = new OptionSpec("help", List.of("-h", "--help"), Kind.FLAG, false,
			"show help", null);

	private final String name;

	private final List<String> aliases;

	private final String description;

	private final Object bean;

	private final Method method;

	private final List<OptionSpec> options = new ArrayList<>();

	private final List<ParamBinding> bindings = new ArrayList<>();

	private final Map<String, OptionSpec> byName = new LinkedHashMap<>();

	private final List<String> positionalKeys = new ArrayList<>();

	private final Map<Class<?>, OptionGroup<?>> groups;

	public CommandSpec(String name, List<String> aliases, String description, Object bean, Method method) {
		this(name, aliases, description, bean, method, List.of());
	}

	/** @param extraGroups option groups beyond the shared {@link LocalOptions} and {@link ServerOptions} */
	public CommandSpec(String name, List<String> aliases, String description, Object bean, Method method,
			List<OptionGroup<?>> extraGroups) {
		this.groups = new HashMap<>();
		groups.put(LocalOptions.class, SharedOptions.LOCAL);
		groups.put(ServerOptions.class, SharedOptions.SERVER);
		extraGroups.forEach(g -> groups.put(g.type(), g));
		this.name = name;
		this.aliases = List.copyOf(aliases);
		this.description = description;
		this.bean = bean;
		this.method = method;
		for (Parameter p : method.getParameters()) {
			bindings.add(bind(p));
		}
		add(HELP);
	}

	private ParamBinding bind(Parameter p) {
		OptionGroup<?> group = groups.get(p.getType());
		if (group != null) {
			group.options().forEach(this::add);
			return group::bind;
		}
		ShellOption ann = p.getAnnotation(ShellOption.class);
		if (ann == null) {
			throw new IllegalStateException(method + ": parameter " + p.getName() + " has no @ShellOption");
		}
		List<String> names = ann.value().length > 0 ? Arrays.asList(ann.value()) : List.of("--" + p.getName());
		String key = names.stream().filter(n -> n.startsWith("--")).findFirst().orElse(names.get(0))
			.replaceFirst("^-+", "");
		Kind kind = isBoolean(p.getType()) ? Kind.FLAG : List.class.isAssignableFrom(p.getType()) ? Kind.LIST : Kind.VALUE;
		boolean positional = p.isAnnotationPresent(Positional.class);
		boolean required = ShellOption.NONE.equals(ann.defaultValue());
		Class<? extends ValueProvider> provider = ann.valueProvider() == ShellOption.NoValueProvider.class ? null
				: ann.valueProvider();
		OptionSpec spec = new OptionSpec(key, names, kind, required, ann.help(), provider);
		add(spec);
		String defaultValue = ShellOption.NULL.equals(ann.defaultValue()) || ShellOption.NONE.equals(ann.defaultValue())
				? null : ann.defaultValue();
		if (positional) {
			positionalKeys.add(key);
		}
		return values -> {
			Object v = values.get(key);
			if (kind == Kind.FLAG) {
				return v != null ? v : Boolean.valueOf(defaultValue);
			}
			if (kind == Kind.LIST) {
				return v != null ? v : List.of();
			}
			return v != null ? v : defaultValue;
		};
	}

	private static boolean isBoolean(Class<?> type) {
		return type == boolean.class || type == Boolean.class;
	}

	private void add(OptionSpec spec) {
		if (byName.containsKey(spec.names().get(0))) {
			return;
		}
		options.add(spec);
		spec.names().forEach(n -> byName.put(n, spec));
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

	public List<OptionSpec> options() {
		return options;
	}

	public OptionSpec option(String spelledName) {
		return byName.get(spelledName);
	}

	Object bean() {
		return bean;
	}

	Method method() {
		return method;
	}

	/**
	 * Parses the words after the command's name.
	 * @return the values by option key; {@code "help"} is set when help was asked for
	 * @throws CliException a usage error
	 */
	public Map<String, Object> parse(List<String> words) {
		Map<String, Object> values = new LinkedHashMap<>();
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
			String optName = eq > 0 ? word.substring(0, eq) : word;
			String inline = eq > 0 ? word.substring(eq + 1) : null;
			OptionSpec spec = byName.get(optName);
			if (spec == null) {
				throw CliException.usage("unknown flag: " + optName + " (see '" + name + " --help')");
			}
			if (spec.kind() == Kind.FLAG) {
				Boolean value = inline == null ? Boolean.TRUE : ConnectionResolver.parseBool(inline);
				if (value == null) {
					throw CliException.usage("invalid boolean value \"" + inline + "\" for flag " + optName);
				}
				values.put(spec.key(), value);
				continue;
			}
			String value = inline;
			if (value == null) {
				if (i + 1 >= words.size()) {
					throw CliException.usage("flag needs an argument: " + optName);
				}
				value = words.get(++i);
			}
			store(values, spec, value);
		}
		if (Boolean.TRUE.equals(values.get("help"))) {
			return values;
		}
		bindPositionals(values, positionals);
		for (OptionSpec spec : options) {
			if (spec.required() && !values.containsKey(spec.key())) {
				throw CliException.usage("Required flag \"" + spec.key() + "\" not set");
			}
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	private static void store(Map<String, Object> values, OptionSpec spec, String value) {
		if (spec.kind() == Kind.LIST) {
			((List<String>) values.computeIfAbsent(spec.key(), k -> new ArrayList<String>())).add(value);
		}
		else {
			values.put(spec.key(), value);
		}
	}

	private void bindPositionals(Map<String, Object> values, List<String> positionals) {
		int next = 0;
		for (String key : positionalKeys) {
			if (next >= positionals.size()) {
				break;
			}
			OptionSpec spec = options.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
			if (spec.kind() == Kind.LIST) {
				positionals.subList(next, positionals.size()).forEach(v -> store(values, spec, v));
				next = positionals.size();
			}
			else if (!values.containsKey(key)) {
				values.put(key, positionals.get(next++));
			}
		}
		if (next < positionals.size()) {
			throw CliException.usage("unexpected argument \"" + positionals.get(next) + "\" (see '" + name + " --help')");
		}
	}

	/** The method's arguments for parsed {@code values}. */
	Object[] arguments(Map<String, Object> values) {
		return bindings.stream().map(b -> b.argument(values)).toArray();
	}

	/** Whether {@code key} also takes words given without an option name. */
	public boolean isPositional(String key) {
		return positionalKeys.contains(key);
	}

	/** The text of {@code NAME --help}. */
	public String help() {
		StringBuilder out = new StringBuilder();
		out.append("NAME:\n   ").append(name).append(" - ").append(description).append("\n\n");
		out.append("USAGE:\n   ").append(name);
		positionalKeys.forEach(k -> out.append(" [").append(k.toUpperCase(Locale.ROOT)).append(']'));
		out.append(" [options]\n");
		if (!aliases.isEmpty()) {
			out.append("\nALIASES:\n   ").append(String.join(", ", aliases)).append('\n');
		}
		out.append("\nOPTIONS:\n");
		int width = options.stream().mapToInt(o -> usage(o).length()).max().orElse(0);
		for (OptionSpec o : options) {
			String u = usage(o);
			out.append("   ").append(u).append(" ".repeat(width - u.length() + 2)).append(o.help());
			if (o.required()) {
				out.append(" (required)");
			}
			out.append('\n');
		}
		return out.toString();
	}

	private static String usage(OptionSpec o) {
		List<String> sorted = new ArrayList<>(o.names());
		sorted.sort(Comparator.comparing(n -> n.startsWith("--")));
		String names = String.join(", ", sorted);
		return switch (o.kind()) {
			case FLAG -> names;
			case VALUE -> names + " value";
			case LIST -> names + " value [ " + o.longName() + " value ]";
		};
	}

	@FunctionalInterface
	private interface ParamBinding {
		Object argument(Map<String, Object> values);
	}
}
