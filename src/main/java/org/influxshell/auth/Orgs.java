package org.influxshell.auth;

import org.influxshell.cli.CliException;

/** Upstream's rule for every command that takes an org both ways. */
final class Orgs {

	private Orgs() {
	}

	/** An org by ID or by name, not both. */
	static void checkNotAmbiguous(String orgID, String org) {
		if (orgID != null && org != null) {
			throw CliException.failure("ambiguous org: use OrgId or OrgName, but not both. OrgID: " + orgID
					+ ", OrgName: " + org);
		}
	}
}
