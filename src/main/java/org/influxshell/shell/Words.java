package org.influxshell.shell;

import java.util.ArrayList;
import java.util.List;

import org.influxshell.cli.CliException;

/**
 * The one tokenizer of the console: splits a line of a script or of the REPL into words, the way
 * a POSIX shell would for simple input: blanks separate words, {@code "a b"} and {@code 'a b'}
 * group, a backslash outside single quotes takes the next character literally. Execution and
 * tab completion both use it.
 */
public final class Words {

	private Words() {
	}

	/**
	 * One word and where it stands in the line.
	 *
	 * @param text the word, quotes and escapes removed
	 * @param start index of its first character in the line
	 * @param end index after its last character
	 */
	public record Token(String text, int start, int end) {
	}

	/**
	 * The words of a line to run.
	 * @throws CliException a usage error for an unterminated quote
	 */
	public static List<String> split(String line) {
		Scan scan = scan(line);
		if (scan.openQuote() != 0) {
			throw CliException.usage("unterminated " + (scan.openQuote() == '"' ? "double" : "single") + " quote");
		}
		return scan.tokens().stream().map(Token::text).toList();
	}

	/**
	 * The words of a line being typed, with their places; an open quote is closed at the end.
	 *
	 * @param tokens the words
	 * @param openQuote the quote left open at the end of the line, or 0
	 * @param endsInWord whether the line ends inside a word (no blank after the last one)
	 */
	public record Scan(List<Token> tokens, char openQuote, boolean endsInWord) {
	}

	/** The words of {@code line} with where each stands; never fails (an open quote is reported, not thrown). */
	public static Scan scan(String line) {
		List<Token> tokens = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		int start = -1;
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (start < 0 && !Character.isWhitespace(c)) {
				start = i;
			}
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
			}
			else if (Character.isWhitespace(c)) {
				if (start >= 0) {
					tokens.add(new Token(word.toString(), start, i));
					word.setLength(0);
					start = -1;
				}
			}
			else {
				word.append(c);
			}
		}
		if (start >= 0) {
			tokens.add(new Token(word.toString(), start, line.length()));
		}
		return new Scan(tokens, quote, start >= 0);
	}

	/**
	 * A script line without its comment: an unquoted {@code #} that begins a word starts one, so
	 * {@code a#b}, {@code "#x"} and {@code \#x} are no comments. Only scripts and stdin have them;
	 * a REPL line is taken as typed.
	 */
	public static String withoutComment(String line) {
		char quote = 0;
		boolean inWord = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote == '\'') {
				quote = c == '\'' ? 0 : quote;
			}
			else if (c == '\\' && i + 1 < line.length() && (quote == 0 || "\"\\$`".indexOf(line.charAt(i + 1)) >= 0)) {
				i++;
				inWord = true;
			}
			else if (quote == '"') {
				quote = c == '"' ? 0 : quote;
			}
			else if (c == '#' && !inWord) {
				return line.substring(0, i);
			}
			else if (c == '"' || c == '\'') {
				quote = c;
				inWord = true;
			}
			else {
				inWord = !Character.isWhitespace(c);
			}
		}
		return line;
	}

	/** Whether a script line is to be skipped: blank, or a {@code #} or {@code //} comment. */
	public static boolean isComment(String line) {
		String t = line.strip();
		return t.isEmpty() || t.startsWith("#") || t.startsWith("//");
	}
}
