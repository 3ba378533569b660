package org.influxshell.shell;

import java.util.ArrayList;
import java.util.List;

import org.influxshell.cli.CliException;

/**
 * Splits a line of a script or of the REPL into words, the way a POSIX shell would for simple
 * input: blanks separate words, {@code "a b"} and {@code 'a b'} group, a backslash outside single
 * quotes takes the next character literally.
 */
public final class Words {

	private Words() {
	}

	public static List<String> split(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote == '\'') {
				if (c == '\'') {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (c == '\\' && i + 1 < line.length() && (quote == 0 || "\"\\$`".indexOf(line.charAt(i + 1)) >= 0)) {
				word.append(line.charAt(++i));
				inWord = true;
			}
			else if (quote == '"') {
				if (c == '"') {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
				inWord = true;
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				word.append(c);
				inWord = true;
			}
		}
		if (quote != 0) {
			throw CliException.usage("unterminated " + (quote == '"' ? "double" : "single") + " quote");
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

	/** Whether a script line is to be skipped: blank, or a {@code #} or {@code //} comment. */
	public static boolean isComment(String line) {
		String t = line.strip();
		return t.isEmpty() || t.startsWith("#") || t.startsWith("//");
	}
}
