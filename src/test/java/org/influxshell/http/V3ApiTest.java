package org.influxshell.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.influxshell.connection.Connection;
import org.junit.jupiter.api.Test;

/**
 * The InfluxDB 3 wire facts the token commands and {@code config status} share: the exact query
 * bodies sent to {@code /api/v3/query_sql}, the hash {@code system.tokens} shows of a token, and
 * the token as the server received it.
 */
class V3ApiTest {

	@Test
	void theQueriesOfSystemTokensByteForByte() {
		assertThat(V3Api.tokensQuery("*"))
			.isEqualTo("{\"db\":\"_internal\",\"q\":\"SELECT * FROM system.tokens\",\"format\":\"json\"}");
		assertThat(V3Api.tokensQuery("name, expiry", "b9d47e5dd")).isEqualTo(
				"{\"db\":\"_internal\",\"q\":\"SELECT name, expiry FROM system.tokens WHERE hash = 'b9d47e5dd'\",\"format\":\"json\"}");
		assertThatThrownBy(() -> V3Api.tokensQuery("name", "x' OR '1'='1"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theShownHashIsOfTheTokenAsTheServerReceivedIt() {
		assertThat(V3Api.shownHash("apiv3_example")).isEqualTo("b9d47e5dd");
		assertThat(V3Api.shownHash(Connection.asSent(" \tapiv3_example \t"))).isEqualTo("b9d47e5dd");
		assertThat(Connection.asSent("\r\n tok en\t ")).isEqualTo("tok en");
	}
}
