package org.influxshell.support;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/** A test run's settings: the context's, with a source of the test's own over them. */
public final class TestSettings {

	private TestSettings() {
	}

	/** {@code settings}' sources, in their order, under {@code top}; the context's own stay as they are. */
	public static ConfigurableEnvironment over(ConfigurableEnvironment settings, PropertySource<?> top) {
		ConfigurableEnvironment environment = new AbstractEnvironment() {
		};
		MutablePropertySources sources = environment.getPropertySources();
		settings.getPropertySources().forEach(sources::addLast);
		sources.addFirst(top);
		// the binder's view of the sources, made anew over these
		ConfigurationPropertySources.attach(environment);
		return environment;
	}
}
