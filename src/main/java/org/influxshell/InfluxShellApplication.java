package org.influxshell;

import java.util.Map;

import org.influxshell.cli.CliException;
import org.influxshell.shell.ConsoleRunner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * influx-shell: InfluxDB 2.x tokens and connection profiles from a console. Runs one command,
 * a script, or the REPL (see {@link ConsoleRunner}), then exits with the command's code.
 */
@SpringBootApplication
public class InfluxShellApplication {

	/** Our own settings only: an application.yml in the user's working folder is not read. */
	static final Map<String, Object> DEFAULTS = Map.of("spring.config.location",
			"classpath:/influx-shell/application.yml");

	public static void main(String[] args) {
		int code;
		try {
			SpringApplication app = new SpringApplication(InfluxShellApplication.class);
			app.setDefaultProperties(DEFAULTS);
			try (ConfigurableApplicationContext context = app.run(args)) {
				code = context.getBean(ConsoleRunner.class).exitCode();
			}
		}
		catch (SpringApplication.AbandonedRunException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			System.err.println("Error: " + startupMessage(ex));
			code = CliException.FAILURE;
		}
		System.out.flush();
		System.exit(code);
	}

	private static String startupMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return "cannot start: " + (message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(""));
	}
}
