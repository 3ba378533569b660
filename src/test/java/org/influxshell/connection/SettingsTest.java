package org.influxshell.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.influxshell.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings are read as their users write them, and a mistake is a usage error that names the setting. */
class SettingsTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", textBlock = """
			10s      => PT10S
			1500ms   => PT1.5S
			1m30s    => PT1M30S
			1.5h     => PT1H30M
			250us    => PT0.00025S
			2h45m    => PT2H45M
			2562047h => PT2562047H
			""")
	void durationsAsGoWritesThem(String text, String iso) {
		assertThat(Settings.duration("influx.response-timeout", text)).isEqualTo(Duration.parse(iso));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", textBlock = """
			30       => invalid value "30" for influx.response-timeout (INFLUX_RESPONSE_TIMEOUT): a duration needs a unit, such as 30s or 30ms
			0s       => invalid value "0s" for influx.response-timeout (INFLUX_RESPONSE_TIMEOUT): must be more than zero
			0        => invalid value "0" for influx.response-timeout (INFLUX_RESPONSE_TIMEOUT): must be more than zero
			2562048h => invalid value "2562048h" for influx.response-timeout (INFLUX_RESPONSE_TIMEOUT): too long (at most 2562047h)
			9999999999999999999s => invalid value "9999999999999999999s" for influx.response-timeout (INFLUX_RESPONSE_TIMEOUT): too long (at most 2562047h)
			-1s      => invalid value "-1s" for influx.response-timeout (INFLUX_RESPONSE_TIMEOUT): not a duration such as 10s, 1500ms or 1m30s
			10 s     => invalid value "10 s" for influx.response-timeout (INFLUX_RESPONSE_TIMEOUT): not a duration such as 10s, 1500ms or 1m30s
			PT10S    => invalid value "PT10S" for influx.response-timeout (INFLUX_RESPONSE_TIMEOUT): not a duration such as 10s, 1500ms or 1m30s
			""")
	void badDurationsAreUsageErrors(String text, String message) {
		assertThatThrownBy(() -> Settings.duration("influx.response-timeout", text))
			.isInstanceOfSatisfying(CliException.class, ex -> assertThat(ex.exitCode()).isEqualTo(2))
			.hasMessage(message);
	}

	@Test
	void everySettingIsCheckedAtOnce() {
		InfluxProperties p = new InfluxProperties();
		p.check();
		assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(p.completionTimeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(p.completionReuse()).isEqualTo(Duration.ofSeconds(10));
		p.setCompletionReuse("0s");
		assertThat(p.completionReuse()).as("zero turns reuse off").isZero();
		p.setCompletionReuse("0");
		assertThat(p.completionReuse()).as("a bare 0, as Go reads it").isZero();
		p.setCompletionTimeout("0s");
		assertThatThrownBy(p::check).hasMessage(
				"invalid value \"0s\" for influx.completion-timeout (INFLUX_COMPLETION_TIMEOUT): must be more than zero");
		p.setCompletionTimeout("1500ms");
		p.setCompletionReuse("10");
		assertThatThrownBy(p::check).hasMessage("invalid value \"10\" for influx.completion-reuse (INFLUX_COMPLETION_REUSE): "
				+ "a duration needs a unit, such as 10s or 10ms");
		p.setCompletionReuse("10s");
		assertThat(p.bulkConcurrency()).isEqualTo(8);
		p.setBulkConcurrency("abc");
		assertThatThrownBy(p::check).hasMessage(
				"invalid value \"abc\" for influx.bulk-concurrency (INFLUX_BULK_CONCURRENCY): not a whole number");
		p.setBulkConcurrency("0");
		assertThatThrownBy(p::check).hasMessageEndingWith("must be more than zero");
		p.setBulkConcurrency("4");
		assertThat(p.retries()).isEqualTo(2);
		p.setRetries("0");
		assertThat(p.retries()).isZero();
		p.setRetries("-1");
		assertThatThrownBy(p::check)
			.hasMessage("invalid value \"-1\" for influx.retries (INFLUX_RETRIES): must be zero or more");
		p.setRetries("two");
		assertThatThrownBy(p::check)
			.hasMessage("invalid value \"two\" for influx.retries (INFLUX_RETRIES): not a whole number");
		p.setRetries("2");
		p.setSkipVerify("yes");
		assertThatThrownBy(p::check).hasMessage("invalid value \"yes\" for influx.skip-verify (INFLUX_SKIP_VERIFY): "
				+ "use one of 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False");
	}
}
