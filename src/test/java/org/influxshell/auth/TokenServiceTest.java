package org.influxshell.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.connection.Connection;
import org.influxshell.http.InfluxApiException;
import org.junit.jupiter.api.Test;

/** The bulk engine against an in-memory client that records how many calls overlap. */
class TokenServiceTest {

	static final Connection CONN = new Connection("http://h:1", "t", "", false, false);

	static class CountingClient implements AuthorizationsClient {

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger maxInFlight = new AtomicInteger();

		final AtomicInteger patches = new AtomicInteger();

		private Authorization call(String id, String status) {
			int now = inFlight.incrementAndGet();
			maxInFlight.accumulateAndGet(now, Math::max);
			try {
				Thread.sleep(5);
				if (id.endsWith("dead")) {
					throw new InfluxApiException(404, "404 Not Found", "not found", "authorization not found");
				}
				return new Authorization(id, "", status, "", "", "", "", "", List.of());
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				inFlight.decrementAndGet();
			}
		}

		@Override
		public List<Authorization> list(Connection conn, ListFilter filter) {
			return List.of();
		}

		@Override
		public Authorization get(Connection conn, String id) {
			return call(id, "active");
		}

		@Override
		public Authorization setStatus(Connection conn, String id, Status status) {
			patches.incrementAndGet();
			return call(id, status.value());
		}

		@Override
		public Authorization create(Connection conn, CreateRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void delete(Connection conn, String id) {
			call(id, "");
		}
	}

	@Test
	void neverMoreThanTheBoundInFlightAndEveryIdDoneOnce() {
		CountingClient client = new CountingClient();
		TokenService service = new TokenService(client, null, 4);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			ids.add(String.format("%016x", 0x0d00000000000000L + 1000 - i));
		}
		ids.add("0d0000000000dead");
		TokenService.BulkResult result = service.forEach(service.select(CONN, ids, null, null),
				id -> service.setStatus(CONN, id, Status.INACTIVE));
		assertThat(client.maxInFlight.get()).isBetween(2, 4);
		assertThat(client.patches.get()).isEqualTo(60);
		assertThat(result.done()).hasSize(60);
		assertThat(result.done().stream().map(Authorization::id).toList()).isSorted();
		assertThat(result.failures()).containsExactly(
				"could not find auth with ID \"0d0000000000dead\": 404 Not Found: authorization not found");
	}

	@Test
	void selectNormalisesAndDeduplicates() {
		TokenService service = new TokenService(new CountingClient(), null, 2);
		assertThat(service.select(CONN, List.of("0D099B627E605000,0d099b627e605000", " bad ,", "bad"), null, null))
			.containsExactly("0D099B627E605000", "bad");
	}
}
