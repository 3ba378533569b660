package org.influxshell.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.influxshell.command.Args;
import org.influxshell.command.CompletionLists;
import org.influxshell.command.ValueCompleter.Proposal;
import org.influxshell.command.ValueKind;
import org.influxshell.connection.Connection;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.InfluxProperties;
import org.influxshell.connection.ServerOptions;
import org.junit.jupiter.api.Test;

/**
 * What a list one run fetched may serve: only a run that would have fetched it from the same
 * server with the same credential, the same way.
 */
class ServerCompletionsTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Duration REUSE = Duration.ofMinutes(10);

	private final CompletionLists lists = new CompletionLists();

	private final AtomicInteger fetches = new AtomicInteger();

	private static Connection token(String token) {
		return new Connection("http://influx:8086", token, "", false, false, null, "", false);
	}

	private static Connection signIn(String user, String password) {
		return new Connection("http://influx:8086", "", "", false, false, new Connection.SignIn(user, password), "", false);
	}

	/** A run's completer of token IDs over {@code conn}, its way there named by {@code transport}. */
	private ServerCompletions<String> run(Connection conn, Function<Connection, Object> transport, Duration reuse) {
		ConnectionResolver resolver = new ConnectionResolver(new InfluxProperties(), null) {
			@Override
			public Connection connectionWithoutAsking(ServerOptions options) {
				return conn;
			}
		};
		return new ServerCompletions<>(ValueKind.AUTH_ID, resolver, c -> {
			fetches.incrementAndGet();
			return List.of("0d099b627e605000");
		}, id -> new Proposal(id, ""), WAIT, new ServerCompletions.Sharing(lists, reuse, transport));
	}

	private static final Function<Connection, Object> DIRECT = conn -> "direct";

	@Test
	void aListServesTheNextRunOnlyWithTheSameCredentialAndWayThere() {
		assertThat(run(token("tok"), DIRECT, REUSE).complete(Args.none())).extracting(Proposal::value)
			.containsExactly("0d099b627e605000");
		run(token("tok"), DIRECT, REUSE).complete(Args.none());
		assertThat(fetches).as("the same token, the same way").hasValue(1);
		run(token("other"), DIRECT, REUSE).complete(Args.none());
		assertThat(fetches).as("another token").hasValue(2);
		run(token("tok"), conn -> "through a proxy", REUSE).complete(Args.none());
		assertThat(fetches).as("another way there").hasValue(3);
		run(token("tok"), conn -> {
			throw new IllegalStateException("HTTPS_PROXY does not read");
		}, REUSE).complete(Args.none());
		assertThat(fetches).as("a way there that cannot be told").hasValue(4);
		run(token("tok"), DIRECT, Duration.ZERO).complete(Args.none());
		assertThat(fetches).as("reuse off").hasValue(5);
	}

	@Test
	void aSignInSharesOnlyWithItsPasswordKnown() {
		run(signIn("ann", "secret"), DIRECT, REUSE).complete(Args.none());
		run(signIn("ann", "secret"), DIRECT, REUSE).complete(Args.none());
		assertThat(fetches).hasValue(1);
		run(signIn("ann", "wrong"), DIRECT, REUSE).complete(Args.none());
		assertThat(fetches).as("another password").hasValue(2);
		run(signIn("ann", null), DIRECT, REUSE).complete(Args.none());
		run(signIn("ann", null), DIRECT, REUSE).complete(Args.none());
		assertThat(fetches).as("no password known: each run its own").hasValue(4);
	}

	@Test
	void withinOneRunEachCredentialAndWayThereHasItsOwnList() {
		AtomicInteger way = new AtomicInteger();
		ServerCompletions<String> session = run(token("tok"), conn -> "way " + way.get(), Duration.ZERO);
		session.complete(Args.none());
		session.complete(Args.none());
		assertThat(fetches).as("once per session").hasValue(1);
		way.set(1);
		session.complete(Args.none());
		assertThat(fetches).as("the same token another way: fetched again").hasValue(2);
	}

	@Test
	void runsThatAskWhileAFetchIsOnItsWayWaitForThatOne() throws Exception {
		CountDownLatch answer = new CountDownLatch(1);
		ConnectionResolver resolver = new ConnectionResolver(new InfluxProperties(), null) {
			@Override
			public Connection connectionWithoutAsking(ServerOptions options) {
				return token("tok");
			}
		};
		Function<Connection, List<String>> slow = c -> {
			fetches.incrementAndGet();
			try {
				answer.await(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return List.of("0d099b627e605000");
		};
		ServerCompletions.Sharing sharing = new ServerCompletions.Sharing(lists, REUSE, DIRECT);
		// two Tabs that each give up at once, as a prompt does on a slow server
		for (int tab = 0; tab < 2; tab++) {
			assertThat(new ServerCompletions<>(ValueKind.AUTH_ID, resolver, slow, id -> new Proposal(id, ""),
					Duration.ofMillis(1), sharing).complete(Args.none())).isEmpty();
		}
		answer.countDown();
		assertThat(new ServerCompletions<>(ValueKind.AUTH_ID, resolver, slow, id -> new Proposal(id, ""), WAIT, sharing)
			.complete(Args.none())).extracting(Proposal::value).containsExactly("0d099b627e605000");
		assertThat(fetches).as("one fetch for three Tabs").hasValue(1);
	}
}
