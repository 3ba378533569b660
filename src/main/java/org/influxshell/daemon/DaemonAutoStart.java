package org.influxshell.daemon;

import java.io.IOException;
import java.time.Duration;

import org.influxshell.cli.CliException;
import org.influxshell.client.DaemonFolder;
import org.influxshell.command.Invocation;
import org.influxshell.command.Launch;
import org.influxshell.connection.InfluxProperties;

import org.springframework.stereotype.Component;

/**
 * {@code influx.daemon.auto-start}: after a cold run, a daemon is started in the background when
 * none runs, so that the next command is answered warm. Only from the launcher, which names
 * itself ({@code influxshell.self}); never after the {@code daemon} commands.
 */
@Component
public class DaemonAutoStart {

	/** How long a cold run waits for a daemon that was asked to stop to go, before it starts the current one. */
	static final Duration RETIRING = Duration.ofSeconds(2);

	private final InfluxProperties properties;

	private final Invocation invocation;

	public DaemonAutoStart(InfluxProperties properties, Invocation invocation) {
		this.properties = properties;
		this.invocation = invocation;
	}

	public void afterColdRun(Launch launch) {
		String launcher = System.getProperty("influxshell.self");
		if (launcher == null || launch.daemonCommand()) {
			return;
		}
		try {
			if (!properties.getDaemon().autoStart()) {
				return;
			}
		}
		catch (CliException ex) {
			// reported already, by the settings check before the command
			return;
		}
		DaemonControl control = new DaemonControl(DaemonFolder.of(invocation.environment(), invocation.home()));
		DaemonControl.Status now = control.status();
		if (now != null && now.ours()) {
			return;
		}
		// one of another build, just asked to stop by the client that ran this command cold: it
		// goes at once unless it still runs commands, and this run starts the current one
		long deadline = System.nanoTime() + RETIRING.toNanos();
		while (control.running() && System.nanoTime() < deadline && control.status() == null) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (!control.running()) {
			try {
				control.spawn(launcher);
			}
			catch (IOException ex) {
				// the command is done; the next one runs cold again
			}
		}
	}
}
