package org.influxshell.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.influxshell.shell.OptionGroup;
import org.influxshell.shell.OptionSpec;

import org.springframework.stereotype.Component;

/**
 * The {@code --read-X}/{@code --write-X} pair of {@code auth create} for every resource type
 * in {@link PermissionSet#FLAG_TYPES}.
 *
 * @param read types given with {@code --read-X}
 * @param write types given with {@code --write-X}
 */
public record ResourceFlags(Set<String> read, Set<String> write) {

	/** Brings the 44 flags to any command method with a {@link ResourceFlags} parameter. */
	@Component
	public static class Options implements OptionGroup<ResourceFlags> {

		@Override
		public Class<ResourceFlags> type() {
			return ResourceFlags.class;
		}

		@Override
		public List<OptionSpec> options() {
			List<OptionSpec> out = new ArrayList<>();
			for (String type : PermissionSet.FLAG_TYPES) {
				out.add(OptionSpec.flag("read-" + type, "grant read on " + type, "--read-" + type));
				out.add(OptionSpec.flag("write-" + type, "grant write on " + type, "--write-" + type));
			}
			return out;
		}

		@Override
		public ResourceFlags bind(Map<String, Object> values) {
			Set<String> read = new LinkedHashSet<>();
			Set<String> write = new LinkedHashSet<>();
			for (String type : PermissionSet.FLAG_TYPES) {
				if (Boolean.TRUE.equals(values.get("read-" + type))) {
					read.add(type);
				}
				if (Boolean.TRUE.equals(values.get("write-" + type))) {
					write.add(type);
				}
			}
			return new ResourceFlags(read, write);
		}
	}
}
