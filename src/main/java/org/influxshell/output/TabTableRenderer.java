package org.influxshell.output;

import org.influxshell.cli.Escapes;

import org.springframework.shell.table.TableModel;

/**
 * Renders a {@link TableModel} the way upstream {@code influx} does with Go's
 * {@code text/tabwriter} (minwidth 0, tabwidth 8, padding 1, padchar TAB): every cell but the
 * last on a line is padded with TABs to its column's width, {@code roundUp8(longest + 1)}.
 * Row 0 of the model is the header row. Control characters in cells are shown escaped.
 */
public final class TabTableRenderer {

	private static final int TAB_WIDTH = 8;

	private TabTableRenderer() {
	}

	/**
	 * @param model header row first, then data rows; {@code null} cells render empty
	 * @param hideHeaders leave the header row out, of the output and of the width computation
	 */
	public static String render(TableModel model, boolean hideHeaders) {
		int firstRow = hideHeaders ? 1 : 0;
		int columns = model.getColumnCount();
		int[] widths = new int[columns];
		for (int row = firstRow; row < model.getRowCount(); row++) {
			for (int col = 0; col < columns - 1; col++) {
				widths[col] = Math.max(widths[col], length(cell(model, row, col)));
			}
		}
		StringBuilder out = new StringBuilder();
		for (int row = firstRow; row < model.getRowCount(); row++) {
			for (int col = 0; col < columns; col++) {
				String value = cell(model, row, col);
				out.append(value);
				if (col < columns - 1) {
					int width = roundUp(widths[col] + 1);
					int tabs = width / TAB_WIDTH - length(value) / TAB_WIDTH;
					out.append("\t".repeat(tabs));
				}
			}
			out.append('\n');
		}
		return out.toString();
	}

	/** A cell's text, control characters escaped (a TAB in a description would break the columns). */
	private static String cell(TableModel model, int row, int col) {
		Object value = model.getValue(row, col);
		return value == null ? "" : Escapes.visible(value.toString());
	}

	private static int length(String s) {
		return s.codePointCount(0, s.length());
	}

	private static int roundUp(int n) {
		return (n + TAB_WIDTH - 1) / TAB_WIDTH * TAB_WIDTH;
	}
}
