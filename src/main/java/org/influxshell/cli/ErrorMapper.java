package org.influxshell.cli;

import java.util.function.Function;

/**
 * Turns any failure into the one line a user sees and the exit code. Framework-free: the
 * console's runners call it, nothing else prints errors.
 */
public final class ErrorMapper {

	/**
	 * What a failure looks like to the user.
	 *
	 * @param message one line, without {@code Error: }
	 * @param exitCode 1 or 2
	 * @param cause what was thrown, for {@code --debug}; may be {@code null}
	 */
	public record Failure(String message, int exitCode, Throwable cause) {

		public Failure(String message, int exitCode) {
			this(message, exitCode, null);
		}
	}

	/** Maps the failures of one other layer (HTTP, transport); returns null for any other. */
	@FunctionalInterface
	public interface Extension {
		Failure map(Throwable t);
	}

	private final Function<Throwable, Failure> extra;

	/** @param extra mapping for failures of other layers (HTTP, transport); returns null if unknown */
	public ErrorMapper(Function<Throwable, Failure> extra) {
		this.extra = extra;
	}

	public Failure map(Throwable ex) {
		Throwable t = unwrap(ex);
		if (t instanceof CliException cli) {
			return new Failure(cli.getMessage(), cli.exitCode(), t);
		}
		Failure other = extra.apply(t);
		if (other != null) {
			return new Failure(other.message(), other.exitCode(), t);
		}
		String message = t.getMessage();
		return new Failure("unexpected " + t.getClass().getSimpleName()
				+ (message == null || message.isBlank() ? "" : ": " + firstLine(message)), CliException.FAILURE, t);
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable t = ex;
		while ((t instanceof java.lang.reflect.InvocationTargetException
				|| t instanceof java.lang.reflect.UndeclaredThrowableException
				|| t instanceof java.util.concurrent.CompletionException
				|| t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
			t = t.getCause();
		}
		return t;
	}

	private static String firstLine(String s) {
		int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}
}
