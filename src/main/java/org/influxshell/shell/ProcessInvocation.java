package org.influxshell.shell;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

import org.influxshell.cli.UserHome;
import org.influxshell.command.Invocation;
import org.influxshell.command.StopSignals;

/**
 * The process's own {@link Invocation}: {@code System.getenv()}, the home {@link UserHome} names
 * (read at each use), the working folder, file descriptor 2, and the JVM's signals.
 */
public final class ProcessInvocation implements Invocation {

	private final OutputStream stderr = new FileOutputStream(FileDescriptor.err);

	private final StopSignals signals = new SignalWatch();

	@Override
	public Map<String, String> environment() {
		return System.getenv();
	}

	@Override
	public String env(String name) {
		return System.getenv(name);
	}

	@Override
	public String home() {
		return UserHome.of(System.getenv(), System.getProperty("user.home"));
	}

	@Override
	public Path folder() {
		return Path.of("");
	}

	@Override
	public boolean isTerminal(int fd) {
		return Terminals.isTerminal(fd);
	}

	@Override
	public int terminalColumns() {
		return isTerminal(1) ? Terminals.columns() : 0;
	}

	@Override
	public OutputStream stderr() {
		return stderr;
	}

	@Override
	public StopSignals signals() {
		return signals;
	}
}
