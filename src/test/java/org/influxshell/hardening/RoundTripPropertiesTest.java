package org.influxshell.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.influxshell.configs.Profile;
import org.influxshell.configs.Profiles;
import org.influxshell.configs.TomlCodec;
import org.influxshell.configs.TomlCodecTest;
import org.influxshell.configs.TomlProfileStore;
import org.influxshell.output.TabTableRenderer;

import org.springframework.shell.table.ArrayTableModel;

/** Property-based checks of the configs store and the table renderer. */
class RoundTripPropertiesTest {

	/** Any text a Java string can hold and UTF-8 can carry: every BMP char but lone surrogates, and pairs. */
	static Arbitrary<String> text(int min, int max) {
		return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD')
			.withChars("\"\\'#[]= \t\n\r").ofMinLength(min).ofMaxLength(max)
			.edgeCases(e -> e.add("\uD83D\uDE00 emoji"));
	}

	@Provide
	Arbitrary<List<Profile>> profiles() {
		Arbitrary<Profile> profile = Combinators.combine(text(1, 12), text(0, 30), text(0, 90), text(0, 12),
				Arbitraries.of(true, false), text(0, 20))
			.as((name, url, token, org, previous, cookie) -> new Profile(name, url, token, org, false, previous, cookie));
		return profile.list().ofMaxSize(6).uniqueElements(Profile::name);
	}

	@Property(tries = 300)
	void anyProfilesSurviveWriteThenReadThroughTheFile(@ForAll("profiles") List<Profile> list) throws IOException {
		Path dir = Files.createTempDirectory("roundtrip");
		try {
			TomlProfileStore store = new TomlProfileStore(dir.resolve("configs"));
			List<Profile> withActive = new ArrayList<>(list);
			if (!withActive.isEmpty()) {
				Profile first = withActive.remove(0);
				withActive.add(first.withActive(true));
			}
			Profiles written = store.update(p -> new Profiles(withActive));
			assertThat(store.read()).isEqualTo(written);
			assertThat(store.read().all()).containsExactlyInAnyOrderElementsOf(withActive);
		}
		finally {
			try (var files = Files.walk(dir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	@Property(tries = 300)
	void writingWhatWasReadGivesTheSameBytes(@ForAll("profiles") List<Profile> list) {
		String once = TomlCodec.write(new Profiles(list));
		assertThat(TomlCodec.write(TomlCodec.read(once))).isEqualTo(once);
	}

	/** A file as upstream's Go encoder writes it, comments and all. */
	static final String UPSTREAM = """
			[default]
			  url = "http://localhost:8086"
			  token = "tok=="
			  org = "my-org"
			  active = true

			["eu cloud"]
			  url = "https://eu-central-1-1.aws.cloud2.influxdata.com"
			  token = "a\\"b\\\\c"
			  org = "Zürich"
			  previous = true
			""" + TomlCodecTest.TRAILER;

	@net.jqwik.api.Example
	void anUpstreamFileReadsBackIdentically() {
		Profiles p = TomlCodec.read(UPSTREAM);
		assertThat(p.all()).containsExactly(new Profile("default", "http://localhost:8086", "tok==", "my-org", true, false, ""),
				new Profile("eu cloud", "https://eu-central-1-1.aws.cloud2.influxdata.com", "a\"b\\c", "Zürich", false, true, ""));
		assertThat(TomlCodec.write(p)).isEqualTo(UPSTREAM);
	}

	@Provide
	Arbitrary<List<List<String>>> tables() {
		Arbitrary<String> cell = Arbitraries.strings().withCharRange('a', 'z').withChars("é日 -:/").ofMaxLength(40);
		return Arbitraries.integers().between(1, 6).flatMap(cols -> cell.list().ofSize(cols).list().ofMinSize(1).ofMaxSize(8));
	}

	/**
	 * The rendered table, with its TABs expanded to stops every 8 columns (as a terminal shows it),
	 * equals a plain reference layout: each column as wide as its longest cell plus one, rounded up
	 * to a multiple of 8, filled with spaces; the last cell as is. That is Go's tabwriter rule.
	 */
	@Property(tries = 500)
	void columnsLineUpAtTabStopsLikeGoTabwriter(@ForAll("tables") List<List<String>> rows, @ForAll boolean hideHeaders) {
		Object[][] model = rows.stream().map(List::toArray).toArray(Object[][]::new);
		String out = TabTableRenderer.render(new ArrayTableModel(model), hideHeaders);
		List<List<String>> printed = hideHeaders ? rows.subList(1, rows.size()) : rows;
		int columns = rows.get(0).size();
		int[] widths = new int[columns];
		for (List<String> row : printed) {
			for (int col = 0; col < columns - 1; col++) {
				widths[col] = Math.max(widths[col], (length(row.get(col)) + 1 + 7) / 8 * 8);
			}
		}
		StringBuilder reference = new StringBuilder();
		for (List<String> row : printed) {
			for (int col = 0; col < columns; col++) {
				String cell = row.get(col);
				reference.append(cell);
				if (col < columns - 1) {
					reference.append(" ".repeat(widths[col] - length(cell)));
				}
			}
			reference.append('\n');
		}
		String expanded = out.lines().map(RoundTripPropertiesTest::expandTabs).map(l -> l + "\n")
			.collect(java.util.stream.Collectors.joining());
		assertThat(expanded).isEqualTo(reference.toString());
	}

	static int length(String s) {
		return s.codePointCount(0, s.length());
	}

	/** A reference tab expansion: each TAB moves to the next multiple of 8. */
	static String expandTabs(String line) {
		StringBuilder out = new StringBuilder();
		int column = 0;
		for (int cp : line.codePoints().toArray()) {
			if (cp == '\t') {
				do {
					out.append(' ');
					column++;
				}
				while (column % 8 != 0);
			}
			else {
				out.appendCodePoint(cp);
				column++;
			}
		}
		return out.toString();
	}
}
