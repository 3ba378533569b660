package org.influxshell.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ErrorMapper.Failure;
import org.influxshell.cli.Stderr;
import org.influxshell.shell.CommandDispatcher;
import org.influxshell.shell.Words;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Runs command lines through the real Spring context and dispatcher, as one-shot mode does,
 * capturing stdout and stderr. Each test gets its own configs file.
 */
@SpringBootTest(properties = { "spring.config.location=classpath:/influx-shell/application.yml",
		"influx.console.enabled=false", "influx.connect-timeout=2s", "influx.response-timeout=1s" })
@Import(ConsoleTest.CapturedStderr.class)
public abstract class ConsoleTest {

	@TempDir
	protected Path home;

	protected Path configs;

	@Autowired
	protected CommandDispatcher dispatcher;

	@Autowired
	protected ByteArrayOutputStream stderrBytes;

	@BeforeEach
	void freshConfigs() {
		configs = home.resolve(".influxdbv2/configs");
		stderrBytes.reset();
	}

	/** What one command line did. */
	public record Run(int exit, String out, String err) {
	}

	/**
	 * Runs {@code line} against this test's configs file (unless the line names its own): the
	 * option goes right after the command's name, so that the line's own options come later.
	 */
	protected Run run(String line) {
		var words = new java.util.ArrayList<>(Words.split(line));
		CommandDispatcher.Match match = dispatcher.find(words);
		if (!line.contains("--configs-path") && match != null && match.spec().option("--configs-path") != null) {
			words.add(words.size() - match.rest().size(), "--configs-path=" + configs);
		}
		return runWords(words);
	}

	protected Run runWords(java.util.List<String> words) {
		stderrBytes.reset();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Failure failure;
		try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
			failure = dispatcher.execute(words, ps);
		}
		catch (CliException ex) {
			failure = new Failure(ex.getMessage(), ex.exitCode());
		}
		String err = stderrBytes.toString(StandardCharsets.UTF_8);
		if (failure != null) {
			err += "Error: " + failure.message() + "\n";
		}
		return new Run(failure == null ? 0 : failure.exitCode(), out.toString(StandardCharsets.UTF_8), err);
	}

	protected byte[] configsBytes() {
		try {
			return Files.exists(configs) ? Files.readAllBytes(configs) : new byte[0];
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration
	static class CapturedStderr {

		@Bean
		ByteArrayOutputStream stderrBytes() {
			return new ByteArrayOutputStream();
		}

		@Bean
		@Primary
		Stderr capturedStderr(ByteArrayOutputStream stderrBytes) {
			return new Stderr(new PrintStream(stderrBytes, true, StandardCharsets.UTF_8));
		}
	}
}
