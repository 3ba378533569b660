package org.influxshell.command;

import java.util.List;

/** A {@code @ShellComponent} that declares commands: the console's command model is made of these. */
public interface CommandSet {

	List<CommandDef> commands();
}
