package org.influxshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What JLine sees of a REPL line: the same words the command runs with, and candidates that read back as themselves. */
class LineParserTest {

	static CompletingParsedLine parse(String line, int cursor) {
		return (CompletingParsedLine) new LineParser().parse(line, cursor, ParseContext.COMPLETE);
	}

	/** {@code |} marks the cursor. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', quoteCharacter = '~', textBlock = """
			config use pr|              ; [config, use, pr]     ; 2 ; 2 ; 2
			config use |                ; [config, use, ]       ; 2 ; 0 ; 0
			config use pr|XX            ; [config, use, pr]     ; 2 ; 2 ; 4
			config use 'my pr|          ; [config, use, my pr]  ; 2 ; 6 ; 6
			auth list --id=a"b c"|      ; [auth, list, --id=ab c] ; 2 ; 11 ; 11
			~  auth   l| --json~        ; [auth, l]             ; 1 ; 1 ; 1
			|                           ; []                    ; 0 ; 0 ; 0
			""")
	void wordsUpToTheCursor(String marked, String words, int index, int rawCursor, int rawLength) {
		int cursor = marked.indexOf('|');
		CompletingParsedLine line = parse(marked.replace("|", ""), cursor);
		assertThat(line.words().toString()).isEqualTo(words.equals("[]") ? "[]" : words);
		assertThat(line.wordIndex()).isEqualTo(index);
		assertThat(line.wordCursor()).isEqualTo(line.word().length());
		assertThat(line.rawWordCursor()).isEqualTo(rawCursor);
		assertThat(line.rawWordLength()).isEqualTo(rawLength);
	}

	@Test
	void candidatesAreWrittenToReadBackAsThemselves() {
		assertThat(parse("config use pr", 13).escape("prod", true)).hasToString("prod");
		assertThat(parse("config use pr", 13).escape("my prod", true)).hasToString("'my prod'");
		assertThat(parse("config use 'it", 14).escape("it's", true)).hasToString("'it'\\''s'");
		assertThat(parse("config use \"my", 14).escape("my \"q\" $x", true)).hasToString("\"my \\\"q\\\" \\$x\"");
		assertThat(parse("config use \"my", 14).escape("my prod", false)).hasToString("\"my prod");
		for (String name : new String[] { "it's", "my \"q\" $x", "a\\b" }) {
			String typed = "config use " + parse("config use x", 12).escape(name, true);
			assertThat(Words.split(typed)).as(typed).containsExactly("config", "use", name);
			typed = "config use " + parse("config use 'x", 13).escape(name, true);
			assertThat(Words.split(typed)).as(typed).containsExactly("config", "use", name);
			typed = "config use " + parse("config use \"x", 13).escape(name, true);
			assertThat(Words.split(typed)).as(typed).containsExactly("config", "use", name);
		}
	}

	@Test
	void aLineWithAnOpenQuoteGoesOnOnTheNextLine() {
		assertThatThrownBy(() -> new LineParser().parse("auth create -d 'two", 19, ParseContext.ACCEPT_LINE))
			.isInstanceOf(EOFError.class);
		assertThat(new LineParser().parse("auth create -d 'two\nlines'", 26, ParseContext.ACCEPT_LINE).line())
			.isEqualTo("auth create -d 'two\nlines'");
	}
}
