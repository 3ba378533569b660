package org.influxshell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.DefaultPropertiesPropertySource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.env.EnvironmentPostProcessorApplicationListener;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The console's own settings, and only those: the {@code application.yml} packaged into the jar,
 * read into the environment below the command line, system properties and environment variables,
 * as Spring Boot's config data would place it. An {@code application.yml} or
 * {@code application.properties} in the folder the console runs from is never read.
 *
 * <p>It stands in for Spring Boot's own application listeners. Those search for config files,
 * profiles, imports, Cloud Foundry and {@code SPRING_APPLICATION_JSON} settings and set up logging
 * (there is none), all before the first command: about a tenth of a one-shot command's time, for
 * one file whose place is known. Whoever names Boot's own ways to read settings
 * ({@code --spring.config.additional-location}, {@code SPRING_PROFILES_ACTIVE},
 * {@code SPRING_APPLICATION_JSON}, ...) gets them as before: Boot's config data, with the packaged
 * file as its location.
 */
final class PackagedSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/** Where the settings are, on the class path. */
	static final String LOCATION = "influx-shell/application.yml";

	/** The settings that ask for Spring Boot's own settings files, or settings of their own. */
	private static final List<String> BOOT_SETTINGS = List.of("spring.config.location",
			"spring.config.additional-location", "spring.config.import", "spring.config.name", "spring.profiles.active",
			"spring.profiles.include", "spring.application.json", "SPRING_APPLICATION_JSON");

	private PackagedSettings() {
	}

	/** Makes {@code app} read the packaged settings, and nothing else, into its environment. */
	static void applyTo(SpringApplication app) {
		app.setListeners(List.of(new PackagedSettings()));
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		if (asksForBoot(environment)) {
			DefaultPropertiesPropertySource.addOrMerge(Map.of("spring.config.location", "classpath:/" + LOCATION), sources);
			new EnvironmentPostProcessorApplicationListener().onApplicationEvent(event);
			return;
		}
		addTo(environment, read());
	}

	/** Whether these settings ask for Spring Boot's own ways to read settings. */
	static boolean asksForBoot(ConfigurableEnvironment environment) {
		return BOOT_SETTINGS.stream().anyMatch(environment::containsProperty);
	}

	/** The packaged settings, read from the jar. */
	static List<PropertySource<?>> read() {
		ClassPathResource file = new ClassPathResource(LOCATION, PackagedSettings.class.getClassLoader());
		try {
			return new YamlPropertySourceLoader().load("packaged settings " + LOCATION, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the packaged settings " + LOCATION, ex);
		}
	}

	/** Places the packaged settings below all others in {@code environment}, but Boot's defaults. */
	static void addTo(ConfigurableEnvironment environment, List<PropertySource<?>> packaged) {
		MutablePropertySources sources = environment.getPropertySources();
		for (PropertySource<?> source : packaged) {
			sources.addLast(source);
		}
		DefaultPropertiesPropertySource.moveToEnd(sources);
	}
}
