package org.influxshell.configs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class TomlCodecTest {

	/** The commented block upstream appends to every configs file, byte for byte. */
	public static final String TRAILER = """
			# \n\
			# [eu-central]
			#   url = "https://eu-central-1-1.aws.cloud2.influxdata.com"
			#   token = "XXX"
			#   org = ""
			# \n\
			# [us-central]
			#   url = "https://us-central1-1.gcp.cloud2.influxdata.com"
			#   token = "XXX"
			#   org = ""
			# \n\
			# [us-west]
			#   url = "https://us-west-2-1.aws.cloud2.influxdata.com"
			#   token = "XXX"
			#   org = ""
			""";

	public static final String SPEC_EXAMPLE = """
			[a]
			  url = "http://127.0.0.1:18086"
			  token = "tokA"
			  org = "orgA"

			[b]
			  url = "https://example.com:8086/"
			  token = "tokB"
			  org = "orgB"
			  active = true
			""" + TRAILER;

	/**
	 * skip-verify and ca-cert are written as plain {@code key = value} lines inside the profile's
	 * table, after upstream's keys: a TOML reader that decodes the table into upstream's struct
	 * (url, token, org, active, previous, cookie) skips them as it skips any key it does not know,
	 * and finds exactly the profile it would find without them. The view below keeps only those six
	 * keys, as upstream's decoder does, and must see the same profiles in both files.
	 */
	@Test
	void tlsKeysArePlainLinesInTheTableThatUpstreamsReaderSkips() {
		Profile lab = new Profile("lab", "https://lab:8086", "tokL", "orgL", true, false, "", true, "/etc/ca/lab.pem");
		String ours = TomlCodec.write(new Profiles(List.of(lab)));
		assertThat(ours).isEqualTo("""
				[lab]
				  url = "https://lab:8086"
				  token = "tokL"
				  org = "orgL"
				  active = true
				  skip-verify = true
				  ca-cert = "/etc/ca/lab.pem"
				""" + TRAILER);
		String upstreams = TomlCodec.write(new Profiles(List.of(lab.withTls(false, ""))));
		assertThat(ours.replace("  skip-verify = true\n  ca-cert = \"/etc/ca/lab.pem\"\n", "")).isEqualTo(upstreams);
		assertThat(upstreamView(ours)).isEqualTo(upstreamView(upstreams))
			.containsExactly("lab url=https://lab:8086 token=tokL org=orgL active=true previous=false cookie=");
		assertThat(TomlCodec.read(ours).require("lab")).isEqualTo(lab);
	}

	/** What upstream's decoder keeps of each table: its six keys, every other line of the table ignored. */
	private static List<String> upstreamView(String file) {
		return TomlCodec.read(file).all().stream()
			.map(p -> p.name() + " url=" + p.url() + " token=" + p.token() + " org=" + p.org() + " active=" + p.active()
					+ " previous=" + p.previous() + " cookie=" + p.cookie())
			.toList();
	}

	static Profile profile(String name, String url, String token, String org, boolean active) {
		return new Profile(name, url, token, org, active, false, "");
	}

	@Test
	void writesTheSpecExampleByteForByte() {
		Profiles profiles = new Profiles(List.of(profile("b", "https://example.com:8086/", "tokB", "orgB", true),
				profile("a", "http://127.0.0.1:18086", "tokA", "orgA", false)));
		assertThat(TomlCodec.write(profiles)).isEqualTo(SPEC_EXAMPLE);
	}

	@Test
	void writesOnlyTheTrailerWhenEmpty() {
		assertThat(TomlCodec.write(Profiles.empty())).isEqualTo(TRAILER);
	}

	@Test
	void readsWhatItWrites() {
		assertThat(TomlCodec.read(SPEC_EXAMPLE).all()).containsExactly(
				profile("a", "http://127.0.0.1:18086", "tokA", "orgA", false),
				profile("b", "https://example.com:8086/", "tokB", "orgB", true));
	}

	@Test
	void quotesNamesAndEscapesValues() {
		Profile odd = new Profile("we ird.x", "http://h:1", "t\"o\\k\u0001", "örg\ttab", false, true, "Y29va2ll");
		String text = TomlCodec.write(new Profiles(List.of(odd)));
		assertThat(text).startsWith("""
				["we ird.x"]
				  url = "http://h:1"
				  token = "t\\"o\\\\k\\u0001"
				  org = "örg\\ttab"
				  previous = true
				  cookie = "Y29va2ll"
				# \n""");
		assertThat(TomlCodec.read(text).all()).containsExactly(odd);
	}

	@Test
	void readsUpstreamFilesWithHandEdits() {
		String text = """
				# my servers
				[prod]   # the big one
				url = 'https://prod:8086'
				token = "abc"
				org = "o"
				active = true
				timeout = 30
				tags = ["a", "b"]
				extra = { x = 1 }

				["with space"]
				  url = "http://x:1"
				""";
		Profiles p = TomlCodec.read(text);
		assertThat(p.all()).containsExactly(profile("prod", "https://prod:8086", "abc", "o", true),
				profile("with space", "http://x:1", "", "", false));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			[a]\\n  url = 5                         | 2 | "url" must be a string
			[a]\\n  active = "yes"                  | 2 | "active" must be a boolean
			[a]\\nurl = "x"\\n[a]                   | 3 | table [a] is defined twice
			url = "x"                               | 1 | key "url" is outside any config table
			[a]\\n  url = "x                        | 2 | unterminated string
			[a\\n                                   | 1 | expected ']' before the end of the line
			this is not toml                        | 1 | expected '=', found 'i'
			[a]\\n  url = "x" "y"                   | 2 | unexpected '"' after the value
			[a]\\nurl="a"\\nurl="b"                 | 3 | key "url" is defined twice
			[[a]]                                   | 1 | arrays of tables are not supported
			[a]\\n  url = \"""x\"""                 | 2 | multi-line strings are not supported
			[a]\\n  url = "\\q"                     | 2 | invalid escape '\\q'
			""")
	void reportsTheLineOfTheFirstProblem(String text, int line, String message) {
		assertThatThrownBy(() -> TomlCodec.read(text.replace("\\n", "\n")))
			.isInstanceOfSatisfying(TomlCodec.TomlException.class, ex -> {
				assertThat(ex.line()).isEqualTo(line);
				assertThat(ex.getMessage()).isEqualTo(message);
			});
	}
}
