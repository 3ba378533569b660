package org.influxshell.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The entries of one command line, as the journal holds them.
 *
 * @param run the run's ID
 * @param session its session's ID
 * @param time when its first change was made
 * @param server the server it changed
 * @param profile the profile it used, empty for none
 * @param command its command line, secrets masked
 * @param entries its changes, in the order made
 * @param ended how it ended when that was not well: {@link JournalEntry#INTERRUPTED} or
 *        {@link JournalEntry#PARTLY_FAILED}; {@code null} for a run that ended well
 * @param note the run's summary when it did not end well, else {@code null}
 */
public record JournalRun(String run, String session, String time, String server, String profile, String command,
		List<JournalEntry> entries, String ended, String note) {

	/**
	 * The runs of these entries, newest first: a run's place is where its first entry stands in
	 * the journal, which concurrent processes append to in the order of their writes.
	 */
	public static List<JournalRun> of(List<JournalEntry> entries) {
		return newest(entries::forEach, first -> true, Integer.MAX_VALUE);
	}

	/**
	 * The newest {@code limit} runs whose first entry {@code wanted} accepts, newest first, from
	 * entries handed over in the order written ({@link Journal#forEach}). Only those runs are kept
	 * while the entries go by (and the IDs of the runs passed over, so that their later entries are
	 * known as theirs): a journal of any size is read in the memory its answer takes.
	 */
	public static List<JournalRun> newest(Consumer<Consumer<JournalEntry>> entries, Predicate<JournalEntry> wanted,
			int limit) {
		Map<String, List<JournalEntry>> kept = new LinkedHashMap<>();
		Set<String> passed = new HashSet<>();
		Map<String, JournalEntry> ends = new HashMap<>();
		entries.accept(e -> {
			if (passed.contains(e.run())) {
				return;
			}
			if (!e.isChange()) {
				// a run stopped in two phases (undo) says so twice: the last word counts
				ends.put(e.run(), e);
				return;
			}
			List<JournalEntry> run = kept.get(e.run());
			if (run != null) {
				run.add(e);
				return;
			}
			// a run is what its first entry says: its ID, session, server and time
			if (!wanted.test(e)) {
				passed.add(e.run());
				ends.remove(e.run());
				return;
			}
			run = new ArrayList<>();
			run.add(e);
			kept.put(e.run(), run);
			if (kept.size() > limit) {
				String oldest = kept.keySet().iterator().next();
				kept.remove(oldest);
				passed.add(oldest);
				ends.remove(oldest);
			}
		});
		List<JournalRun> runs = new ArrayList<>();
		for (List<JournalEntry> list : kept.values()) {
			JournalEntry first = list.get(0);
			JournalEntry end = ends.get(first.run());
			runs.add(new JournalRun(first.run(), first.session(), first.time(), first.server(), first.profile(),
					first.command(), List.copyOf(list), end == null ? null : end.after(), end == null ? null : end.note()));
		}
		Collections.reverse(runs);
		return runs;
	}

	/**
	 * How many entries of each action, in a fixed order, API tokens first, then each other kind
	 * named before its actions: {@code 2 inactivated, 1 v1 inactivated, 1 v1 password set}; a
	 * rotation's profiles last: {@code 1 inactivated, 1 created, 2 profiles rewritten}.
	 */
	public String counts() {
		List<String> kinds = new ArrayList<>();
		entries.forEach(e -> {
			if (!kinds.contains(e.kind())) {
				kinds.add(e.kind());
			}
		});
		kinds.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
		List<String> parts = new ArrayList<>();
		for (String kind : kinds) {
			String named = kind == null ? "" : kind + " ";
			for (String action : List.of(JournalEntry.INACTIVATE, JournalEntry.ACTIVATE, JournalEntry.DELETE,
					JournalEntry.CREATE, JournalEntry.SET_PASSWORD, JournalEntry.REGENERATE)) {
				long n = entries.stream().filter(e -> action.equals(e.action()) && Objects.equals(kind, e.kind())).count();
				if (n > 0) {
					parts.add(n + " " + named + (action.equals(JournalEntry.SET_PASSWORD) ? "password set" : action + "d"));
				}
			}
		}
		long rewritten = entries.stream().filter(e -> JournalEntry.REWRITE.equals(e.action())).count();
		if (rewritten > 0) {
			parts.add(rewritten + (rewritten == 1 ? " profile" : " profiles") + " rewritten");
		}
		return String.join(", ", parts);
	}
}
