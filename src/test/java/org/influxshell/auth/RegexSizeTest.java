package org.influxshell.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexSizeTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			telegraf                    => false
			^(telegraf|grafana) .*$     => false
			[a-z]{1000}                 => false
			(a{1000}){1000}             => false
			((a{1000}){1000}){1000}     => true
			(?:(?:a{1000}){1000}){4}    => true
			(a{1000}){1000,}            => false
			((a{100}){100}){100}        => false
			((a{100}){100}){400}        => true
			a{,1000}{1000}{1000}        => false
			\\{1000}\\{1000}              => false
			[{1000}]{1000}              => false
			x{999999999999}             => false
			""")
	void refusesWhatGoRefusesAsTooLarge(String regex, boolean tooLarge) {
		assertThat(RegexSize.of(regex) > RegexSize.GO_MAX_SIZE).isEqualTo(tooLarge);
	}
}
