package org.influxshell.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.influxshell.command.Args;
import org.influxshell.command.OptionDef;
import org.influxshell.command.OptionGroup;

/**
 * The {@code --read-X}/{@code --write-X} pair of {@code auth create} for every resource type
 * in {@link PermissionSet#FLAG_TYPES}.
 *
 * @param read types given with {@code --read-X}
 * @param write types given with {@code --write-X}
 */
public record ResourceFlags(Set<String> read, Set<String> write) {

	private static final Map<String, OptionDef<Boolean>> READ = flags("read");

	private static final Map<String, OptionDef<Boolean>> WRITE = flags("write");

	/** The 44 flags. */
	public static final OptionGroup<ResourceFlags> OPTIONS = OptionGroup.of(ResourceFlags::bind, all());

	private static Map<String, OptionDef<Boolean>> flags(String action) {
		Map<String, OptionDef<Boolean>> out = new LinkedHashMap<>();
		for (String type : PermissionSet.FLAG_TYPES) {
			out.put(type, OptionDef.flag("grant " + action + " on " + type, "--" + action + "-" + type));
		}
		return out;
	}

	private static List<OptionDef<?>> all() {
		List<OptionDef<?>> out = new ArrayList<>();
		for (String type : PermissionSet.FLAG_TYPES) {
			out.add(READ.get(type));
			out.add(WRITE.get(type));
		}
		return out;
	}

	private static ResourceFlags bind(Args args) {
		Set<String> read = new LinkedHashSet<>();
		Set<String> write = new LinkedHashSet<>();
		for (String type : PermissionSet.FLAG_TYPES) {
			if (args.flag(READ.get(type))) {
				read.add(type);
			}
			if (args.flag(WRITE.get(type))) {
				write.add(type);
			}
		}
		return new ResourceFlags(read, write);
	}
}
