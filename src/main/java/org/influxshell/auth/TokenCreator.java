package org.influxshell.auth;

import java.util.Locale;

import org.influxshell.cli.CliException;
import org.influxshell.connection.Connection;
import org.influxshell.http.ApiCalls;

/** {@code auth create}: resolves the org and the owner, builds the permissions, creates the token. */
public class TokenCreator {

	private final AuthorizationsClient client;

	private final DirectoryClient directory;

	public TokenCreator(AuthorizationsClient client, DirectoryClient directory) {
		this.client = client;
		this.directory = directory;
	}

	/**
	 * What {@code auth create} asks for; {@code null} means not given.
	 *
	 * @param orgID {@code --org-id}
	 * @param org {@code --org}
	 * @param user {@code --user}
	 * @param description {@code --description}
	 * @param flags the permission flags, already checked
	 */
	public record CreateQuery(String orgID, String org, String user, String description, PermissionSet.Flags flags) {
	}

	/** Creates the token; an org not named on the command line is the profile's ({@code conn.org()}). */
	public Authorization create(Connection conn, CreateQuery q) {
		Orgs.checkNotAmbiguous(q.orgID(), q.org());
		if (q.orgID() != null && AuthIds.problem(q.orgID()) != null) {
			throw CliException.failure("invalid org ID '" + q.orgID() + "': " + AuthIds.problem(q.orgID()));
		}
		String orgID = orgId(conn, q.orgID(), q.org());
		String userID = null;
		if (q.user() != null) {
			String what = "could not find user with name \"" + q.user() + "\"";
			userID = ApiCalls.describing(what, () -> directory.userId(conn, q.user()))
				.orElseThrow(() -> CliException.failure(what));
		}
		else if (q.flags().needsUser()) {
			userID = ApiCalls.describing("could not find the user of the token (GET /api/v2/me)",
					() -> directory.myUserId(conn));
		}
		var request = new AuthorizationsClient.CreateRequest(orgID, q.user() != null ? userID : null, q.description(),
				PermissionSet.build(q.flags(), orgID, userID));
		return ApiCalls.describing("could not write auth with provided arguments", () -> client.create(conn, request));
	}

	/** The org's ID: {@code orgID} given, or the ID of {@code org} or else of the profile's org. */
	String orgId(Connection conn, String orgID, String org) {
		if (orgID != null) {
			return orgID.toLowerCase(Locale.ROOT);
		}
		String name = org != null ? org : conn.org();
		if (name == null || name.isEmpty()) {
			throw CliException.failure("must specify org ID or org name (--org-id, --org, or a profile with an org)");
		}
		return ApiCalls.describing("failed to lookup org with name \"" + name + "\"", () -> directory.orgId(conn, name))
			.orElseThrow(() -> CliException.failure("no organization with name \"" + name + "\""));
	}
}
