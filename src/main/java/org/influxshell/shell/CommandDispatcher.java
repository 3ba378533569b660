package org.influxshell.shell;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorMapper;
import org.influxshell.cli.PartialFailure;

import org.springframework.shell.command.CommandAlias;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandRegistration;

/**
 * Runs one command line: finds the command by its longest matching words, parses its options,
 * calls the {@code @ShellMethod} and prints what it returns on stdout. A failure becomes one
 * {@link ErrorMapper.Failure}; the caller decides how to show it (plain, or with a script's file
 * and line).
 */
public class CommandDispatcher {

	private final Map<String, CommandSpec> byWords = new TreeMap<>();

	private final ErrorMapper errors;

	public CommandDispatcher(CommandCatalog catalog, ErrorMapper errors) {
		this(catalog, errors, List.of());
	}

	public CommandDispatcher(CommandCatalog catalog, ErrorMapper errors, List<OptionGroup<?>> groups) {
		this.errors = errors;
		Map<CommandRegistration, CommandSpec> specs = new IdentityHashMap<>();
		for (CommandRegistration r : catalog.getRegistrations().values()) {
			if (r.getTarget() == null || r.getTarget().getMethod() == null) {
				continue;
			}
			CommandSpec spec = specs.computeIfAbsent(r, reg -> new CommandSpec(reg.getCommand(),
					reg.getAliases().stream().map(CommandAlias::getCommand).toList(), reg.getDescription(),
					reg.getTarget().getBean(), reg.getTarget().getMethod(), groups));
			byWords.put(spec.name(), spec);
			spec.aliases().forEach(a -> byWords.put(a, spec));
		}
	}

	/** Every command, once each, sorted by name. */
	public Collection<CommandSpec> commands() {
		Map<String, CommandSpec> unique = new LinkedHashMap<>();
		byWords.values().forEach(s -> unique.putIfAbsent(s.name(), s));
		return new TreeMap<>(unique).values();
	}

	/** Every spelling of every command (names and aliases). */
	public Collection<String> spellings() {
		return byWords.keySet();
	}

	/** The command whose words start {@code words}, with the most words, or null. */
	public Match find(List<String> words) {
		for (int n = Math.min(words.size(), 3); n > 0; n--) {
			CommandSpec spec = byWords.get(String.join(" ", words.subList(0, n)));
			if (spec != null) {
				return new Match(spec, words.subList(n, words.size()));
			}
		}
		return null;
	}

	/** A command found in a line, with the words that follow its name. */
	public record Match(CommandSpec spec, List<String> rest) {
	}

	/**
	 * Runs one command line.
	 * @return {@code null} on success, else the failure to report
	 */
	public ErrorMapper.Failure execute(List<String> words, PrintStream out) {
		try {
			Object result = invoke(words);
			if (result != null) {
				out.print(result);
				out.flush();
			}
			return null;
		}
		catch (Throwable ex) {
			if (ex instanceof PartialFailure partial) {
				out.print(partial.output());
			}
			out.flush();
			return errors.map(ex);
		}
	}

	private Object invoke(List<String> words) throws Throwable {
		Match match = find(words);
		if (match == null) {
			throw CliException.usage("unknown command \"" + String.join(" ", leadingWords(words))
					+ "\" (see 'help')");
		}
		CommandSpec spec = match.spec();
		Map<String, Object> values = spec.parse(new ArrayList<>(match.rest()));
		if (Boolean.TRUE.equals(values.get("help"))) {
			return spec.help();
		}
		try {
			return spec.method().invoke(spec.bean(), spec.arguments(values));
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static List<String> leadingWords(List<String> words) {
		List<String> lead = new ArrayList<>();
		for (String w : words) {
			if (w.startsWith("-") || lead.size() == 2) {
				break;
			}
			lead.add(w);
		}
		return lead.isEmpty() ? words.subList(0, Math.min(1, words.size())) : lead;
	}
}
