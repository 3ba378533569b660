package org.influxshell.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.influxshell.Runs;
import org.influxshell.ScriptedAnswers;
import org.influxshell.command.Invocation;
import org.influxshell.command.Launch;
import org.influxshell.shell.Words;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Drives the real console, a run of {@link Runs} as {@code main} opens one, with a command line as
 * its arguments (one-shot mode) or a script on stdin, in the console's Spring context, with
 * captured streams and a home folder of the test's own: the configs file is where a user's would be, {@code ~/.influxdbv2/configs}.
 * Questions go to {@link ScriptedQuestions}: no terminal unless a test gives answers.
 * <p>
 * The connect and response timeouts are generous: on a loaded machine a first request (a TLS
 * handshake, a cold client) can take seconds, and no test here is about them. A test of the
 * response timeout sets a short one of its own, against a server that never answers.
 */
@SpringBootTest(properties = { "spring.config.location=classpath:/influx-shell/application.yml",
		"influx.connect-timeout=30s", "influx.response-timeout=60s" })
@Import(ScriptedAnswers.class)
public abstract class ConsoleTest {

	@TempDir
	protected Path home;

	protected Path configs;

	/** What the runs wrote to stderr. */
	protected final ByteArrayOutputStream stderrBytes = new ByteArrayOutputStream();

	@Autowired
	protected ScriptedQuestions questions;

	@Autowired
	private Runs runs;

	@Autowired
	private ConfigurableEnvironment settings;

	/** Environment variables the test's runs have besides (or instead of) the process's. */
	private final Map<String, String> variables = new HashMap<>();

	/** The run {@link #bean} opened, closed after the test. */
	private Runs.Run open;

	@BeforeEach
	void testHome() {
		configs = home.resolve(".influxdbv2/configs");
		stderrBytes.reset();
		questions.reset();
		// help is as wide as the test says, whatever terminal runs the build
		variables.clear();
		variables.put("COLUMNS", null);
	}

	@AfterEach
	void closeRun() {
		if (open != null) {
			open.close();
			open = null;
		}
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
		int exit;
		try (Runs.Run run = runs.open(invocation(), settings())) {
			exit = run.console(Launch.parse(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
					stdout, () -> false);
		}
		return new Run(exit, "", stderrBytes.toString(StandardCharsets.UTF_8));
	}

	/**
	 * A bean of a run of the test's own (its home, its stderr), open until the test ends: for a
	 * test that drives a part of the console directly.
	 */
	protected <T> T bean(Class<T> type) {
		if (open == null) {
			open = runs.open(invocation(), settings());
		}
		return open.bean(type);
	}

	/**
	 * Sets an environment variable for the test's later runs, as a shell would: the run's
	 * {@code Invocation} has it, and its settings read it ({@code INFLUX_HOST} is {@code influx.host});
	 * {@code null} leaves it unset.
	 */
	protected void environment(String name, String value) {
		variables.put(name, value);
	}

	protected byte[] configsBytes() {
		try {
			return Files.exists(configs) ? Files.readAllBytes(configs) : new byte[0];
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The context's settings, under the variables the test set, as a run's settings read its variables. */
	private ConfigurableEnvironment settings() {
		Map<String, Object> set = new HashMap<>();
		variables.forEach((name, value) -> {
			if (value != null) {
				set.put(name, value);
			}
		});
		if (set.isEmpty()) {
			return settings;
		}
		return TestSettings.over(settings, new SystemEnvironmentPropertySource("test variables", set));
	}

	/** The process's own run, in the test's home folder, with stderr captured and no terminal. */
	private Invocation invocation() {
		Map<String, String> environment = new HashMap<>(System.getenv());
		variables.forEach((name, value) -> {
			if (value == null) {
				environment.remove(name);
			}
			else {
				environment.put(name, value);
			}
		});
		return new TestInvocation(environment, home, stderrBytes);
	}
}
