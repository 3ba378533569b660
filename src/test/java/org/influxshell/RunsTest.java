package org.influxshell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.influxshell.command.CommandModel;
import org.influxshell.command.Invocation;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.connection.InfluxProperties;
import org.influxshell.http.HttpClients;
import org.influxshell.shell.ConsoleRunner;
import org.influxshell.support.TestInvocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** One context, many runs: each run's objects are its own, made from its own invocation and settings. */
@SpringBootTest(properties = "spring.config.location=classpath:/influx-shell/application.yml")
class RunsTest {

	@Autowired
	Runs runs;

	@Autowired
	ConfigurableEnvironment settings;

	@Autowired
	ConfigurableListableBeanFactory context;

	@TempDir
	Path homes;

	@Test
	void twoOpenRunsEachHaveTheirOwnObjectsAndShareTheHttpClients() {
		Invocation ann = invocation(homes.resolve("ann"), Map.of());
		Invocation bob = invocation(homes.resolve("bob"), Map.of());
		try (Runs.Run first = runs.open(ann, environment(Map.of("influx.host", "http://a:8086")));
				Runs.Run second = runs.open(bob, environment(Map.of("influx.host", "http://b:8086")))) {
			assertThat(first.bean(InfluxProperties.class).getHost()).isEqualTo("http://a:8086");
			assertThat(second.bean(InfluxProperties.class).getHost()).isEqualTo("http://b:8086");
			assertThat(first.bean(ConfigsFile.class).path(null)).isEqualTo(homes.resolve("ann/.influxdbv2/configs"));
			assertThat(second.bean(ConfigsFile.class).path(null)).isEqualTo(homes.resolve("bob/.influxdbv2/configs"));
			assertThat(first.bean(ConsoleRunner.class)).isNotSameAs(second.bean(ConsoleRunner.class));
			assertThat(first.bean(CommandModel.class)).isNotSameAs(second.bean(CommandModel.class));
			// within a run, one of each
			assertThat(first.bean(ConsoleRunner.class)).isSameAs(first.bean(ConsoleRunner.class));
			// what the runs share: the context's
			assertThat(first.bean(HttpClients.class)).isSameAs(second.bean(HttpClients.class))
				.isSameAs(context.getBean(HttpClients.class));
		}
	}

	@Test
	void aRunsSettingsAreItsEnvironmentsOverThePackagedOnes() {
		try (Runs.Run run = runs.open(invocation(homes, Map.of()), settings)) {
			// the packaged application.yml
			assertThat(run.bean(InfluxProperties.class).getConnectTimeout()).isEqualTo("10s");
		}
		try (Runs.Run run = runs.open(invocation(homes, Map.of()),
				environment(Map.of("influx.connect-timeout", "3s")))) {
			assertThat(run.bean(InfluxProperties.class).getConnectTimeout()).isEqualTo("3s");
		}
	}

	@Test
	void noBeanOfAFeatureIsTheContextsOwn() {
		List<String> shared = Arrays.stream(context.getBeanDefinitionNames())
			.filter(name -> !PerRunBeans.SCOPE.equals(context.getBeanDefinition(name).getScope()))
			.filter(name -> {
				String type = context.getType(name) == null ? "" : context.getType(name).getName();
				return type.startsWith("org.influxshell.");
			})
			.sorted()
			.toList();
		// the application class, with what it declares, and the tests' scripted answers (found by its scan)
		assertThat(shared).containsExactly("completionLists", "httpClients", "influxShellApplication",
				"noEventListenerMethods", "perRunBeans", "runs", "scriptedAnswers", "scriptedQuestions");
		assertThat(context.getBeanDefinition("consoleRunner").getScope()).isEqualTo(PerRunBeans.SCOPE);
		assertThat(context.getBeanDefinition("influxProperties").getScope()).isEqualTo(PerRunBeans.SCOPE);
		// asked outside a run, a run's bean is refused rather than made for nobody
		assertThatThrownBy(() -> context.getBean(ConsoleRunner.class)).hasMessageContaining("'run'");
		assertThat(context.getBeanDefinition("httpClients").getScope()).isIn("", BeanDefinition.SCOPE_SINGLETON);
	}

	/** Runs opened and closed on many threads at once each get their own objects, and close them. */
	@Test
	void runsOpenedAtOnceOnManyThreadsStayApart() throws Exception {
		int count = 16;
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> hosts = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String host = "http://h" + i + ":8086";
				Path home = homes.resolve("u" + i);
				hosts.add(threads.submit(() -> {
					try (Runs.Run run = runs.open(invocation(home, Map.of()), environment(Map.of("influx.host", host)))) {
						return run.bean(InfluxProperties.class).getHost() + " " + run.bean(ConfigsFile.class).path(null);
					}
				}));
			}
			for (int i = 0; i < count; i++) {
				assertThat(hosts.get(i).get(60, TimeUnit.SECONDS))
					.isEqualTo("http://h" + i + ":8086 " + homes.resolve("u" + i + "/.influxdbv2/configs"));
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** A closed run's objects are let go, and none is made again. */
	@Test
	void aClosedRunKeepsNothing() throws Exception {
		Runs.Run run = runs.open(invocation(homes, Map.of()), settings);
		ReferenceQueue<Object> freed = new ReferenceQueue<>();
		WeakReference<Object> runner = new WeakReference<>(run.bean(ConsoleRunner.class), freed);
		run.close();
		assertThatThrownBy(() -> run.bean(ConsoleRunner.class)).hasMessage("this run is over");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		Reference<?> gone = null;
		while (gone == null && System.nanoTime() < deadline) {
			System.gc();
			gone = freed.remove(100);
		}
		assertThat(gone).as("the closed run's runner is still reachable").isSameAs(runner);
	}

	/** Settings as a daemon request's: these over the packaged ones. */
	private ConfigurableEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		PackagedSettings.addTo(environment, PackagedSettings.read());
		return environment;
	}

	private static Invocation invocation(Path home, Map<String, String> variables) {
		return new TestInvocation(variables, home, new ByteArrayOutputStream());
	}
}
