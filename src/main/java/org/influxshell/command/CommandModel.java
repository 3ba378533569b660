package org.influxshell.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every command the console has, from every {@link CommandSet}: what parsing, dispatch, help,
 * completion, the man page and the completion scripts read. Two commands spelled the same way are refused.
 * A {@linkplain CommandDef#hidden() hidden} command is found by {@link #find} (so it runs) but
 * listed nowhere: not in {@link #commands()}, {@link #spellings()} or suggestions.
 */
public final class CommandModel {

	private final Map<String, CommandDef> bySpelling = new TreeMap<>();

	private final Map<String, CommandDef> byName = new TreeMap<>();

	private final Map<String, String> groups = new TreeMap<>();

	public CommandModel(List<CommandSet> sets) {
		for (CommandSet set : sets) {
			groups.putAll(set.groups());
			for (CommandDef c : set.commands()) {
				byName.put(c.name(), c);
				add(c.name(), c);
				c.aliases().forEach(a -> add(a, c));
			}
		}
	}

	private void add(String spelling, CommandDef command) {
		CommandDef other = bySpelling.putIfAbsent(spelling, command);
		if (other != null) {
			throw new IllegalStateException("command \"" + spelling + "\" is declared twice");
		}
	}

	/** Every command but the hidden ones, once each, sorted by name. */
	public Collection<CommandDef> commands() {
		return byName.values().stream().filter(c -> !c.hidden()).toList();
	}

	/** Every spelling (names and aliases) of every command but the hidden ones, sorted. */
	public Collection<String> spellings() {
		return bySpelling.entrySet().stream().filter(e -> !e.getValue().hidden()).map(Map.Entry::getKey).toList();
	}

	/** The description of the group {@code name} ({@code auth}), or {@code null} when it is none. */
	public String group(String name) {
		return groups.get(name);
	}

	/** The commands of a group, sorted by name. */
	public List<CommandDef> subcommands(String group) {
		return commands().stream().filter(c -> c.name().startsWith(group + " ")).toList();
	}

	/**
	 * What was meant by command words that are none: the spelling or group closest to them, when
	 * one is close enough ({@code auth lst}, {@code aut}); else the commands of a group that end
	 * with the first word typed ({@code inactive}: {@code auth inactive}).
	 * @param typed the command words typed
	 */
	public Optional<String> closest(String typed) {
		List<String> known = new ArrayList<>(spellings());
		known.addAll(groups.keySet());
		Optional<String> near = Suggestions.closest(typed, known);
		if (near.isPresent()) {
			return near;
		}
		String first = typed.split(" ")[0];
		List<String> inGroups = spellings().stream()
			.filter(s -> s.endsWith(" " + first) && groups.containsKey(s.substring(0, s.length() - first.length() - 1)))
			.toList();
		return inGroups.isEmpty() ? Optional.empty() : Optional.of(String.join("' or '", inGroups));
	}

	/** The command whose words start {@code words}, with the most words, or {@code null}. */
	public Match find(List<String> words) {
		for (int n = Math.min(words.size(), 3); n > 0; n--) {
			CommandDef command = bySpelling.get(String.join(" ", words.subList(0, n)));
			if (command != null) {
				return new Match(command, words.subList(n, words.size()));
			}
		}
		return null;
	}

	/** A command found at the start of a line, with the words that follow its name. */
	public record Match(CommandDef command, List<String> rest) {
	}
}
