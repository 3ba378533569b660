package org.influxshell.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.shell.table.ArrayTableModel;

class TabTableRendererTest {

	static Stream<Arguments> cases() {
		Object[][] profiles = {
				{ "Active", "Name", "URL", "Org" },
				{ "", "a", "http://127.0.0.1:18086", "orgA" },
				{ "*", "b", "https://example.com:8086/", "orgB" },
				{ "", "c", "http://localhost:8086", "" } };
		Object[][] token = {
				{ "ID", "Description", "Token", "User Name", "User ID", "Permissions" },
				{ "0a6f1b2c3d4e5000", "alice's Token",
						"3eZ8uYq4l7ZyQfX1k2nHn0bM5Gv9tS6wR3pL8cJ4dA1eF7hK2mN0oP5qR9sT3uV6wX8yZ1aB4cD7eF0gH2iJ5kL==", "alice",
						"0a6f1b2c3d4e4000",
						"[read:orgs/9b7d5c3a1e0f2468/buckets write:orgs/9b7d5c3a1e0f2468/buckets]" } };
		Object[][] headerOnly = { { "Active", "Name", "URL", "Org" } };
		Object[][] exactEight = { { "12345678", "x" }, { "1234567", "y" } };
		Object[][] unicode = { { "Name", "X" }, { "héllo wörld", "1" }, { "日本", "2" } };
		return Stream.of(
				Arguments.of("spec profiles example", profiles, false,
						"Active\tName\tURL\t\t\t\tOrg\n"
						+ "\ta\thttp://127.0.0.1:18086\t\torgA\n"
						+ "*\tb\thttps://example.com:8086/\torgB\n"
						+ "\tc\thttp://localhost:8086\t\t\n"),
				Arguments.of("spec token example", token, false,
						"ID\t\t\tDescription\tToken\t\t\t\t\t\t\t\t\t\t\t\tUser Name\tUser ID\t\t\tPermissions\n"
						+ "0a6f1b2c3d4e5000\talice's Token\t3eZ8uYq4l7ZyQfX1k2nHn0bM5Gv9tS6wR3pL8cJ4dA1eF7hK2mN0oP5qR9sT3uV6wX8yZ1aB4cD7eF0gH2iJ5kL==\talice\t\t0a6f1b2c3d4e4000\t[read:orgs/9b7d5c3a1e0f2468/buckets write:orgs/9b7d5c3a1e0f2468/buckets]\n"),
				Arguments.of("hidden headers narrow the columns", profiles, true,
						"\ta\thttp://127.0.0.1:18086\t\torgA\n"
						+ "*\tb\thttps://example.com:8086/\torgB\n"
						+ "\tc\thttp://localhost:8086\t\t\n"),
				Arguments.of("header only", headerOnly, false, "Active\tName\tURL\tOrg\n"),
				Arguments.of("hidden headers and no rows: nothing", headerOnly, true, ""),
				Arguments.of("a cell of exactly 8 gets a column of 16", exactEight, false,
						"12345678\tx\n1234567\t\ty\n"),
				Arguments.of("code points, not bytes", unicode, false,
						"Name\t\tX\nhéllo wörld\t1\n日本\t\t2\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void rendersLikeGoTabwriter(String name, Object[][] rows, boolean hideHeaders, String expected) {
		assertThat(TabTableRenderer.render(new ArrayTableModel(rows), hideHeaders)).isEqualTo(expected);
	}
}
