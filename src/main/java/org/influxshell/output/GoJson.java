package org.influxshell.output;

import java.util.Collection;
import java.util.Map;

/**
 * Writes JSON the way Go's {@code json.MarshalIndent(v, "", "\t")} followed by a newline does:
 * one TAB per level, {@code "key": value}, {@code []} and {@code {}} for empty containers, and
 * {@code <}, {@code >}, {@code &}, U+2028, U+2029 escaped. Accepts maps (in their iteration
 * order), collections, strings, booleans, numbers and {@code null}.
 */
public final class GoJson {

	private GoJson() {
	}

	/** The document followed by one newline. */
	public static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value, 0);
		return out.append('\n').toString();
	}

	private static void write(StringBuilder out, Object value, int depth) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			writeObject(out, map, depth);
		}
		else if (value instanceof Collection<?> list) {
			writeArray(out, list, depth);
		}
		else if (value instanceof Boolean || value instanceof Number) {
			out.append(value);
		}
		else {
			writeString(out, value.toString());
		}
	}

	private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
		if (map.isEmpty()) {
			out.append("{}");
			return;
		}
		out.append('{');
		String sep = "\n";
		for (Map.Entry<?, ?> e : map.entrySet()) {
			out.append(sep).append("\t".repeat(depth + 1));
			writeString(out, String.valueOf(e.getKey()));
			out.append(": ");
			write(out, e.getValue(), depth + 1);
			sep = ",\n";
		}
		out.append('\n').append("\t".repeat(depth)).append('}');
	}

	private static void writeArray(StringBuilder out, Collection<?> list, int depth) {
		if (list.isEmpty()) {
			out.append("[]");
			return;
		}
		out.append('[');
		String sep = "\n";
		for (Object item : list) {
			out.append(sep).append("\t".repeat(depth + 1));
			write(out, item, depth + 1);
			sep = ",\n";
		}
		out.append('\n').append("\t".repeat(depth)).append(']');
	}

	static void writeString(StringBuilder out, String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}
}
