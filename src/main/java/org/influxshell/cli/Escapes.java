package org.influxshell.cli;

/**
 * Text from a server or a file made safe to print on a terminal: control characters (C0 with TAB
 * and newline, DEL, C1) are shown escaped ({@code \t}, {@code \n}, {@code \x1b},
 * {@code \u009b}), so a description cannot break a table's columns, forge a second
 * {@code Error:} line or send the terminal an escape sequence. JSON output has its own escaping
 * and does not use this.
 */
public final class Escapes {

	private Escapes() {
	}

	public static String visible(String text) {
		if (text.chars().noneMatch(Escapes::isControl)) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isControl(c)) {
				out.append(c);
			}
			else if (c == '\t') {
				out.append("\\t");
			}
			else if (c == '\n') {
				out.append("\\n");
			}
			else if (c == '\r') {
				out.append("\\r");
			}
			else if (c < 0x80) {
				out.append(String.format("\\x%02x", (int) c));
			}
			else {
				out.append(String.format("\\u%04x", (int) c));
			}
		}
		return out.toString();
	}

	private static boolean isControl(int c) {
		return c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f;
	}
}
