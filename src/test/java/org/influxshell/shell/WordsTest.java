package org.influxshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordsTest {

	@Test
	void splitsOnBlanksAndHonoursQuotes() {
		assertThat(Words.split("  auth  list --description \"a b\" -o 'c d' ")).containsExactly("auth", "list",
				"--description", "a b", "-o", "c d");
		assertThat(Words.split("x \"it's\" 'say \"hi\"' a\\ b \"q\\\"q\" ''")).containsExactly("x", "it's",
				"say \"hi\"", "a b", "q\"q", "");
		assertThat(Words.split("")).isEqualTo(List.of());
	}

	@Test
	void unterminatedQuotesAreUsageErrors() {
		assertThatThrownBy(() -> Words.split("a \"b")).hasMessage("unterminated double quote");
		assertThatThrownBy(() -> Words.split("a 'b")).hasMessage("unterminated single quote");
	}

	@Test
	void commentsAndBlankLines() {
		assertThat(Words.isComment("   ")).isTrue();
		assertThat(Words.isComment("  # x")).isTrue();
		assertThat(Words.isComment("// x")).isTrue();
		assertThat(Words.isComment("config ls # not a comment")).isFalse();
	}

	@Test
	void anUnquotedHashThatBeginsAWordStartsAScriptComment() {
		assertThat(Words.withoutComment("config ls # list them")).isEqualTo("config ls ");
		assertThat(Words.withoutComment("# all of it")).isEmpty();
		assertThat(Words.withoutComment("a#b \"#c\" '#d' \\#e x\"y\"#z")).isEqualTo("a#b \"#c\" '#d' \\#e x\"y\"#z");
		assertThat(Words.withoutComment("a '# x' #c")).isEqualTo("a '# x' ");
		assertThat(Words.withoutComment("a\t#c")).isEqualTo("a\t");
		assertThat(Words.split(Words.withoutComment("-t \"x\\\"#y\" #c"))).containsExactly("-t", "x\"#y");
	}
}
