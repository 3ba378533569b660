package org.influxshell.config;

import org.influxshell.command.Notes;
import org.influxshell.command.StopSignals;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.InfluxProperties;
import org.influxshell.http.InfluxHttp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the checks of {@code config status}; made only when that command runs. */
@Configuration(proxyBeanMethods = false)
public class ConfigConfiguration {

	@Bean
	ProfileChecks profileChecks(InfluxHttp http, ConnectionResolver resolver, InfluxProperties properties,
			Notes notes, StopSignals signals) {
		return new ProfileChecks(http, resolver, properties.responseTimeout(), notes, signals);
	}
}
