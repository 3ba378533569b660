package org.influxshell;

import org.influxshell.support.ScriptedQuestions;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The questions of a console test's runs are answered by the test, never by a terminal the test
 * runs on. Declared in the application's package, so that it is shared by the runs, as the
 * application class's beans are, and the test can script the answers before a run.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScriptedAnswers {

	@Bean
	@Primary
	ScriptedQuestions scriptedQuestions() {
		return new ScriptedQuestions();
	}
}
