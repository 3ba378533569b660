package org.influxshell.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A journal line is the bytes Jackson's data binding wrote for the entry before the line was
 * written with the generator alone: the journals already on disk and the new lines read alike.
 */
class JournalLineTest {

	static final ObjectMapper DATABIND = new ObjectMapper();

	static final String AWKWARD = "quote \" backslash \\ slash / tab \t newline \n nul \u0000 esc \u001b del \u007f "
			+ "é ñ 日本 😀 \u2028 \u2029 </script> \ud800 end";

	static Stream<JournalEntry> entries() {
		return Stream.of(
				new JournalEntry("2026-11-29T11:51:44.538Z", "5035106dfad2d41d", "68edadd6197574cd",
						"auth inactive --id 0d099b627e601000 -t ***", "https://influx.example.com:8086", "prod",
						JournalEntry.INACTIVATE, "0d099b627e601000", "telegraf writer", "alice", "active", "inactive",
						List.of("write:orgs/9c5955fc99a60b8f/buckets")),
				new JournalEntry("t", "r", "s", "auth create", "http://localhost:8086", "", JournalEntry.CREATE, "i", "", "",
						null, "active", List.of()),
				new JournalEntry("t", "r", "s", "auth delete", "http://localhost:8086", "", JournalEntry.DELETE, "i", "d", "u",
						"inactive", null, List.of("read:/authorizations", "write:orgs/o/buckets/b", "read:/users")),
				new JournalEntry(AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD,
						AWKWARD, AWKWARD, List.of(AWKWARD, "", AWKWARD)),
				new JournalEntry("t", "r", "s", "v1 auth set-inactive --id i", "http://localhost:8086", "", JournalEntry.INACTIVATE,
						"i", "grafana", "bob", "active", "inactive", List.of("read:orgs/o/buckets/b"), "v1", null),
				new JournalEntry("t", "r", "s", "auth inactive --user u", "http://localhost:8086", "", JournalEntry.END, "", "",
						"", null, JournalEntry.INTERRUPTED, List.of(), null, "interrupted: 3 changed, 0 unknown (in flight), 5 not started"),
				new JournalEntry(AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD,
						AWKWARD, AWKWARD, List.of(AWKWARD), AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD, AWKWARD),
				new JournalEntry("t", "r", "s", "auth rotate --id 0d099b627e601000", "http://localhost:8086", "prod",
						JournalEntry.REWRITE, "0d099b627e602000", "d", "u", null, null, List.of("read:/authorizations"),
						null, null, "prod", "/home/u/.influxdbv2/configs.before-r", "ab12", "0d099b627e601000"),
				new JournalEntry(null, null, null, null, null, null, null, null, null, null, null, null, null));
	}

	@ParameterizedTest
	@MethodSource("entries")
	void theLineIsWhatDataBindingWrote(JournalEntry entry) throws IOException {
		assertThat(Journal.line(entry)).isEqualTo(DATABIND.writeValueAsString(entry));
	}
}
