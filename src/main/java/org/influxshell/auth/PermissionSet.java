package org.influxshell.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.influxshell.auth.Authorization.Permission;
import org.influxshell.auth.Authorization.Resource;
import org.influxshell.cli.CliException;

/**
 * The permissions {@code auth create}'s flags describe (--read-buckets, --write-bucket and the per-type pairs), in upstream's
 * order: bucket reads, bucket writes, then each resource type's read and write.
 */
public final class PermissionSet {

	/** The resource types with {@code --read-X}/{@code --write-X} flags, in the contract's order. */
	public static final List<String> FLAG_TYPES = List.of("authorizations", "buckets", "dashboards", "orgs", "tasks",
			"telegrafs", "users", "variables", "secrets", "labels", "views", "documents", "notificationRules",
			"notificationEndpoints", "checks", "dbrp", "annotations", "sources", "scrapers", "notebooks", "remotes",
			"replications");

	/** Every 2.7 resource type but {@code instance}, in the server's order. */
	static final List<String> ALL_TYPES = List.of("authorizations", "buckets", "dashboards", "orgs", "sources", "tasks",
			"telegrafs", "users", "variables", "scrapers", "secrets", "labels", "views", "documents",
			"notificationRules", "notificationEndpoints", "checks", "dbrp", "notebooks", "annotations", "remotes",
			"replications");

	private PermissionSet() {
	}

	/**
	 * What the flags ask for.
	 *
	 * @param readBuckets {@code --read-bucket} IDs
	 * @param writeBuckets {@code --write-bucket} IDs
	 * @param readTypes types given with {@code --read-X}
	 * @param writeTypes types given with {@code --write-X}
	 * @param operator {@code --operator}
	 * @param allAccess {@code --all-access}
	 */
	public record Flags(List<String> readBuckets, List<String> writeBuckets, Set<String> readTypes,
			Set<String> writeTypes, boolean operator, boolean allAccess) {

		/** Checked once, here, before anything is sent. */
		public Flags {
			readBuckets = List.copyOf(readBuckets);
			writeBuckets = List.copyOf(writeBuckets);
			readTypes = Set.copyOf(readTypes);
			writeTypes = Set.copyOf(writeTypes);
			boolean specific = !readBuckets.isEmpty() || !writeBuckets.isEmpty() || !readTypes.isEmpty()
					|| !writeTypes.isEmpty();
			readBuckets.forEach(PermissionSet::checkBucket);
			writeBuckets.forEach(PermissionSet::checkBucket);
			check(operator, allAccess, specific);
		}

		/** Whether the permissions need the owner's user ID. */
		public boolean needsUser() {
			return allAccess;
		}
	}

	/** No mix of the broad and the specific (upstream's words and order), and at least one. */
	private static void check(boolean operator, boolean allAccess, boolean specific) {
		if (operator && specific) {
			throw CliException.failure("cannot compose other permissions with operator permissions");
		}
		if (allAccess && (specific || operator)) {
			throw CliException.failure("cannot compose other permissions with all access permissions");
		}
		if (!operator && !allAccess && !specific) {
			throw CliException.usage("no permissions given: use --read-X/--write-X, --read-bucket/--write-bucket, "
					+ "--operator or --all-access");
		}
	}

	private static void checkBucket(String id) {
		String problem = AuthIds.problem(id);
		if (problem != null) {
			throw CliException.failure("invalid bucket ID '" + id + "': " + problem
					+ " (did you pass a bucket name instead of an ID?)");
		}
	}

	/** The permission list for an org (ignored by {@code --operator}) and an owner (for {@code --all-access}). */
	public static List<Permission> build(Flags f, String orgID, String userID) {
		List<Permission> out = new ArrayList<>();
		if (f.operator()) {
			for (String type : ALL_TYPES) {
				out.add(perm("read", type, null, null));
				out.add(perm("write", type, null, null));
			}
			return out;
		}
		if (f.allAccess()) {
			for (String type : ALL_TYPES) {
				switch (type) {
					case "orgs" -> out.add(perm("read", "orgs", orgID, null));
					case "users" -> {
						out.add(perm("read", "users", userID, null));
						out.add(perm("write", "users", userID, null));
					}
					default -> {
						out.add(perm("read", type, null, orgID));
						out.add(perm("write", type, null, orgID));
					}
				}
			}
			return out;
		}
		f.readBuckets().forEach(id -> out.add(perm("read", "buckets", id.toLowerCase(Locale.ROOT), orgID)));
		f.writeBuckets().forEach(id -> out.add(perm("write", "buckets", id.toLowerCase(Locale.ROOT), orgID)));
		for (String type : FLAG_TYPES) {
			if (f.readTypes().contains(type)) {
				out.add(perm("read", type, null, orgID));
			}
			if (f.writeTypes().contains(type)) {
				out.add(perm("write", type, null, orgID));
			}
		}
		return out;
	}

	/** As upstream: a permission on {@code orgs} or {@code users} is never scoped to an org. */
	private static Permission perm(String action, String type, String id, String orgID) {
		boolean orgless = type.equals("orgs") || type.equals("users");
		return new Permission(action, new Resource(type, id, orgless ? null : orgID, null, null));
	}
}
