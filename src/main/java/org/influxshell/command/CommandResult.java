package org.influxshell.command;

import java.util.List;

import org.influxshell.cli.CliException;

/**
 * What a command produced: text for stdout; what it changed, named so that a failure to print
 * can say what was done all the same; and, for a command over many items, the items that failed
 * and the failure the command ends with.
 *
 * @param output the result for stdout, possibly empty
 * @param changed what the command changed, or {@code null} when it changed nothing
 * @param itemErrors one failure per failed item, reported after the output
 * @param notes lines for stderr after the item errors and before the failure ({@code failed: ID,ID})
 * @param failure how the command fails after printing its output, or {@code null}
 * @param action what the console itself is asked to do, or {@code null}
 */
public record CommandResult(String output, String changed, List<CliException> itemErrors, List<String> notes,
		CliException failure, SessionAction action) {

	public CommandResult {
		itemErrors = List.copyOf(itemErrors);
		notes = List.copyOf(notes);
	}

	/** A result of a command that changed nothing. */
	public static CommandResult of(String output) {
		return new CommandResult(output, null, List.of(), List.of(), null, null);
	}

	/** A result of a command that changed something. */
	public static CommandResult changed(String output, String what) {
		return new CommandResult(output, what, List.of(), List.of(), null, null);
	}

	/** A command that asks the console to do something: leave, clear the screen, run a script. */
	public static CommandResult asking(SessionAction action) {
		return new CommandResult("", null, List.of(), List.of(), null, action);
	}

	/** This result, then the failed items, the notes about them, and the failure the command ends with. */
	public CommandResult failing(List<CliException> errors, List<String> trailing, CliException ending) {
		return new CommandResult(output, changed, errors, trailing, ending, action);
	}
}
