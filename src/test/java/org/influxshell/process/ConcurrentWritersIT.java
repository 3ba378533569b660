package org.influxshell.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.influxshell.configs.Profile;
import org.influxshell.configs.Profiles;
import org.influxshell.configs.TomlProfileStore;
import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many console processes changing one configs file at once, and one killed in mid-write, whose
 * temporary file the next write removes.
 */
class ConcurrentWritersIT {

	static final int PROCESSES = 20;

	@TempDir
	Path home;

	@Test
	void twentyProcessesCreateAndSwitchWithoutLosingAChange() throws Exception {
		Path configs = home.resolve(".influxdbv2/configs");
		ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
		try {
			List<Future<Result>> results = new ArrayList<>();
			for (int i = 0; i < PROCESSES; i++) {
				String name = "p" + i;
				JarProcess console = new JarProcess(home).env("INFLUX_LOCK_TIMEOUT", "120s");
				results.add(pool.submit(() -> console.run("config create -n " + name + " -u http://h" + name
						+ ":8086 -t tok-" + name + "\nconfig use " + name + "\nconfig ls --hide-headers\n")));
			}
			for (Future<Result> f : results) {
				Result r = f.get(300, TimeUnit.SECONDS);
				// twenty JVMs on a small machine may queue for the lock longer than the second after which it is said
				assertThat(r.err().lines()).allMatch(line -> line.startsWith("configs file " + configs
						+ " is locked by another process; waiting up to 120s"));
				assertThat(r.exit()).isZero();
			}
		}
		finally {
			pool.shutdownNow();
		}
		Profiles after = new TomlProfileStore(configs).read();
		assertThat(after.all()).hasSize(PROCESSES);
		for (int i = 0; i < PROCESSES; i++) {
			assertThat(after.require("p" + i).token()).isEqualTo("tok-p" + i);
		}
		assertThat(after.all().stream().filter(Profile::active)).hasSize(1);
		assertThat(after.all().stream().filter(Profile::previous).count()).isLessThanOrEqualTo(1);
		assertThat(after.activeAmbiguity()).isEmpty();
	}

	@Test
	void aProcessKilledBetweenWriteAndRenameLeavesTheOldFileWhole() throws Exception {
		Path configs = home.resolve(".influxdbv2/configs");
		JarProcess console = new JarProcess(home);
		assertThat(console.run(null, "config", "create", "-n", "old", "-u", "http://old:1", "-t", "t", "-a").exit()).isZero();
		byte[] before = Files.readAllBytes(configs);

		ProcessBuilder pb = new ProcessBuilder(JarProcess.launcher().toString(), "config", "create", "-n", "new", "-u",
				"http://new:1").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("HOME", home.toString());
		// the writer waits at the rename far longer than it takes to see its temporary file and kill it
		pb.environment().put("INFLUX_SHELL_JAVA_OPTS", "-Dinfluxshell.test.pause-before-rename=600000");
		Process writer = pb.start();
		try {
			Poll.until("the writer reached the rename", Duration.ofSeconds(120),
					() -> tempFileExists(configs.getParent()) || !writer.isAlive());
			assertThat(tempFileExists(configs.getParent())).as("the writer reached the rename").isTrue();
			writer.destroyForcibly();
			assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			writer.destroyForcibly();
		}
		assertThat(writer.exitValue()).isEqualTo(137);

		assertThat(Files.readAllBytes(configs)).isEqualTo(before);
		assertThat(new TomlProfileStore(configs).read().all()).extracting(Profile::name).containsExactly("old");
		// the lock died with the process: the next writer goes straight through
		Result next = console.run(null, "config", "create", "-n", "next", "-u", "http://next:1");
		assertThat(next.exit()).isZero();
		assertThat(new TomlProfileStore(configs).read().all()).extracting(Profile::name).containsExactly("next", "old");
		// and took the killed writer's temporary file away
		assertThat(tempFileExists(configs.getParent())).isFalse();
	}

	private static boolean tempFileExists(Path dir) throws java.io.IOException {
		if (!Files.isDirectory(dir)) {
			return false;
		}
		try (var files = Files.list(dir)) {
			return files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
		}
	}
}
