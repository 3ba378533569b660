package org.influxshell.support;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

import org.influxshell.command.Invocation;
import org.influxshell.command.StopSignals;
import org.influxshell.shell.ProcessInvocation;

/**
 * A run of a test's own: these variables and home folder, stderr into the test's stream, no
 * terminal, the working folder and signals of the test's process.
 */
public final class TestInvocation implements Invocation {

	private final Invocation process = new ProcessInvocation();

	private final Map<String, String> environment;

	private final Path home;

	private final OutputStream stderr;

	public TestInvocation(Map<String, String> environment, Path home, OutputStream stderr) {
		this.environment = environment;
		this.home = home;
		this.stderr = stderr;
	}

	@Override
	public Map<String, String> environment() {
		return environment;
	}

	@Override
	public String home() {
		return home.toString();
	}

	@Override
	public Path folder() {
		return process.folder();
	}

	@Override
	public boolean isTerminal(int fd) {
		return false;
	}

	@Override
	public OutputStream stderr() {
		return stderr;
	}

	@Override
	public StopSignals signals() {
		return process.signals();
	}
}
