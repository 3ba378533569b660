package org.influxshell.support;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.influxshell.support.InfluxStub.authorization;
import static org.influxshell.support.InfluxStub.error;
import static org.influxshell.support.InfluxStub.ok;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * A server for {@code auth rotate}: one old token ({@link #OLD}, active) and the twin a create
 * makes ({@link #NEW}, absent until then), each with a status the stub remembers (a WireMock
 * scenario per token). Requests are authenticated as a server does: a request made with the
 * value of an inactive token gets 401 {@code token is inactive}, of a deleted or not yet created
 * one 401 {@code unauthorized access}, so that a change made in the wrong order, or with the
 * wrong token, fails here as it would there. {@code GET /api/v2/me} answers the tokens' user.
 */
public final class RotationStub {

	public static final String OLD = "0d099b627e60a000";

	public static final String NEW = "0d099b627e60b000";

	public static final String OLD_VALUE = "oLdToKeN1vwiRSOyEfxHpPSAEPYMxtU7-PJaEjtVvmC8L7C3bVMIooZyzfYcRkdB_DNbkWpYyBHUGTUsgZHqzJ==";

	public static final String NEW_VALUE = "nEwToKeN2vwiRSOyEfxHpPSAEPYMxtU7-PJaEjtVvmC8L7C3bVMIooZyzfYcRkdB_DNbkWpYyBHUGTUsgZHqzJ==";

	/** A second old token of the same user ({@link #stubSecond}), its twin and their values. */
	public static final String OLD2 = "0d099b627e60c000";

	public static final String NEW2 = "0d099b627e60d000";

	public static final String OLD2_VALUE = "oLdToKeN3vwiRSOyEfxHpPSAEPYMxtU7-PJaEjtVvmC8L7C3bVMIooZyzfYcRkdB_DNbkWpYyBHUGTUsgZHqzJ==";

	public static final String NEW2_VALUE = "nEwToKeN4vwiRSOyEfxHpPSAEPYMxtU7-PJaEjtVvmC8L7C3bVMIooZyzfYcRkdB_DNbkWpYyBHUGTUsgZHqzJ==";

	/** The description of the second token and of its twin. */
	public static final String SECOND_DESCRIPTION = "grafana reader";

	/** The operator's token: always valid, a user of its own. */
	public static final String OPERATOR_VALUE = "the-operator-token";

	public static final String USER_ID = "0d09973ac7600001";

	/** The scenario state of a token not created yet ({@link #NEW} before the create). */
	public static final String ABSENT = STARTED;

	/** The state of the new token once created and active (the old one is active in its scenario's first state). */
	private static final String STATE_ACTIVE = "active";

	private RotationStub() {
	}

	/**
	 * Stubs both tokens.
	 * @param valuesShown answer GETs with the token values, as 2.7 does; else {@code ""}, as 2.8+
	 * @param refuseNew answer {@code GET /api/v2/me} made with the new token with 401
	 */
	public static void stub(WireMockExtension server, boolean valuesShown, boolean refuseNew) {
		List<InfluxStub.Perm> perms = perms();
		stubToken(server, OLD, valuesShown ? OLD_VALUE : "", "telegraf writer", perms, true);
		stubToken(server, NEW, valuesShown ? NEW_VALUE : "", "telegraf writer", perms, false);
		// the create: only the POST answer carries the value, on every version
		server.stubFor(post(urlEqualTo("/api/v2/authorizations")).inScenario(NEW).whenScenarioStateIs(ABSENT)
			.willReturn(InfluxStub.json(201, authorization(NEW, NEW_VALUE, "active", "telegraf writer", USER_ID, "alice",
					"9c5955fc99a60b8f", "my-org", perms)))
			.willSetStateTo(STATE_ACTIVE));
		// authentication, before any handler: by the state of the token whose value is sent
		gate(server, OLD, OLD_VALUE, false);
		gate(server, NEW, NEW_VALUE, true);
		String me = "{\n\t\"id\": \"" + USER_ID + "\",\n\t\"name\": \"alice\",\n\t\"status\": \"active\"\n}";
		server.stubFor(get("/api/v2/me").withHeader("Authorization", equalTo("Token " + OLD_VALUE)).willReturn(ok(me)));
		server.stubFor(get("/api/v2/me").withHeader("Authorization", equalTo("Token " + NEW_VALUE))
			.willReturn(refuseNew ? InfluxStub.unauthorizedAccess() : ok(me)));
		server.stubFor(get("/api/v2/me").withHeader("Authorization", equalTo("Token " + OPERATOR_VALUE))
			.willReturn(ok("{\n\t\"id\": \"0d09973ac7600999\",\n\t\"name\": \"operator\",\n\t\"status\": \"active\"\n}")));
	}

	private static List<InfluxStub.Perm> perms() {
		return List.of(InfluxStub.Perm.orgScoped("read", "authorizations", "9c5955fc99a60b8f", "my-org"),
				InfluxStub.Perm.orgScoped("write", "authorizations", "9c5955fc99a60b8f", "my-org"),
				new InfluxStub.Perm("write", "users", USER_ID, null, null, null));
	}

	/**
	 * Adds, after {@link #stub}, a second old token of the same user and permissions ({@link #OLD2},
	 * active, described {@link #SECOND_DESCRIPTION}) and the twin its create makes ({@link #NEW2}),
	 * told apart from the first create by the description; values shown, the new one accepted.
	 */
	public static void stubSecond(WireMockExtension server) {
		List<InfluxStub.Perm> perms = perms();
		stubToken(server, OLD2, OLD2_VALUE, SECOND_DESCRIPTION, perms, true);
		stubToken(server, NEW2, NEW2_VALUE, SECOND_DESCRIPTION, perms, false);
		server.stubFor(post(urlEqualTo("/api/v2/authorizations")).inScenario(NEW2).whenScenarioStateIs(ABSENT)
			.withRequestBody(equalToJson("{\"description\": \"" + SECOND_DESCRIPTION + "\"}", true, true))
			.willReturn(InfluxStub.json(201, authorization(NEW2, NEW2_VALUE, "active", SECOND_DESCRIPTION, USER_ID,
					"alice", "9c5955fc99a60b8f", "my-org", perms)))
			.willSetStateTo(STATE_ACTIVE));
		gate(server, OLD2, OLD2_VALUE, false);
		gate(server, NEW2, NEW2_VALUE, true);
		String me = "{\n\t\"id\": \"" + USER_ID + "\",\n\t\"name\": \"alice\",\n\t\"status\": \"active\"\n}";
		server.stubFor(get("/api/v2/me").withHeader("Authorization", equalTo("Token " + OLD2_VALUE)).willReturn(ok(me)));
		server.stubFor(get("/api/v2/me").withHeader("Authorization", equalTo("Token " + NEW2_VALUE)).willReturn(ok(me)));
	}

	/**
	 * A token's GET, status PATCHes and DELETE, following its state.
	 * @param startsActive the old token: active from the start; else the new one, absent until created
	 */
	private static void stubToken(WireMockExtension server, String id, String value, String description,
			List<InfluxStub.Perm> perms, boolean startsActive) {
		String path = "/api/v2/authorizations/" + id;
		String active = authorization(id, value, "active", description, USER_ID, "alice", "9c5955fc99a60b8f",
				"my-org", perms);
		String inactive = active.replace("\"status\": \"active\"", "\"status\": \"inactive\"");
		String activeName = startsActive ? STARTED : STATE_ACTIVE;
		for (String state : new String[] { activeName, "inactive" }) {
			server.stubFor(get(path).inScenario(id).whenScenarioStateIs(state)
				.willReturn(ok(state.equals(activeName) ? active : inactive)));
			server.stubFor(patch(urlEqualTo(path)).inScenario(id).whenScenarioStateIs(state)
				.withRequestBody(equalToJson("{\"status\":\"inactive\"}")).willReturn(ok(inactive))
				.willSetStateTo("inactive"));
			server.stubFor(patch(urlEqualTo(path)).inScenario(id).whenScenarioStateIs(state)
				.withRequestBody(equalToJson("{\"status\":\"active\"}")).willReturn(ok(active))
				.willSetStateTo(activeName));
			server.stubFor(delete(path).inScenario(id).whenScenarioStateIs(state).willReturn(noContent())
				.willSetStateTo("deleted"));
		}
		for (String gone : startsActive ? new String[] { "deleted" } : new String[] { "deleted", ABSENT }) {
			server.stubFor(get(path).inScenario(id).whenScenarioStateIs(gone)
				.willReturn(error(404, "not found", "authorization not found")));
		}
	}

	/** Requests made with a token's value, refused while it is inactive, deleted or (the new one) not created yet. */
	private static void gate(WireMockExtension server, String id, String value, boolean absentAtFirst) {
		server.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", equalTo("Token " + value)).inScenario(id)
			.whenScenarioStateIs("inactive").willReturn(error(401, "unauthorized", "token is inactive")));
		server.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", equalTo("Token " + value)).inScenario(id)
			.whenScenarioStateIs("deleted").willReturn(InfluxStub.unauthorizedAccess()));
		if (absentAtFirst) {
			server.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", equalTo("Token " + value))
				.inScenario(id).whenScenarioStateIs(ABSENT).willReturn(InfluxStub.unauthorizedAccess()));
		}
	}

	/** A token's status as the stub has it: active, inactive, deleted or absent. */
	public static String status(WireMockExtension server, String id) {
		String state = server.getAllScenarios().getScenarios().stream().filter(s -> s.getName().equals(id)).findFirst()
			.orElseThrow().getState();
		if (id.equals(OLD) || id.equals(OLD2)) {
			return state.equals(STARTED) ? "active" : state;
		}
		return state.equals(ABSENT) ? "absent" : state;
	}

	/** Two profiles on the stub (one URL with a trailing slash), one elsewhere with the same token; comments and an unknown key. */
	public static String threeProfiles(int port) {
		return """
				# my servers
				[local]
				  url = "http://localhost:%d"
				  token = "%s"
				  org = "my-org"
				  active = true

				[local-too]
				  url = "http://localhost:%d/"   # the same server
				  token = "%s"
				  org = "my-org"
				  timeout = 30

				[elsewhere]
				  url = "http://127.0.0.1:9"
				  token = "%s"
				  org = "my-org"
				""".formatted(port, OLD_VALUE, port, OLD_VALUE, OLD_VALUE);
	}
}
