package org.influxshell.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AuthIdProviderTest {

	@Test
	void completionTalksToTheServerTheLineNames() {
		var options = AuthIdProvider.typedOptions(List.of("auth", "inactive", "--host", "http://h:1", "-t=-tok", "-c",
				"lab", "--configs-path=/c", "--skip-verify", "--id", "0d"));
		assertThat(options.host()).isEqualTo("http://h:1");
		assertThat(options.token()).isEqualTo("-tok");
		assertThat(options.activeConfig()).isEqualTo("lab");
		assertThat(options.local().configsPath()).isEqualTo("/c");
		assertThat(options.skipVerify()).isTrue();
	}

	@Test
	void theWordBeingTypedIsNotAValue() {
		var options = AuthIdProvider.typedOptions(List.of("auth", "inactive", "--host", "--id", "0d"));
		assertThat(options.host()).isEqualTo("--id");
		var unfinished = AuthIdProvider.typedOptions(List.of("auth", "inactive", "--id", "--host"));
		assertThat(unfinished.host()).isNull();
		assertThat(AuthIdProvider.typedOptions(List.of("auth", "active", "--id", "")).host()).isNull();
	}
}
