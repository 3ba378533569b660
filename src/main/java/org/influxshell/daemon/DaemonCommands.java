package org.influxshell.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.influxshell.cli.CliException;
import org.influxshell.cli.Stderr;
import org.influxshell.client.DaemonFolder;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandResult;
import org.influxshell.command.CommandSet;
import org.influxshell.command.Invocation;
import org.influxshell.connection.InfluxProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.standard.ShellComponent;

/**
 * {@code daemon start|stop|status|run}: the warm console. These always run cold (the launcher
 * never hands them to a daemon).
 */
@ShellComponent
public class DaemonCommands implements CommandSet {

	/** How long {@code daemon start} waits for the new daemon to answer. */
	static final long WAIT_MILLIS = 20_000;

	/** How long a stopping daemon may take to go: it finishes the commands in progress first, for a while. */
	static final long GONE_MILLIS = DaemonServer.FINISHING.toMillis() + 5_000;

	private final InfluxProperties properties;

	private final Invocation invocation;

	private final ObjectProvider<WarmConsole> console;

	private final Stderr stderr;

	public DaemonCommands(InfluxProperties properties, Invocation invocation, ObjectProvider<WarmConsole> console,
			Stderr stderr) {
		this.properties = properties;
		this.invocation = invocation;
		this.console = console;
		this.stderr = stderr;
	}

	@Override
	public Map<String, String> groups() {
		return Map.of("daemon", "The warm console: a background process that answers one-shot commands fast");
	}

	@Override
	public List<CommandDef> commands() {
		return List.of(
				CommandDef.command("daemon start")
					.description("Start your daemon in the background (a daemon of another build is stopped first)")
					.runs(a -> CommandResult.of(start())),
				CommandDef.command("daemon stop")
					.description("Stop your daemon once the commands it is running are done")
					.runs(a -> CommandResult.of(stop())),
				CommandDef.command("daemon status")
					.description("Show whether your daemon runs, and what it is (exit 1 when none runs)")
					.runs(a -> CommandResult.of(status())),
				CommandDef.command("daemon run")
					.description("Run the daemon in the foreground, until it is stopped or idle (for a service manager)")
					.runs(a -> CommandResult.of(run())));
	}

	private DaemonControl control() {
		return new DaemonControl(DaemonFolder.of(invocation.environment(), invocation.home()));
	}

	private String start() {
		DaemonControl control = control();
		DaemonControl.Status before = control.status();
		if (before != null && before.ours()) {
			return "the daemon is already running (pid " + before.pid() + ")\n";
		}
		if (before != null) {
			stderr.line("stopping the daemon of another build (pid " + before.pid() + ")");
			control.stop();
			awaitGone(control);
		}
		else if (control.running()) {
			// told to stop, it no longer answers, but holds the folder until its commands are done
			stderr.line("waiting for the stopping daemon to finish the commands it is running");
			awaitGone(control);
		}
		String launcher = System.getProperty("influxshell.self");
		if (launcher == null) {
			throw CliException.failure("daemon start needs the influx-shell launcher (it runs the daemon); "
					+ "run 'influx-shell daemon start', not java -jar");
		}
		Process process;
		try {
			process = control.spawn(launcher);
		}
		catch (IOException ex) {
			throw CliException.failure("cannot start the daemon: " + ex.getMessage());
		}
		long deadline = System.currentTimeMillis() + WAIT_MILLIS;
		while (System.currentTimeMillis() < deadline) {
			DaemonControl.Status now = control.status();
			if (now != null && now.ours()) {
				return "the daemon is running (pid " + now.pid() + ", socket " + control.folder().socket() + ")\n";
			}
			if (!process.isAlive()) {
				throw CliException.failure("the daemon did not start: " + lastLine(control.folder()));
			}
			pause();
		}
		throw CliException.failure("the daemon did not answer within " + WAIT_MILLIS / 1000 + "s (see "
				+ control.folder().log() + ")");
	}

	private String stop() {
		DaemonControl control = control();
		DaemonControl.Status was = control.stop();
		if (was == null) {
			return control.running() ? "the daemon is stopping: it ends when the commands it is running are done\n"
					: "no daemon is running\n";
		}
		awaitGone(control);
		if (control.running()) {
			return "the daemon (pid " + was.pid() + ") takes no new commands, and ends when those it is running are done\n";
		}
		return "the daemon stopped (pid " + was.pid() + ")\n";
	}

	private String status() {
		DaemonControl control = control();
		DaemonControl.Status now = control.status();
		if (now == null) {
			throw CliException.failure("no daemon is running (" + control.folder().socket() + ")");
		}
		return (now.ours() ? "running\n" : another(now.identity())) + now.text();
	}

	/** What makes a daemon another's: its build (version and time), its runtime, or both, against this console's. */
	static String another(String theirs) {
		String ours = DaemonFolder.identity();
		String differs = DaemonFolder.difference(theirs, ours);
		String[] a = theirs.split(" ", 3);
		String[] b = ours.split(" ", 3);
		StringBuilder text = new StringBuilder("running, of another " + differs + ": this console does not use it\n");
		if (differs.contains("build")) {
			text.append("its build:    ").append(a[0]).append(a.length > 1 ? " (built " + a[1] + ")" : "")
				.append(", this console's ").append(b[0]).append(" (built ").append(b[1]).append(")\n");
		}
		if (differs.contains("runtime")) {
			text.append("its java:     ").append(a.length > 2 ? a[2] : "?").append(", this console's ").append(b[2]).append("\n");
		}
		return text.toString();
	}

	private String run() {
		WarmConsole warm = console.getIfAvailable();
		if (warm == null) {
			throw CliException.failure("this console cannot run commands warm");
		}
		new DaemonServer(control().folder(), properties.getDaemon().idleTimeout(), warm).serve();
		return "";
	}

	private static void awaitGone(DaemonControl control) {
		long deadline = System.currentTimeMillis() + GONE_MILLIS;
		while (control.running() && System.currentTimeMillis() < deadline) {
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw CliException.failure("interrupted");
		}
	}

	private static String lastLine(DaemonFolder folder) {
		try {
			List<String> lines = Files.readAllLines(folder.log());
			return lines.stream().filter(l -> !l.isBlank()).map(l -> l.startsWith("Error: ") ? l.substring(7) : l)
				.reduce((a, b) -> b).orElse("no reason given (see " + folder.log() + ")");
		}
		catch (IOException ex) {
			return "no reason given";
		}
	}
}
