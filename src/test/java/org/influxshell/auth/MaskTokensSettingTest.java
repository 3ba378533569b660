package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.auth.AuthListCommandsTest.TOKEN_2;
import static org.influxshell.auth.AuthListCommandsTest.grafana;
import static org.influxshell.support.InfluxStub.ok;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.TestPropertySource;

/** {@code influx.mask-tokens} ({@code INFLUX_MASK_TOKENS}) masks every list; {@code --mask-tokens=false} shows one. */
@TestPropertySource(properties = "influx.mask-tokens=true")
class MaskTokensSettingTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void theSettingMasksAndTheFlagStillDecides() {
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).willReturn(ok(InfluxStub.list(List.of(grafana(TOKEN_2))))));
		String list = "auth list --hide-headers --host http://localhost:" + server.getPort() + " -t tok";
		String row = "0d099b627e606000\tgrafana reader\t%s\tbob\t0d09973ac7606000\t[read:orgs/9c5955fc99a60b8f/buckets]\n";
		assertThat(run(list)).isEqualTo(new Run(0, row.formatted("aaaa…"), ""));
		assertThat(run(list + " --mask-tokens=false").out()).isEqualTo(row.formatted(TOKEN_2));
	}
}
