package org.influxshell.auth;

import org.influxshell.cli.BuildInfo;
import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorMapper;
import org.influxshell.cli.Stderr;
import org.influxshell.connection.InfluxProperties;
import org.influxshell.http.InfluxApiException;
import org.influxshell.http.InfluxHttp;
import org.influxshell.http.TransportException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the HTTP layer and the token service. */
@Configuration(proxyBeanMethods = false)
public class AuthConfiguration {

	@Bean(destroyMethod = "close")
	InfluxHttp influxHttp(InfluxProperties properties, Stderr stderr) {
		return new InfluxHttp(properties, stderr, BuildInfo.version());
	}

	@Bean
	AuthorizationsClient authorizationsClient(InfluxHttp http) {
		return new WebClientAuthorizationsClient(http);
	}

	@Bean
	DirectoryClient directoryClient(InfluxHttp http) {
		return new WebClientDirectoryClient(http);
	}

	@Bean
	TokenService tokenService(AuthorizationsClient client, DirectoryClient directory, InfluxProperties properties) {
		return new TokenService(client, directory, properties.getBulkConcurrency());
	}

	/** HTTP failures that no command wrapped still read as one line. */
	@Bean
	ErrorMapper.Extension httpErrors() {
		return t -> t instanceof InfluxApiException || t instanceof TransportException
				? new ErrorMapper.Failure(t.getMessage(), CliException.FAILURE) : null;
	}

}
