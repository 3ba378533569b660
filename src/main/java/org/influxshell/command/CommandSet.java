package org.influxshell.command;

import java.util.List;
import java.util.Map;

/** A {@code @ShellComponent} that declares commands: the console's command model is made of these. */
public interface CommandSet {

	/** The commands this component declares; called once, at start-up. */
	List<CommandDef> commands();

	/** The first words its commands share ({@code auth}), each with a one-line description for help. */
	default Map<String, String> groups() {
		return Map.of();
	}
}
