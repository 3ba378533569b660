package org.influxshell.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.ok;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.ConsoleTest;
import org.influxshell.support.InfluxStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Profiles made with {@code -p USER:PASS} sign in once, then send the session cookie (the
 * server answers the sign-in with a {@code influxdb-session} cookie). A session lasts as long as
 * the run that signed in: a one-shot, a script, a REPL session, a daemon's request.
 */
class SignInTest extends ConsoleTest {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String BASIC = "Basic Ym9iOnMzY3JldC1wYXNzd29yZA==";

	@BeforeEach
	void server() {
		server.stubFor(post("/api/v2/signin").withHeader("Authorization", equalTo(BASIC))
			.willReturn(aResponse().withStatus(204).withHeader("Set-Cookie", "influxdb-oss-session=sess10n; Path=/api/; HttpOnly")));
		server.stubFor(post("/api/v2/signin").withHeader("Authorization", absent().or(equalTo("Basic Ym9iOndyb25n")))
			.willReturn(InfluxStub.json(401, "{\"code\":\"unauthorized\",\"message\":\"Unauthorized\"}")));
		server.stubFor(get(urlPathEqualTo("/api/v2/authorizations")).withHeader("Cookie", equalTo("influxdb-oss-session=sess10n"))
			.willReturn(ok(InfluxStub.list(List.of(alice("active", SPEC_TOKEN))))));
	}

	void profile(String userPass) {
		assertThat(run("config create -n pw -u http://localhost:" + server.getPort() + " -p " + userPass + " -a").exit()).isZero();
	}

	@Test
	void signsInOnceThenSendsTheSessionCookieInPlaceOfAToken() {
		profile("bob:s3cret-password");
		Run r = runArgs(new String[0], "auth list --hide-headers\nauth list --hide-headers\n");
		assertThat(r.err()).isEmpty();
		assertThat(r.out().lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("0a6f1b2c3d4e5000\t"));
		server.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/signin")));
		server.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/authorizations")).withoutHeader("Authorization"));
	}

	@Test
	void aTokenGivenAnywhereBeatsTheSignIn() {
		profile("bob:s3cret-password");
		run("auth list -t tok --hide-headers");
		server.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/signin")));
		server.verify(getRequestedFor(urlPathEqualTo("/api/v2/authorizations")).withHeader("Authorization", equalTo("Token tok")));
	}

	@Test
	void aRefusedSignInReadsLikeUpstream() {
		profile("bob:wrong");
		assertThat(run("auth list")).isEqualTo(new Run(1, "", "Error: error creating session: error signing in, verify signin "
				+ "was not called against cloud influxdb: 401 Unauthorized: Unauthorized\n"));
	}

	@Test
	void onATerminalThePasswordTheProfileDoesNotKeepIsAskedOnceThroughTheRunsQuestions() {
		profile("bob");
		questions.onTerminalTyping("s3cret-password");
		Run r = run("auth list --hide-headers");
		assertThat(r.err()).isEmpty();
		assertThat(r.exit()).isZero();
		assertThat(r.out()).startsWith("0a6f1b2c3d4e5000\t");
		assertThat(questions.shown()).containsExactly("Please provide your password: ");
		server.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/signin")).withHeader("Authorization", equalTo(BASIC)));
	}

	/** A command that never signs in, or fails before it sends anything, never asks. */
	@Test
	void aCommandThatDoesNotSignInNeverAsksForThePassword() {
		profile("bob");
		questions.onTerminalTyping();
		assertThat(run("auth journal -c pw").exit()).isZero();
		assertThat(run("auth list --status bogus").exit()).isEqualTo(2);
		assertThat(run("auth list --name x").exit()).isEqualTo(2);
		assertThat(questions.shown()).isEmpty();
		server.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/signin")));
	}

	@Test
	void withoutAPasswordAndNoTerminalItSaysSo() {
		profile("bob");
		assertThat(run("auth list")).isEqualTo(new Run(1, "", "Error: error creating session: error signing in, verify signin "
				+ "was not called against cloud influxdb: no password: the profile keeps none and there is no terminal to ask "
				+ "for it\n"));
		server.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/signin")));
	}

	@Test
	void httpDebugMasksTheBasicCredentialAndTheSession() {
		profile("bob:s3cret-password");
		Run r = run("auth list --http-debug --hide-headers");
		assertThat(r.err()).contains("> POST /api/v2/signin HTTP/1.1\n", "> Authorization: Basic ***\n",
				"> Cookie: influxdb-oss-session=***\n")
			.doesNotContain("s3cret").doesNotContain("sess10n").doesNotContain("Ym9i");
	}
}
