package org.influxshell.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.influxshell.cli.ErrorReporter;
import org.influxshell.cli.Stderr;
import org.influxshell.command.Invocation;
import org.influxshell.command.Launch;
import org.influxshell.command.StopSignals;
import org.influxshell.shell.ConsoleRunner;
import org.influxshell.shell.ProcessInvocation;
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
 * Drives the real {@link ConsoleRunner} with a command line as its arguments (one-shot mode) or a
 * script on stdin, in a Spring context like the console's, with captured streams and a home
 * folder of the test's own: the configs file is where a user's would be, {@code ~/.influxdbv2/configs}.
 * Questions go to {@link ScriptedQuestions}: no terminal unless a test gives answers.
 * <p>
 * The connect and response timeouts are generous: on a loaded machine a first request (a TLS
 * handshake, a cold client) can take seconds, and no test here is about them. A test of the
 * response timeout sets a short one of its own, against a server that never answers.
 */
@SpringBootTest(properties = { "spring.config.location=classpath:/influx-shell/application.yml",
		"influx.connect-timeout=30s", "influx.response-timeout=60s" })
@Import(ConsoleTest.CapturedStderr.class)
public abstract class ConsoleTest {

	@TempDir
	protected Path home;

	protected Path configs;

	@Autowired
	protected ConsoleRunner runner;

	@Autowired
	protected ErrorReporter reporter;

	@Autowired
	protected ByteArrayOutputStream stderrBytes;

	@Autowired
	protected ScriptedQuestions questions;

	@Autowired
	private TestHome testHome;

	@BeforeEach
	void testHome() {
		testHome.path = home;
		configs = home.resolve(".influxdbv2/configs");
		stderrBytes.reset();
		reporter.debug(false);
		questions.reset();
	}

	/** What one run of the console did. */
	public record Run(int exit, String out, String err) {

		Run withOut(String text) {
			return new Run(exit, text, err);
		}
	}

	/** Runs the console with {@code line}'s words as its arguments, as a shell would split them. */
	protected Run run(String line) {
		return runWords(Words.split(line));
	}

	protected Run runWords(List<String> words) {
		return runArgs(words.toArray(String[]::new), "");
	}

	/** Runs the console with these arguments, stdin not a terminal and holding {@code stdin}. */
	protected Run runArgs(String[] args, String stdin) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		return runTo(out, stdin, args).withOut(out.toString(StandardCharsets.UTF_8));
	}

	/** Runs the console with its results going to {@code stdout}; the {@link Run}'s output is empty. */
	protected Run runTo(OutputStream stdout, String stdin, String... args) {
		stderrBytes.reset();
		int exit = runner.run(Launch.parse(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout, () -> false);
		return new Run(exit, "", stderrBytes.toString(StandardCharsets.UTF_8));
	}

	protected byte[] configsBytes() {
		try {
			return Files.exists(configs) ? Files.readAllBytes(configs) : new byte[0];
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The home folder of the test that runs, whatever {@code HOME} the test JVM has. */
	static final class TestHome {

		volatile Path path;
	}

	@TestConfiguration
	static class CapturedStderr {

		@Bean
		TestHome testHome() {
			return new TestHome();
		}

		/** The process's own run, in the test's home folder. */
		@Bean
		@Primary
		Invocation invocationAtTestHome(TestHome home) {
			Invocation process = new ProcessInvocation();
			return new Invocation() {

				@Override
				public Map<String, String> environment() {
					return process.environment();
				}

				@Override
				public String home() {
					// a test of the shared context that is not a console test: the process's own
					Path path = home.path;
					return path == null ? process.home() : path.toString();
				}

				@Override
				public Path folder() {
					return process.folder();
				}

				@Override
				public boolean isTerminal(int fd) {
					return process.isTerminal(fd);
				}

				@Override
				public OutputStream stderr() {
					return process.stderr();
				}

				@Override
				public StopSignals signals() {
					return process.signals();
				}
			};
		}

		@Bean
		ByteArrayOutputStream stderrBytes() {
			return new ByteArrayOutputStream();
		}

		@Bean
		@Primary
		Stderr capturedStderr(ByteArrayOutputStream stderrBytes) {
			return new Stderr(new PrintStream(stderrBytes, true, StandardCharsets.UTF_8));
		}

		/** Questions are answered by the test, never by a terminal the test runs on. */
		@Bean
		@Primary
		ScriptedQuestions scriptedQuestions() {
			return new ScriptedQuestions();
		}
	}
}
