package org.influxshell.auth;

import java.util.List;

import org.influxshell.cli.BuildInfo;
import org.influxshell.cli.Stderr;
import org.influxshell.command.CompletionLists;
import org.influxshell.command.Invocation;
import org.influxshell.command.Notes;
import org.influxshell.command.Questions;
import org.influxshell.command.RunContext;
import org.influxshell.command.StopSignals;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.InfluxProperties;
import org.influxshell.connection.ProductProbe;
import org.influxshell.http.HttpClients;
import org.influxshell.http.InfluxHttp;
import org.influxshell.http.Proxies;
import org.influxshell.journal.Journal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the HTTP layer and the token services. */
@Configuration(proxyBeanMethods = false)
public class AuthConfiguration {

	/**
	 * The HTTP layer of this run's console. It sends through the clients the process keeps for all
	 * its runs ({@link HttpClients}): a daemon's requests share its connections.
	 */
	@Bean
	InfluxHttp influxHttp(InfluxProperties properties, Stderr stderr, Invocation invocation, HttpClients shared) {
		return new InfluxHttp(properties, stderr, BuildInfo.version(), Proxies.from(invocation.environment()), shared);
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
	TokenService tokenService(AuthorizationsClient client) {
		return new TokenService(client);
	}

	@Bean
	TokenQueries tokenQueries(AuthorizationsClient client, TokenService tokens) {
		return new TokenQueries(client, tokens);
	}

	@Bean
	ChangePath changePath(TokenService tokens, InfluxProperties properties, StopSignals signals, Notes notes,
			ChangeJournal journal) {
		return new ChangePath(tokens, new BulkRunner(properties.bulkConcurrency(), signals), journal, notes);
	}

	@Bean
	TokenChanges tokenChanges(TokenQueries queries, ChangePath path, DirectoryClient directory, Questions questions,
			Notes notes) {
		return new TokenChanges(new TokenSelector(queries), path, directory, questions, notes);
	}

	@Bean
	ChangeJournal changeJournal(Journal journal, RunContext runs, CompletionLists completions) {
		return new ChangeJournal(journal, runs, completions);
	}

	@Bean
	TokenUndo tokenUndo(ChangeJournal journal, ChangePath path, List<Credentials> kinds, DirectoryClient directory,
			Questions questions, Notes notes, ConfigsFile configs, V3Auth v3) {
		return new TokenUndo(journal, path, kinds, directory, questions, notes, configs, v3);
	}

	@Bean
	TokenRotation tokenRotation(ChangePath path, AuthorizationsClient client, DirectoryClient directory,
			TokenQueries queries, ChangeJournal journal, ConfigsFile configs, Questions questions, Notes notes) {
		return new TokenRotation(path, client, directory, queries, journal, configs, questions, notes);
	}

	@Bean
	V3Client v3Client(InfluxHttp http) {
		return new V3Client(http);
	}

	@Bean
	V3Tokens v3Tokens(V3Client client) {
		return new V3Tokens(client);
	}

	@Bean
	V3Auth v3Auth(V3Client client, V3Tokens tokens, ChangePath path, ChangeJournal journal, Questions questions,
			Notes notes) {
		return new V3Auth(client, path.with(tokens), journal, questions, notes);
	}

	@Bean
	V3Rotation v3Rotation(V3Client client, V3Auth auth, ChangeJournal journal, ConfigsFile configs, Questions questions,
			StopSignals signals, Notes notes) {
		return new V3Rotation(client, auth, journal, configs, questions, signals, notes);
	}

	@Bean
	V3Commands v3Commands(V3Auth auth, Stderr stderr) {
		return new V3Commands(auth, stderr);
	}

	/**
	 * {@code config create} asks the server its generation, waiting no longer than for a connection
	 * ({@code influx.connect-timeout}): a server that does not answer gets a profile without it.
	 */
	@Bean
	ProductProbe productProbe(V3Client client, InfluxProperties properties) {
		return new PingProbe(client, properties.connectTimeout());
	}

	@Bean
	TokenCreator tokenCreator(AuthorizationsClient client, DirectoryClient directory) {
		return new TokenCreator(client, directory);
	}

	@Bean
	ServerCompletions<AuthorizationsClient.Summary> authIdCompletions(ConnectionResolver resolver,
			AuthorizationsClient client, InfluxProperties properties, ServerCompletions.Sharing sharing) {
		return ServerCompletions.authIds(resolver, client, properties.completionTimeout(), sharing);
	}

	@Bean
	ServerCompletions<String> userNameCompletions(ConnectionResolver resolver, DirectoryClient directory,
			InfluxProperties properties, ServerCompletions.Sharing sharing) {
		return ServerCompletions.userNames(resolver, directory, properties.completionTimeout(), sharing);
	}

	/** What the run's completions share with the process's other runs. */
	@Bean
	ServerCompletions.Sharing completionSharing(CompletionLists lists, InfluxProperties properties, InfluxHttp http) {
		return new ServerCompletions.Sharing(lists, properties.completionReuse(), http::transport);
	}
}
