package org.influxshell.shell;

import java.util.function.IntSupplier;

/**
 * Where help text is shown and how wide it may be: the REPL's terminal while the REPL runs (its
 * width at each line); else {@code $COLUMNS} when set; else the width of the terminal stdout goes
 * to, asked only when help is printed; else 80 columns.
 */
public class Screen {

	static final int DEFAULT_COLUMNS = 80;

	private final int columnsVariable;

	private final IntSupplier terminalWidth;

	/** The REPL's width, 0 until the REPL sets it. */
	private volatile int replColumns;

	/** The width of stdout's terminal once asked: -1 until then, 0 when there is none. */
	private volatile int asked = -1;

	private volatile boolean repl;

	/** A screen of {@code $COLUMNS} columns, or 80. */
	public Screen(String columnsVariable) {
		this(columnsVariable, () -> 0);
	}

	/**
	 * @param columnsVariable {@code $COLUMNS}, or {@code null}
	 * @param terminalWidth the width of the terminal stdout goes to, 0 when it is none or cannot
	 *        be known; asked at most once
	 */
	public Screen(String columnsVariable, IntSupplier terminalWidth) {
		int parsed = 0;
		try {
			if (columnsVariable != null) {
				parsed = Integer.parseInt(columnsVariable.strip());
			}
		}
		catch (NumberFormatException ex) {
			// not a number: as if unset
		}
		this.columnsVariable = Math.max(parsed, 0);
		this.terminalWidth = terminalWidth;
	}

	public int columns() {
		if (replColumns > 0) {
			return replColumns;
		}
		if (columnsVariable > 0) {
			return columnsVariable;
		}
		if (asked < 0) {
			asked = Math.max(terminalWidth.getAsInt(), 0);
		}
		return asked > 0 ? asked : DEFAULT_COLUMNS;
	}

	/** The terminal's width, when it knows it (0 means it does not). */
	void columns(int terminalWidth) {
		if (terminalWidth > 0) {
			this.replColumns = terminalWidth;
		}
	}

	/** Whether help is read in the REPL, where commands are typed without {@code influx-shell}. */
	boolean repl() {
		return repl;
	}

	/** The REPL runs from now on. */
	void replStarted() {
		this.repl = true;
	}
}
