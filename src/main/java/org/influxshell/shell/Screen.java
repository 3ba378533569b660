package org.influxshell.shell;

/**
 * How wide the screen is, for help text: the REPL's terminal when one is open, else
 * {@code $COLUMNS}, else 80 columns.
 */
public class Screen {

	static final int DEFAULT_COLUMNS = 80;

	private volatile int columns;

	public Screen(String columnsVariable) {
		int parsed = DEFAULT_COLUMNS;
		try {
			if (columnsVariable != null) {
				parsed = Integer.parseInt(columnsVariable.strip());
			}
		}
		catch (NumberFormatException ex) {
			// not a number: the default
		}
		this.columns = parsed > 0 ? parsed : DEFAULT_COLUMNS;
	}

	public int columns() {
		return columns;
	}

	/** The terminal's width, when it knows it (0 means it does not). */
	void columns(int terminalWidth) {
		if (terminalWidth > 0) {
			this.columns = terminalWidth;
		}
	}
}
