package org.influxshell.command;

/**
 * What a service tells the person while it runs, outside its result: a step done, a token it
 * skipped, a value it must say once because the profiles could not be written, the progress of a
 * bulk run. The command layer owns what reaches the person: a service never writes to a stream.
 * What comes at the end anyway (the plan of a dry run) a service returns with its result, and the
 * command prints it; this port is only for text that must appear while the service runs, in its
 * order among the questions, the progress line and the failure the command may end with (a line
 * said before a failure is thrown must still be seen). The console implements it over its stderr;
 * tests may collect the lines.
 */
public interface Notes {

	/** Says {@code text} as one line of its own. */
	void line(String text);

	/** Says {@code Warning: <message>} as one line of its own. */
	void warn(String message);

	/** Whether a progress line is shown at all: only on a terminal. */
	boolean showsProgress();

	/** Shows {@code text} on the progress line, in place of the last one; nothing when progress is not shown. */
	void progress(String text);

	/** Clears the progress line, if one is shown. */
	void endProgress();
}
