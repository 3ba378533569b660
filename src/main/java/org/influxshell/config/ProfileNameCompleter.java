package org.influxshell.config;

import java.util.List;

import org.influxshell.command.Args;
import org.influxshell.command.CommonOptions;
import org.influxshell.command.ValueCompleter;
import org.influxshell.command.ValueKind;
import org.influxshell.configs.ConfigsFile;

import org.springframework.stereotype.Component;

/** Completes profile names from the configs file the line names; an unreadable file completes nothing. */
@Component
public class ProfileNameCompleter implements ValueCompleter {

	private final ConfigsFile configs;

	public ProfileNameCompleter(ConfigsFile configs) {
		this.configs = configs;
	}

	@Override
	public ValueKind kind() {
		return ValueKind.PROFILE_NAME;
	}

	@Override
	public List<Proposal> complete(Args typed) {
		try {
			return configs.store(typed.get(CommonOptions.CONFIGS_PATH)).read().all().stream()
				.map(p -> new Proposal(p.name(), p.url()))
				.toList();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}
}
