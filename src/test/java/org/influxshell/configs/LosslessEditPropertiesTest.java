package org.influxshell.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any change to any file: what upstream wrote comes out as upstream would write it, and what a
 * user added by hand to a table that stays is still there, in its order.
 */
class LosslessEditPropertiesTest {

	static Arbitrary<String> text(int min, int max) {
		return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD')
			.withChars("\"\\'#[]= \t\n\r").ofMinLength(min).ofMaxLength(max);
	}

	/** Few names, so that before and after share tables; values of any kind. */
	@Provide
	Arbitrary<List<Profile>> profiles() {
		Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("a", "b", "c", "lab", "prod", "we ird", "Z"), text(1, 6));
		Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("", "x", "http://h:1"), text(0, 20));
		Arbitrary<Profile> profile = Combinators.combine(name, value, value, value, Arbitraries.of(true, false),
				Arbitraries.of(true, false), value)
			.as((n, url, token, org, active, previous, cookie) -> new Profile(n, url, token, org, active, previous, cookie));
		return profile.list().ofMaxSize(5).uniqueElements(Profile::name);
	}

	@Property(tries = 500)
	void upstreamsLayoutChangedGivesUpstreamsBytes(@ForAll("profiles") List<Profile> before,
			@ForAll("profiles") List<Profile> after) {
		TomlDocument doc = TomlDocument.parse(TomlCodec.write(new Profiles(before)));
		assertThat(doc.edit(new Profiles(after))).isEqualTo(TomlCodec.write(new Profiles(after)));
	}

	@Property(tries = 500)
	void handEditsOfTablesThatStaySurviveAnyChange(@ForAll("profiles") List<Profile> before,
			@ForAll("profiles") List<Profile> after, @ForAll long seed) {
		Random random = new Random(seed);
		List<String> lines = new ArrayList<>(List.of(TomlCodec.write(new Profiles(before)).split("\n")));
		List<String> decorated = new ArrayList<>();
		List<String[]> added = new ArrayList<>();
		String table = null;
		int n = 0;
		for (String line : lines) {
			boolean key = line.startsWith("  ");
			if (key && random.nextInt(3) == 0) {
				int eq = line.indexOf(" = ");
				line = "  " + line.substring(2, eq).toUpperCase() + line.substring(eq);
			}
			decorated.add(line);
			if (line.startsWith("[")) {
				table = TomlDocument.parse(line).profiles().all().get(0).name();
			}
			if (random.nextInt(4) == 0) {
				String extra = switch (random.nextInt(3)) {
					case 0 -> "# note " + n;
					case 1 -> "  # note " + n;
					default -> table == null || !(key || line.startsWith("[")) ? "# note " + n : "  extra_" + n + " = " + n;
				};
				n++;
				decorated.add(extra);
				added.add(new String[] { table, extra });
			}
		}
		String newline = random.nextBoolean() ? "\r\n" : "\n";
		String text = (random.nextBoolean() ? "\uFEFF" : "") + String.join(newline, decorated) + newline;
		TomlDocument doc = TomlDocument.parse(text);
		assertThat(doc.profiles()).isEqualTo(new Profiles(before));

		String edited = doc.edit(new Profiles(after));
		assertThat(TomlDocument.parse(edited).profiles()).isEqualTo(new Profiles(after));
		Set<String> kept = after.stream().map(Profile::name).collect(Collectors.toSet());
		List<String> editedLines = List.of(edited.replace("\uFEFF", "").split(newline));
		int from = 0;
		for (String[] extra : added) {
			if (extra[0] == null || kept.contains(extra[0])) {
				int at = editedLines.subList(from, editedLines.size()).indexOf(extra[1]);
				assertThat(at).as("%s kept in order in%n%s", extra[1], edited).isNotNegative();
				from += at + 1;
			}
		}
		assertThat(edited.startsWith("\uFEFF")).isEqualTo(text.startsWith("\uFEFF"));
		assertThat(edited.replace(newline, "")).doesNotContain("\n", "\r");
	}
}
