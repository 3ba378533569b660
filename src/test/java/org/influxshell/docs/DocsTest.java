package org.influxshell.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README and the pages in {@code docs/}: the README stays short, every relative link leads to
 * a file of this repository (and to a heading of it, for a link with {@code #anchor}), every page
 * is reachable from the README, no page points at documents that are not in the repository, and
 * every test class the testing page names exists. Files are read relative to the project root,
 * the folder the build runs the tests in.
 */
class DocsTest {

	static final Path ROOT = Path.of("").toAbsolutePath();

	/** A newcomer reads the README in five minutes; the rest belongs in docs/. */
	static final int README_LIMIT = 12 * 1024;

	private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

	/**
	 * Documents that live outside this repository, and would mean nothing to a reader of it. Written
	 * with character classes so that the same search over the sources does not find this line.
	 */
	private static final Pattern OUTSIDE = Pattern.compile(
			"spe[c]/|cli[-]contract|output[-]formats\\.md|configs[-]file\\.md|influxdb3?[-]api\\.md|platform[-]notes\\.md"
					+ "|/wor[k]/|\\biss[u]e [0-9]|\\bsecti[o]n [0-9]",
			Pattern.CASE_INSENSITIVE);

	static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	@Test
	void theReadmeIsShort() throws IOException {
		assertThat(ROOT.resolve("pom.xml")).as("the tests run in the project root").exists();
		assertThat(Files.size(ROOT.resolve("README.md"))).isLessThanOrEqualTo(README_LIMIT);
	}

	@Test
	void everyRelativeLinkLeadsToAFileAndHeadingOfThisRepository() throws IOException {
		List<String> broken = new ArrayList<>();
		int checked = 0;
		for (Path page : pages()) {
			for (String target : links(read(page))) {
				if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
					// https: and mailto: leave the repository on purpose; file: would not
					if (target.startsWith("file:")) {
						broken.add(name(page) + ": " + target + " (a local file)");
					}
					continue;
				}
				checked++;
				int hash = target.indexOf('#');
				String file = hash < 0 ? target : target.substring(0, hash);
				String anchor = hash < 0 ? null : target.substring(hash + 1);
				Path to = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
				if (target.startsWith("/") || !to.startsWith(ROOT)) {
					broken.add(name(page) + ": " + target + " (outside the repository)");
				}
				else if (!Files.exists(to)) {
					broken.add(name(page) + ": " + target + " (no such file)");
				}
				else if (anchor != null && !anchors(read(to)).contains(anchor)) {
					broken.add(name(page) + ": " + target + " (no such heading in " + name(to) + ")");
				}
			}
		}
		assertThat(broken).isEmpty();
		assertThat(checked).as("relative links checked").isPositive();
	}

	@Test
	void everyPageInDocsIsLinkedFromTheReadme() throws IOException {
		Set<Path> linked = new LinkedHashSet<>();
		for (String target : links(read(ROOT.resolve("README.md")))) {
			linked.add(ROOT.resolve(target.replaceFirst("#.*", "")).normalize());
		}
		for (Path page : pages()) {
			if (!page.getFileName().toString().equals("README.md")) {
				assertThat(linked).as(name(page)).contains(page);
			}
		}
	}

	@Test
	void noPagePointsAtDocumentsOutsideTheRepository() throws IOException {
		// the search finds what it is for (spelled in pieces, for the same reason as the pattern)
		for (String outside : List.of("the " + "spe" + "c/" + "output-formats.md", "see " + "iss" + "ue 23", "in sec" + "tion 6")) {
			assertThat(OUTSIDE.matcher(outside).find()).as(outside).isTrue();
		}
		for (Path page : pages()) {
			List<String> lines = read(page).lines().toList();
			for (int i = 0; i < lines.size(); i++) {
				assertThat(OUTSIDE.matcher(lines.get(i)).find()).as(name(page) + ":" + (i + 1) + ": " + lines.get(i)).isFalse();
			}
		}
	}

	@Test
	void everyTestClassTheTestingPageNamesExists() throws IOException {
		Matcher m = Pattern.compile("`(\\w+(?:Test|IT))`").matcher(read(ROOT.resolve("docs/testing.md")));
		Set<String> named = new LinkedHashSet<>();
		while (m.find()) {
			named.add(m.group(1));
		}
		Set<String> classes = new LinkedHashSet<>();
		try (Stream<Path> files = Files.walk(ROOT.resolve("src/test/java"))) {
			files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
				.forEach(n -> classes.add(n.substring(0, n.length() - ".java".length())));
		}
		assertThat(named).isNotEmpty();
		assertThat(classes).containsAll(named);
	}

	/** The heading anchors GitHub makes for a page, in order, duplicates numbered. */
	@Test
	void anchorsAreMadeAsGitHubMakesThem() {
		assertThat(anchors("""
				# The manual
				## HTTP: gateways, proxies, sign-in, TLS
				```
				# not a heading
				```
				### Sign-in (profiles made with `-p`)
				## Notes
				## Notes
				""")).containsExactly("the-manual", "http-gateways-proxies-sign-in-tls", "sign-in-profiles-made-with--p",
				"notes", "notes-1");
		assertThat(links("see [a](a.md#x), `[b](b.md)`, ![c](c.png \"title\")\n```\n[d](d.md)\n```\n"))
			.containsExactly("a.md#x", "c.png");
	}

	static List<String> links(String markdown) {
		List<String> targets = new ArrayList<>();
		Matcher m = LINK.matcher(prose(markdown));
		while (m.find()) {
			targets.add(m.group(1));
		}
		return targets;
	}

	static List<String> anchors(String markdown) {
		List<String> anchors = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (String line : prose(markdown).lines().toList()) {
			Matcher m = HEADING.matcher(line);
			if (m.matches()) {
				String slug = m.group(2).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
				int n = seen.merge(slug, 1, Integer::sum) - 1;
				anchors.add(n == 0 ? slug : slug + "-" + n);
			}
		}
		return anchors;
	}

	/** The text outside fenced code blocks, with inline code spans blanked: code holds no links. */
	static String prose(String markdown) {
		StringBuilder out = new StringBuilder();
		boolean fenced = false;
		for (String line : markdown.lines().toList()) {
			if (line.strip().startsWith("```")) {
				fenced = !fenced;
				out.append('\n');
				continue;
			}
			// headings keep their code spans' text (GitHub's anchors do); elsewhere a span is blanked
			out.append(fenced ? "" : line.startsWith("#") ? line.replace("`", "") : line.replaceAll("`[^`]*`", "``"))
				.append('\n');
		}
		return out.toString();
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	private static String name(Path file) {
		return ROOT.relativize(file).toString();
	}
}
