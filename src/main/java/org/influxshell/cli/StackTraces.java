package org.influxshell.cli;

/** The stack trace of a failure, as text: shown only with {@code --debug}. */
public final class StackTraces {

	private StackTraces() {
	}

	public static String format(Throwable failure) {
		StringBuilder out = new StringBuilder();
		String prefix = "";
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			out.append(prefix).append(t).append('\n');
			for (StackTraceElement e : t.getStackTrace()) {
				out.append("\tat ").append(e).append('\n');
			}
			prefix = "Caused by: ";
		}
		return out.toString();
	}
}
