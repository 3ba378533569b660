package org.influxshell.shell;

import java.util.ArrayList;
import java.util.List;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of a REPL line, made by the console's own tokenizer ({@link Words}), so that tab
 * completion sees the same words the command will run with. Only the words up to the cursor
 * matter for completion; an accepted line is split again by the runner. A line accepted with a
 * quote still open goes on on the next line, as in a shell.
 */
public class LineParser implements Parser {

	@Override
	public ParsedLine parse(String line, int cursor, ParseContext context) {
		if (context == ParseContext.ACCEPT_LINE && Words.scan(line).openQuote() != 0) {
			throw new EOFError(-1, -1, "unterminated quote", "quote");
		}
		int at = Math.min(cursor, line.length());
		List<String> words = new ArrayList<>();
		Words.Token current = null;
		for (Words.Token t : Words.scan(line).tokens()) {
			if (t.end() < at) {
				words.add(t.text());
			}
			else if (t.start() <= at) {
				current = t;
				break;
			}
		}
		if (current == null) {
			words.add("");
			return new Line(line, at, words, at, at, (char) 0);
		}
		// the part of the word before the cursor, as the tokenizer reads it
		Words.Scan typed = Words.scan(line.substring(current.start(), at));
		words.add(typed.tokens().isEmpty() ? "" : typed.tokens().get(0).text());
		return new Line(line, at, words, current.start(), current.end(), typed.openQuote());
	}

	/**
	 * @param rawStart where the word under the cursor starts in the line
	 * @param rawEnd where it ends
	 * @param openQuote the quote open at the cursor, or 0
	 */
	private record Line(String line, int cursor, List<String> words, int rawStart, int rawEnd, char openQuote)
			implements CompletingParsedLine {

		@Override
		public String word() {
			return words.get(words.size() - 1);
		}

		@Override
		public int wordCursor() {
			return word().length();
		}

		@Override
		public int wordIndex() {
			return words.size() - 1;
		}

		/** The candidate as it must be typed to be read back as itself, in the quote already open if any. */
		@Override
		public CharSequence escape(CharSequence candidate, boolean complete) {
			String text = candidate.toString();
			if (openQuote == '\'') {
				return "'" + text.replace("'", "'\\''") + (complete ? "'" : "");
			}
			if (openQuote == '"') {
				return "\"" + text.replaceAll("([\"\\\\$`])", "\\\\$1") + (complete ? "\"" : "");
			}
			if (text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\')) {
				return "'" + text.replace("'", "'\\''") + (complete ? "'" : "");
			}
			return text;
		}

		@Override
		public int rawWordCursor() {
			return cursor - rawStart;
		}

		@Override
		public int rawWordLength() {
			return rawEnd - rawStart;
		}
	}
}
