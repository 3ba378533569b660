package org.influxshell.auth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.influxshell.cli.CliException;
import org.influxshell.command.Notes;
import org.influxshell.configs.ConfigsCopies;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.configs.Profile;
import org.influxshell.configs.Profiles;
import org.influxshell.connection.Connection;
import org.influxshell.journal.JournalEntry;

/**
 * The profiles half of undoing a rotation: each profile a rotation rewrote gets back the token it
 * held, read from the copy of the configs file the rotation kept (the journal holds no token
 * value), but only while the profile still holds the token the rotation wrote (recognised by its
 * fingerprint); one changed since is left alone and named. The restore is journaled like a
 * rotation's rewrite (with a copy of its own), so that it can be undone in turn.
 */
final class ProfileRestore {

	private final ChangeJournal journal;

	private final ConfigsFile configs;

	private final Notes notes;

	ProfileRestore(ChangeJournal journal, ConfigsFile configs, Notes notes) {
		this.journal = journal;
		this.configs = configs;
		this.notes = notes;
	}

	/**
	 * What a restore did.
	 *
	 * @param connection the connection to inactivate the rotated tokens with: the old token when the
	 *        command used the new one, else the command's own
	 * @param notRestored profiles that could not be restored
	 * @param failure why nothing was restored, or {@code null}
	 */
	record Done(Connection connection, int notRestored, CliException failure) {
	}

	/**
	 * Plans the restore of these rewrites.
	 * @param rewrites the runs' rewrite entries, newest first
	 * @param deletedIds the tokens the runs deleted, lower case: a profile is never given one back
	 */
	Plan plan(List<JournalEntry> rewrites, Set<String> deletedIds) {
		List<JournalEntry> restorable = new ArrayList<>();
		Set<String> written = new LinkedHashSet<>();
		Set<String> kept = new LinkedHashSet<>();
		for (JournalEntry e : rewrites) {
			String id = e.id().toLowerCase(Locale.ROOT);
			written.add(id);
			if (e.replaced() != null && deletedIds.contains(e.replaced().toLowerCase(Locale.ROOT))) {
				kept.add(id);
			}
			else {
				restorable.add(e);
			}
		}
		return new Plan(restorable, written, kept);
	}

	final class Plan {

		private final List<JournalEntry> restorable;

		private final Set<String> written;

		private final Set<String> kept;

		private Plan(List<JournalEntry> restorable, Set<String> written, Set<String> kept) {
			this.restorable = restorable;
			this.written = written;
			this.kept = kept;
		}

		/** Whether the runs wrote this token (lower-case ID) into a profile. */
		boolean written(String id) {
			return written.contains(id);
		}

		/** Whether this token stays in its profiles: the token it replaced was deleted. */
		boolean kept(String id) {
			return kept.contains(id);
		}

		boolean isEmpty() {
			return restorable.isEmpty();
		}

		int size() {
			return restorable.size();
		}

		void sayWhatWouldBeDone() {
			for (JournalEntry e : restorable) {
				notes.line("would restore profile \"" + e.rewritten() + "\" to token " + e.replaced() + " (from "
						+ e.copy() + "), if it still holds " + e.id());
			}
		}

		/**
		 * Restores the profiles that still hold the token the rotation wrote.
		 * @param runId this undo's run, which names its own copy of the configs file
		 */
		Done run(Connection conn, String runId) {
			Map<String, Profiles> copies = new HashMap<>();
			Map<JournalEntry, String> values = new LinkedHashMap<>();
			try {
				for (JournalEntry e : restorable) {
					Profiles copy = copies.computeIfAbsent(e.copy(), c -> ConfigsCopies.read(Path.of(c)));
					Profile then = copy.get(e.rewritten()).orElseThrow(() -> CliException.failure("the copy " + e.copy()
							+ " has no profile \"" + e.rewritten() + "\""));
					values.put(e, then.token());
				}
			}
			catch (CliException ex) {
				return new Done(conn, restorable.size(), ex);
			}
			Map<Path, List<JournalEntry>> byFile = new LinkedHashMap<>();
			for (JournalEntry e : restorable) {
				byFile.computeIfAbsent(ConfigsCopies.configsOf(Path.of(e.copy())), f -> new ArrayList<>()).add(e);
			}
			int notRestored = 0;
			for (Map.Entry<Path, List<JournalEntry>> file : byFile.entrySet()) {
				try {
					notRestored += restore(conn, file.getKey(), file.getValue(), values, runId);
				}
				catch (CliException ex) {
					return new Done(conn, restorable.size(), ex);
				}
			}
			return new Done(switched(conn, values), notRestored, null);
		}

		/** Restores one configs file's profiles; how many could not be. */
		private int restore(Connection conn, Path file, List<JournalEntry> entries, Map<JournalEntry, String> values,
				String runId) {
			var store = configs.store(file.toString());
			Profiles before = store.read();
			List<JournalEntry> done = new ArrayList<>();
			Profiles after = apply(before, entries, values, done);
			for (JournalEntry e : entries) {
				if (!done.contains(e)) {
					notes.line("left alone: profile \"" + e.rewritten() + "\" no longer holds token " + e.id());
				}
			}
			if (done.isEmpty()) {
				return 0;
			}
			Path copy = ConfigsCopies.save(file, runId);
			store.update(now -> apply(now, entries, values, new ArrayList<>()));
			for (JournalEntry e : done) {
				journal.recordRewrite(conn, e.kind(), e.replaced(), e.description(), e.user(), e.permissions(), values.get(e),
						e.id(), e.rewritten(), copy.toString());
				notes.line("restored profile \"" + e.rewritten() + "\": token " + e.id() + " -> " + e.replaced());
			}
			return 0;
		}

		/** The profiles with each entry's old token put back where the profile still holds the new one, newest entry first. */
		private Profiles apply(Profiles profiles, List<JournalEntry> entries, Map<JournalEntry, String> values,
				List<JournalEntry> done) {
			Profiles result = profiles;
			for (JournalEntry e : entries) {
				Optional<Profile> p = result.get(e.rewritten());
				if (p.isPresent() && !p.get().token().isEmpty()
						&& ChangeJournal.fingerprint(p.get().token()).equals(e.fingerprint())) {
					result = result.with(p.get().withToken(values.get(e)));
					done.add(e);
				}
			}
			return result;
		}

		/** The command's connection, with the old token in place of the new one when it used the new one. */
		private Connection switched(Connection conn, Map<JournalEntry, String> values) {
			if (conn.token().isEmpty()) {
				return conn;
			}
			String mine = ChangeJournal.fingerprint(conn.token());
			for (Map.Entry<JournalEntry, String> e : values.entrySet()) {
				if (mine.equals(e.getKey().fingerprint())) {
					return conn.withToken(e.getValue());
				}
			}
			return conn;
		}

		/** Removes the copies the undone rotations kept: they are put back, nothing needs them now. */
		void removeCopies() {
			Set<String> paths = new LinkedHashSet<>();
			restorable.forEach(e -> paths.add(e.copy()));
			for (String copy : paths) {
				if (ConfigsCopies.remove(Path.of(copy))) {
					notes.line("removed the copy " + copy);
				}
			}
		}
	}
}
