package org.influxshell.auth;

import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.InfluxProperties;
import org.influxshell.http.InfluxHttp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the v1-compatibility authorizations onto the token services. */
@Configuration(proxyBeanMethods = false)
public class V1AuthConfiguration {

	@Bean
	V1AuthorizationsClient v1AuthorizationsClient(InfluxHttp http) {
		return new WebClientV1AuthorizationsClient(http);
	}

	/** A kind of {@link Credentials}: {@code auth undo} finds it among them. */
	@Bean
	V1Credentials v1Credentials(V1AuthorizationsClient client) {
		return new V1Credentials(client);
	}

	@Bean
	V1Authorizations v1Authorizations(V1AuthorizationsClient client, TokenCreator creator) {
		return new V1Authorizations(client, creator);
	}

	@Bean
	V1Changes v1Changes(TokenChanges tokens, ChangePath path, V1Credentials credentials, V1AuthorizationsClient client) {
		// the whole list, always: asked for one username the server answers 404 when it has none
		TokenSelector selector = new TokenSelector(
				(conn, username) -> client.list(conn, V1AuthorizationsClient.Filter.none()), Authorization::token, false);
		return new V1Changes(tokens.with(path.with(credentials), selector));
	}

	@Bean
	ServerCompletions<Authorization> v1AuthIdCompletions(ConnectionResolver resolver, V1AuthorizationsClient client,
			InfluxProperties properties, ServerCompletions.Sharing sharing) {
		return ServerCompletions.v1(resolver, client, properties.completionTimeout(), sharing, false);
	}

	@Bean
	ServerCompletions<Authorization> v1UsernameCompletions(ConnectionResolver resolver, V1AuthorizationsClient client,
			InfluxProperties properties, ServerCompletions.Sharing sharing) {
		return ServerCompletions.v1(resolver, client, properties.completionTimeout(), sharing, true);
	}
}
