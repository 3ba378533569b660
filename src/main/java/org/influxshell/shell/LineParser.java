package org.influxshell.shell;

import java.util.ArrayList;
import java.util.List;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of a REPL line, made by the console's own tokenizer ({@link Words}), so that tab
 * completion sees the same words the command will run with. Only the words up to the cursor
 * matter for completion; an accepted line is split again by the runner.
 */
public class LineParser implements Parser {

	@Override
	public ParsedLine parse(String line, int cursor, ParseContext context) {
		String before = line.substring(0, Math.min(cursor, line.length()));
		Words.Scan scan = Words.scan(before);
		List<String> words = new ArrayList<>(scan.tokens().stream().map(Words.Token::text).toList());
		int rawStart;
		if (scan.endsInWord()) {
			rawStart = scan.tokens().get(scan.tokens().size() - 1).start();
		}
		else {
			words.add("");
			rawStart = before.length();
		}
		return new Line(line, cursor, words, rawStart, scan.openQuote());
	}

	private record Line(String line, int cursor, List<String> words, int rawStart, char openQuote)
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

		@Override
		public CharSequence escape(CharSequence candidate, boolean complete) {
			String text = candidate.toString();
			if (openQuote != 0) {
				return openQuote + text + (complete ? String.valueOf(openQuote) : "");
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
			return cursor - rawStart;
		}
	}
}
