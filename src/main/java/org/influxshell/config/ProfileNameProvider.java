package org.influxshell.config;

import java.util.List;

import org.influxshell.connection.ConnectionResolver;
import org.influxshell.connection.LocalOptions;

import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.standard.ValueProvider;
import org.springframework.stereotype.Component;

/** Completes profile names from the configs file; an unreadable file completes nothing. */
@Component
public class ProfileNameProvider implements ValueProvider {

	private final ConnectionResolver resolver;

	public ProfileNameProvider(ConnectionResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public List<CompletionProposal> complete(CompletionContext context) {
		try {
			return resolver.store(LocalOptions.none()).read().all().stream()
				.map(p -> new CompletionProposal(p.name()).description(p.url()))
				.toList();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}
}
