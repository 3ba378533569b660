package org.influxshell.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place that turns a failure into what the user sees: one line and the exit code of
 * {@link ExitCodes}. Framework-free: the console's runners call it through
 * {@link ErrorReporter}.
 */
public final class ErrorMapper {

	/**
	 * What a failure looks like to the user.
	 *
	 * @param message one line, without {@code Error: }; {@code null} for a quiet end
	 * @param exitCode see {@link ExitCodes}
	 * @param cause what was thrown, for {@code --debug}
	 * @param summary the message is the report of a stopped run, printed without {@code Error: }
	 * @param hint a line of advice printed after the message ({@code Hint: ...}), or {@code null}
	 */
	public record Failure(String message, int exitCode, Throwable cause, boolean summary, String hint) {

		public Failure(String message, int exitCode, Throwable cause) {
			this(message, exitCode, cause, false, null);
		}
	}

	public Failure map(Throwable ex) {
		Throwable t = unwrap(ex);
		if (t instanceof RunStopped stopped) {
			return new Failure(stopped.getMessage(), stopped.exitCode(), t, true, null);
		}
		if (t instanceof CliException cli) {
			return new Failure(cli.getMessage(), cli.exitCode(), t, false, cli.hint());
		}
		if (t instanceof OutputException out) {
			if (out.closedByReader() && out.changed() == null) {
				return new Failure(null, ExitCodes.CLOSED_PIPE, t);
			}
			return new Failure("cannot write the output: " + out.getMessage()
					+ (out.changed() == null ? "" : "; " + out.changed()), ExitCodes.FAILURE, t);
		}
		if (t instanceof InterruptedException) {
			return new Failure("interrupted", ExitCodes.INTERRUPTED, t);
		}
		String message = t.getMessage();
		return new Failure("unexpected " + t.getClass().getSimpleName()
				+ (message == null || message.isBlank() ? "" : ": " + firstLine(message)), ExitCodes.FAILURE, t);
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable t = ex;
		while ((t instanceof InvocationTargetException || t instanceof UndeclaredThrowableException
				|| t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
			t = t.getCause();
		}
		return t;
	}

	private static String firstLine(String s) {
		int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}
}
