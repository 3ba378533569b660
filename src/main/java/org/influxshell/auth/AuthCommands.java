package org.influxshell.auth;

import org.influxshell.auth.AuthorizationsClient.Status;
import org.influxshell.connection.Connection;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.ServerOptions;
import org.influxshell.output.OutputOptions;

import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** The {@code auth} commands: API tokens on the server. */
@ShellComponent
public class AuthCommands {

	private final ConnectionResolver resolver;

	private final TokenService tokens;

	public AuthCommands(ConnectionResolver resolver, TokenService tokens) {
		this.resolver = resolver;
		this.tokens = tokens;
	}

	@ShellMethod(key = "auth inactive", value = "Inactivate an API token: it stays, but cannot be used")
	public String inactive(
			@ShellOption(value = { "-i", "--id" }, help = "the API token ID", valueProvider = AuthIdProvider.class) String id,
			ServerOptions server) {
		return setStatus(id, Status.INACTIVE, server);
	}

	@ShellMethod(key = "auth active", value = "Activate an API token")
	public String active(
			@ShellOption(value = { "-i", "--id" }, help = "the API token ID", valueProvider = AuthIdProvider.class) String id,
			ServerOptions server) {
		return setStatus(id, Status.ACTIVE, server);
	}

	private String setStatus(String id, Status status, ServerOptions server) {
		OutputOptions output = resolver.output(server.local());
		Connection conn = resolver.connection(server);
		return TokenRenderer.one(tokens.setStatus(conn, id, status), false, output);
	}
}
