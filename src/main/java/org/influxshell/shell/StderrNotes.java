package org.influxshell.shell;

import org.influxshell.cli.Stderr;
import org.influxshell.command.Notes;

/** {@link Notes} on the run's stderr: each line as it comes, control characters escaped; progress on a terminal only. */
public final class StderrNotes implements Notes {

	private final Stderr stderr;

	public StderrNotes(Stderr stderr) {
		this.stderr = stderr;
	}

	@Override
	public void line(String text) {
		stderr.line(text);
	}

	@Override
	public void warn(String message) {
		stderr.warn(message);
	}

	@Override
	public boolean showsProgress() {
		return stderr.showsProgress();
	}

	@Override
	public void progress(String text) {
		stderr.progress(text);
	}

	@Override
	public void endProgress() {
		stderr.endProgress();
	}
}
