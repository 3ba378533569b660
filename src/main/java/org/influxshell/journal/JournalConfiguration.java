package org.influxshell.journal;

import java.nio.file.Path;

import org.influxshell.cli.Stderr;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.connection.InfluxProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the journal: {@code influx.journal-path}, else {@code influx-shell-journal.jsonl} beside the configs file. */
@Configuration(proxyBeanMethods = false)
public class JournalConfiguration {

	/** The journal's file name beside the configs file. */
	public static final String FILE_NAME = "influx-shell-journal.jsonl";

	@Bean
	Journal journal(InfluxProperties properties, ConfigsFile configs, Stderr stderr) {
		return new Journal(() -> {
			String set = properties.getJournalPath();
			return set != null && !set.isEmpty() ? Path.of(set) : configs.path(null).resolveSibling(FILE_NAME);
		}, properties.lockTimeout(), stderr::warn);
	}
}
