package org.influxshell.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GoJsonTest {

	@Test
	void writesTheSpecTokenObject() {
		Map<String, Object> token = new LinkedHashMap<>();
		token.put("id", "0a6f1b2c3d4e5000");
		token.put("description", "alice's Token");
		token.put("token", "3eZ8...kL==");
		token.put("status", "inactive");
		token.put("userName", "alice");
		token.put("userID", "0a6f1b2c3d4e4000");
		token.put("permissions",
				List.of("read:orgs/9b7d5c3a1e0f2468/buckets", "write:orgs/9b7d5c3a1e0f2468/buckets"));
		assertThat(GoJson.write(token)).isEqualTo("""
				{
				\t"id": "0a6f1b2c3d4e5000",
				\t"description": "alice's Token",
				\t"token": "3eZ8...kL==",
				\t"status": "inactive",
				\t"userName": "alice",
				\t"userID": "0a6f1b2c3d4e4000",
				\t"permissions": [
				\t\t"read:orgs/9b7d5c3a1e0f2468/buckets",
				\t\t"write:orgs/9b7d5c3a1e0f2468/buckets"
				\t]
				}
				""");
	}

	@Test
	void emptyContainersAreCompact() {
		assertThat(GoJson.write(List.of())).isEqualTo("[]\n");
		assertThat(GoJson.write(Map.of())).isEqualTo("{}\n");
		assertThat(GoJson.write(Map.of("p", List.of()))).isEqualTo("{\n\t\"p\": []\n}\n");
	}

	@Test
	void escapesLikeGo() {
		assertThat(GoJson.write("<a & b> \u2028\u2029 \"q\" \\ \n\t\u0001 é日"))
			.isEqualTo("\"\\u003ca \\u0026 b\\u003e \\u2028\\u2029 \\\"q\\\" \\\\ \\n\\t\\u0001 é日\"\n");
	}

	@Test
	void nestsArraysOfObjects() {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("x", true);
		a.put("n", 3);
		assertThat(GoJson.write(List.of(a, a))).isEqualTo("[\n\t{\n\t\t\"x\": true,\n\t\t\"n\": 3\n\t},\n\t{\n\t\t\"x\": true,\n\t\t\"n\": 3\n\t}\n]\n");
	}
}
