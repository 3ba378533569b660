package org.influxshell.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.cli.CliException;
import org.influxshell.cli.Stderr;
import org.influxshell.command.CompletionLists;
import org.influxshell.command.RunContext;
import org.influxshell.command.StopSignals.Stop;
import org.influxshell.connection.Connection;
import org.influxshell.http.TransportException;
import org.influxshell.journal.Journal;
import org.influxshell.journal.JournalEntry;
import org.influxshell.shell.StderrNotes;
import org.influxshell.support.FakeSignals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one path, against a server held in memory: what the journal says is what the server has,
 * also when a signal stops the run while changes are in flight.
 */
@Timeout(60)
class ChangePathTest {

	@TempDir
	Path dir;

	final Connection conn = new Connection("http://server", "t", "", false, false);

	final FakeSignals signals = new FakeSignals();

	/** A server whose PATCHes of the IDs in {@code held} are made, then never answered. */
	final class Server implements AuthorizationsClient {

		final Map<String, String> status = new ConcurrentHashMap<>();

		final List<String> held = new ArrayList<>();

		final CountDownLatch heldReached;

		Server(int tokens, List<String> held) {
			for (int i = 0; i < tokens; i++) {
				status.put(id(i), "active");
			}
			this.held.addAll(held);
			this.heldReached = new CountDownLatch(held.size());
		}

		@Override
		public List<Authorization> list(Connection c, ListFilter filter) {
			return status.keySet().stream().sorted().map(this::get).toList();
		}

		@Override
		public Authorization get(Connection c, String id) {
			return get(id);
		}

		Authorization get(String id) {
			return new Authorization(id, "", status.get(id), "token " + id, "", "", "", "u", List.of());
		}

		@Override
		public Authorization setStatus(Connection c, String id, Status to) {
			status.put(id, to.value());
			if (held.contains(id)) {
				heldReached.countDown();
				try {
					new CountDownLatch(1).await();
				}
				catch (InterruptedException ex) {
					throw new TransportException("PATCH " + id + ": cancelled", ex);
				}
			}
			return get(id);
		}

		@Override
		public Authorization create(Connection c, CreateRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void delete(Connection c, String id) {
			status.remove(id);
		}
	}

	static final ChangePath.Read NOTHING_READ = new ChangePath.Read(Map.of(), List.of(), List.of(), null);

	static String id(int i) {
		return String.format("0d099b627e6%05x", i);
	}

	@Test
	void aStopWithChangesInFlightLeavesTheJournalEqualToTheServer() throws Exception {
		Server server = new Server(8, List.of(id(2), id(3)));
		Journal journal = new Journal(() -> dir.resolve("journal"), Duration.ofSeconds(30), w -> {
		});
		RunContext runs = new RunContext();
		runs.beginRun("auth inactive --user u");
		ChangePath path = new ChangePath(new TokenService(server), new BulkRunner(2, signals, Duration.ofMillis(1)),
				new ChangeJournal(journal, runs, new CompletionLists()), new StderrNotes(new Stderr(
						new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))));
		List<ChangePath.Step> steps = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			steps.add(new ChangePath.Step(id(i), server.get(id(i)), Change.INACTIVATE));
		}
		Thread raiser = new Thread(() -> {
			try {
				if (server.heldReached.await(30, TimeUnit.SECONDS)) {
					signals.raise(Stop.TERMINATE);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		raiser.start();
		ChangePath.Outcome outcome = path.summarise(conn, path.execute(conn, steps), NOTHING_READ);
		raiser.join();

		assertThat(outcome.stop()).isEqualTo(Stop.TERMINATE);
		// the two cut off were read again: the server had made them, so they count and are journaled
		assertThat(outcome.inFlight()).isEmpty();
		assertThat(outcome.changed().stream().map(Authorization::id)).contains(id(2), id(3));
		assertThat(outcome.notStarted()).isNotEmpty();
		assertThat(outcome.ending("inactivated").getMessage()).isEqualTo("interrupted: " + outcome.changed().size()
				+ " inactivated, 0 unknown (in flight), " + outcome.notStarted().size() + " not started");
		List<String> journaled = journal.read().stream().filter(JournalEntry::isChange).map(JournalEntry::id).sorted()
			.toList();
		List<String> inactive = server.status.entrySet().stream().filter(e -> e.getValue().equals("inactive"))
			.map(Map.Entry::getKey).sorted().collect(Collectors.toList());
		assertThat(journaled).isEqualTo(inactive);
		// and the run says how it ended, after its changes
		JournalEntry end = journal.read().get(journal.read().size() - 1);
		assertThat(end.action()).isEqualTo(JournalEntry.END);
		assertThat(end.after()).isEqualTo(JournalEntry.INTERRUPTED);
		assertThat(end.note()).isEqualTo(outcome.ending("changed").getMessage());
	}

	@Test
	void aRunWithFailuresAfterChangesIsMarkedPartlyFailedAndOneWithoutChangesIsNot() {
		Server server = new Server(3, List.of());
		Journal journal = new Journal(() -> dir.resolve("journal"), Duration.ofSeconds(30), w -> {
		});
		RunContext runs = new RunContext();
		runs.beginRun("auth inactive --user u");
		ChangePath path = new ChangePath(new TokenService(server), new BulkRunner(1, signals),
				new ChangeJournal(journal, runs, new CompletionLists()), new StderrNotes(new Stderr(
						new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))));
		Authorization vanished = server.get(id(2));
		server.status.remove(id(2));
		ChangePath.Outcome outcome = path.execute(conn, List.of(
				new ChangePath.Step(id(0), server.get(id(0)), Change.INACTIVATE),
				new ChangePath.Step(id(2), vanished, Change.DELETE)));
		assertThat(outcome.changed()).hasSize(2);
		assertThat(journal.read()).extracting(JournalEntry::action).containsExactly("inactivate", "delete");

		// the one token left fails (the server answers "active"): nothing changed, so no end line either
		runs.beginRun("auth inactive --id " + id(1));
		server.status.put(id(1), "active");
		ChangePath failing = path.with(new TokenService(server) {
			@Override
			public Authorization setStatus(Connection c, String rawId, Authorization before, Status status) {
				return before;
			}
		});
		ChangePath.Outcome refused = failing.summarise(conn, failing.execute(conn, List.of(new ChangePath.Step(id(1),
				server.get(id(1)), Change.INACTIVATE))), NOTHING_READ);
		assertThat(refused.failures()).hasSize(1);
		assertThat(journal.read()).hasSize(2);

		// a change made, then a failure: the run is marked
		runs.beginRun("auth active --user u");
		ChangePath.Outcome partly = path.summarise(conn, path.execute(conn, List.of(
				new ChangePath.Step(id(0), server.get(id(0)), Change.ACTIVATE),
				new ChangePath.Step("bad-id", server.get(id(0)), Change.ACTIVATE))),
				new ChangePath.Read(Map.of(), List.of("not-an-id"), List.of(CliException.failure("could not find it")), null));
		assertThat(partly.failures()).hasSize(2);
		List<JournalEntry> all = journal.read();
		JournalEntry end = all.get(all.size() - 1);
		assertThat(end.action()).isEqualTo(JournalEntry.END);
		assertThat(end.after()).isEqualTo(JournalEntry.PARTLY_FAILED);
		assertThat(end.note()).isEqualTo("2 of 3 tokens failed");
		assertThat(end.isChange()).isFalse();
	}

	@Test
	void anotherKindOfCredentialIsJournaledWithItsKind() {
		Server server = new Server(1, List.of());
		Journal journal = new Journal(() -> dir.resolve("journal"), Duration.ofSeconds(30), w -> {
		});
		RunContext runs = new RunContext();
		runs.beginRun("v1 auth set-inactive --id " + id(0));
		ChangePath tokens = new ChangePath(new TokenService(server), new BulkRunner(1, signals),
				new ChangeJournal(journal, runs, new CompletionLists()), new StderrNotes(new Stderr(
						new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))));
		ChangePath v1 = tokens.with(new TokenService(server) {
			@Override
			public String kind() {
				return "v1";
			}
		});
		v1.execute(conn, List.of(new ChangePath.Step(id(0), server.get(id(0)), Change.INACTIVATE)));
		assertThat(journal.read()).extracting(JournalEntry::kind).containsExactly("v1");
		assertThat(v1.credentials().kind()).isEqualTo("v1");
	}

	@Test
	void tokensAlreadyAsAskedAreNotSent() {
		Server server = new Server(3, List.of());
		server.status.put(id(1), "inactive");
		Journal journal = new Journal(() -> dir.resolve("journal"), Duration.ofSeconds(30), w -> {
		});
		RunContext runs = new RunContext();
		runs.beginRun("auth inactive --user u");
		ChangePath path = new ChangePath(new TokenService(server), new BulkRunner(2, signals),
				new ChangeJournal(journal, runs, new CompletionLists()), new StderrNotes(new Stderr(
						new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))));
		List<ChangePath.Step> steps = List.of(new ChangePath.Step(id(0), server.get(id(0)), Change.INACTIVATE),
				new ChangePath.Step(id(1), server.get(id(1)), Change.INACTIVATE));
		ChangePath.Outcome outcome = path.execute(conn, steps);
		assertThat(outcome.changed()).extracting(Authorization::id).containsExactly(id(0));
		assertThat(outcome.already()).extracting(Authorization::id).containsExactly(id(1));
		assertThat(journal.read()).extracting(JournalEntry::id).containsExactly(id(0));
	}
}
