package org.influxshell.command;

import java.util.List;

/** Offers the values of one {@link ValueKind} for tab completion. */
public interface ValueCompleter {

	/** One value offered, with a description shown beside it (may be empty). */
	record Proposal(String value, String description) {
	}

	/** The kind of value this completer offers. */
	ValueKind kind();

	/**
	 * The values to offer. Must come back quickly (a slow source offers nothing) and never throw.
	 * @param typed the options typed so far on the line (which server, which configs file)
	 */
	List<Proposal> complete(Args typed);
}
