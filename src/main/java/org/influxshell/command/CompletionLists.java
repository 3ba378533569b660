package org.influxshell.command;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongSupplier;

import org.influxshell.command.ValueCompleter.Proposal;

/**
 * The lists a server gave tab completion, kept a few seconds for the runs of one process that
 * follow: a shell asks the warm console again at each Tab, and each ask is a run of its own,
 * which would otherwise fetch the whole list again (for a server of 100,000 tokens, 90 MB a Tab).
 * A list is found again only under an equal key, which its maker builds from everything the
 * answer depended on (kind of value, server, a digest of the credential, how the request
 * travelled), so a run reads only what it could have fetched itself, the same way. The REPL's own
 * session keeps its lists anyway; this serves the runs after it. The few most recently used lists
 * are kept; a list older than the reuse time of the run that fetched it, or of the run reading
 * it, is not used, and is let go at the next look-up.
 */
public final class CompletionLists {

	/** How many lists are kept at most. */
	static final int KEPT = 4;

	private final LinkedHashMap<Object, Kept> lists = new LinkedHashMap<>(8, 0.75f, true);

	private final LongSupplier nanoClock;

	/** Kept nothing yet. */
	public CompletionLists() {
		this(System::nanoTime);
	}

	CompletionLists(LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
	}

	/** A list, when it was fetched, and until when its fetcher let it be used. */
	private record Kept(List<Proposal> proposals, long fetched, long until) {
	}

	/**
	 * The list kept under {@code key}, if it was fetched less than {@code reuse} ago and is still
	 * within its fetcher's own reuse time; else {@code null}.
	 */
	public synchronized List<Proposal> get(Object key, Duration reuse) {
		long now = nanoClock.getAsLong();
		letGoStale(now);
		Kept kept = lists.get(key);
		if (kept == null || now - kept.fetched() >= reuse.toNanos()) {
			return null;
		}
		return kept.proposals();
	}

	/** Keeps {@code proposals} under {@code key} for {@code reuse}; a zero reuse keeps nothing. */
	public synchronized void put(Object key, List<Proposal> proposals, Duration reuse) {
		if (reuse.isZero() || reuse.isNegative()) {
			return;
		}
		long now = nanoClock.getAsLong();
		letGoStale(now);
		lists.put(key, new Kept(List.copyOf(proposals), now, now + reuse.toNanos()));
		Iterator<Kept> oldest = lists.values().iterator();
		while (lists.size() > KEPT) {
			oldest.next();
			oldest.remove();
		}
	}

	/** How many lists are kept now (for tests). */
	synchronized int size() {
		return lists.size();
	}

	private void letGoStale(long now) {
		lists.values().removeIf(kept -> now - kept.until() >= 0);
	}
}
