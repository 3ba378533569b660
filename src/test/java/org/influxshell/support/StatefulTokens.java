package org.influxshell.support;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.error;
import static org.influxshell.support.InfluxStub.ok;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * Tokens whose status the stub remembers, as a server would: one WireMock scenario per token,
 * in state {@link #ACTIVE} ({@code Started}), {@code inactive} or {@code deleted}. A test changes
 * a token "by hand" with {@link #set}.
 */
public final class StatefulTokens {

	/** The state of an active token: where every scenario starts. */
	public static final String ACTIVE = STARTED;

	/** The user the console runs as: not the owner of the stubbed tokens. */
	public static final String OPERATOR_ID = "0d09973ac7600999";

	private StatefulTokens() {
	}

	/** A token that starts active; GET, the status PATCHes and DELETE follow its state. */
	public static void stub(WireMockExtension server, String id, String description, String user) {
		stub(server, id, description, user, 0);
	}

	/**
	 * As {@link #stub(WireMockExtension, String, String, String)}, with a server that takes
	 * {@code activateMillis} to answer a change back to active (it has made the change when it
	 * starts to wait: the state moves as the request is matched).
	 */
	public static void stub(WireMockExtension server, String id, String description, String user, int activateMillis) {
		String path = "/api/v2/authorizations/" + id;
		String active = authorization(id, "", "active", description, "0d09973ac7600001", user, "9c5955fc99a60b8f", "my-org",
				List.of(InfluxStub.Perm.orgScoped("read", "buckets", "9c5955fc99a60b8f", "my-org")));
		String inactive = active.replace("\"status\": \"active\"", "\"status\": \"inactive\"");
		for (String state : new String[] { ACTIVE, "inactive" }) {
			server.stubFor(get(path).inScenario(id).whenScenarioStateIs(state)
				.willReturn(ok(state.equals(ACTIVE) ? active : inactive)));
			server.stubFor(patch(urlEqualTo(path)).inScenario(id).whenScenarioStateIs(state)
				.withRequestBody(equalToJson("{\"status\":\"inactive\"}")).willReturn(ok(inactive))
				.willSetStateTo("inactive"));
			server.stubFor(patch(urlEqualTo(path)).inScenario(id).whenScenarioStateIs(state)
				.withRequestBody(equalToJson("{\"status\":\"active\"}")).willReturn(ok(active).withFixedDelay(activateMillis))
				.willSetStateTo(ACTIVE));
			server.stubFor(delete(path).inScenario(id).whenScenarioStateIs(state).willReturn(noContent())
				.willSetStateTo("deleted"));
		}
		server.stubFor(get(path).inScenario(id).whenScenarioStateIs("deleted")
			.willReturn(error(404, "not found", "authorization not found")));
		// the caller: a server that hides token values is asked who that is
		server.stubFor(get("/api/v2/me").willReturn(ok("{\"id\": \"" + OPERATOR_ID + "\", \"name\": \"operator\"}")));
	}

	/** Changes a token's status behind the console's back. */
	public static void set(WireMockExtension server, String id, String state) {
		server.setScenarioState(id, state.equals("active") ? ACTIVE : state);
	}
}
