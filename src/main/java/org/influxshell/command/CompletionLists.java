package org.influxshell.command;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.influxshell.command.ValueCompleter.Proposal;

/**
 * The lists a server gave tab completion, kept a few seconds for the runs of one process that
 * follow: a shell asks the warm console again at each Tab, and each ask is a run of its own,
 * which would otherwise fetch the whole list again (for a server of 100,000 tokens, 90 MB a Tab).
 * A list is found again only under an equal key, which its maker builds from everything the
 * answer depended on (kind of value, server, a digest of the credential, how the request
 * travelled), so a run reads only what it could have fetched itself, the same way. A fetch still
 * on its way serves the Tabs that come meanwhile: one fetch, however often Tab is pressed.
 * <p>
 * A list is as old as its fetch: it serves no longer than the reuse time of the run that started
 * the fetch, nor than that of the run reading it. A failed fetch is not kept. Any change to a
 * token forgets every list ({@link #forget}); the few most recently used are kept, and
 * {@link #trim} lets go of those past their time (the warm console calls it between requests).
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

	/** A list, or its fetch, when that fetch started, and until when its starter let it be used. */
	private record Kept(CompletableFuture<List<Proposal>> list, long started, long until) {
	}

	/**
	 * The list under {@code key}: the one kept or on its way, when it was started less than
	 * {@code reuse} ago and within its starter's reuse time; else the one {@code fetch} starts now,
	 * kept for {@code reuse} (with a zero reuse, fetched and not kept).
	 */
	public synchronized CompletableFuture<List<Proposal>> get(Object key, Duration reuse,
			Supplier<CompletableFuture<List<Proposal>>> fetch) {
		long now = nanoClock.getAsLong();
		letGoStale(now);
		Kept kept = lists.get(key);
		if (kept != null && now - kept.started() < reuse.toNanos()) {
			return kept.list();
		}
		CompletableFuture<List<Proposal>> list = fetch.get();
		if (reuse.isZero() || reuse.isNegative()) {
			return list;
		}
		Kept fetching = new Kept(list, now, now + reuse.toNanos());
		lists.put(key, fetching);
		Iterator<Kept> oldest = lists.values().iterator();
		while (lists.size() > KEPT) {
			oldest.next();
			oldest.remove();
		}
		list.whenComplete((done, failure) -> {
			if (failure != null) {
				forget(key, fetching);
			}
		});
		return list;
	}

	/** Forgets every list: a token was created, changed or deleted, and a list may show it as it was. */
	public synchronized void forget() {
		lists.clear();
	}

	/**
	 * Lets go of the lists past their time.
	 * @return whether any was let go (the memory it took can go back to the system)
	 */
	public synchronized boolean trim() {
		int before = lists.size();
		letGoStale(nanoClock.getAsLong());
		return lists.size() < before;
	}

	/** How many lists are kept now (for tests). */
	synchronized int size() {
		return lists.size();
	}

	private synchronized void forget(Object key, Kept fetching) {
		lists.remove(key, fetching);
	}

	private void letGoStale(long now) {
		lists.values().removeIf(kept -> now - kept.until() >= 0);
	}
}
