package org.influxshell.configs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading like upstream and changing a file line by line, keeping what the user wrote. */
class TomlDocumentTest {

	static final Profile A = new Profile("a", "http://a:1", "ta", "oa", false, false, "");

	/** A file as a user keeps it: comments, capitals, unknown keys, a commented-out backup token. */
	static final String HAND_EDITED = """
			# my servers, edited by hand
			[lab]
			URL = "http://lab:8086"   # the rack in room 2
			Token = 'labtok'
			timeout = 30

			# production: careful
			[prod]
			  url = "https://prod:8086"
			  token = "new"
			  # token = "old-backup-token"
			  org = "ops"
			  Active = true
			""";

	static Profiles read(String text) {
		return TomlDocument.parse(text).profiles();
	}

	static String edit(String text, java.util.function.UnaryOperator<Profiles> change) {
		TomlDocument doc = TomlDocument.parse(text);
		String edited = doc.edit(change.apply(doc.profiles()));
		assertThat(read(edited)).isEqualTo(change.apply(doc.profiles()));
		return edited;
	}

	@Test
	void keyNamesMatchWhateverTheirCaseAsUpstreamsDecoderDoes() {
		assertThat(read(HAND_EDITED).all()).containsExactly(
				new Profile("lab", "http://lab:8086", "labtok", "", false, false, ""),
				new Profile("prod", "https://prod:8086", "new", "ops", true, false, ""));
		assertThatThrownBy(() -> read("[a]\nurl = \"x\"\nURL = \"y\"\n"))
			.isInstanceOfSatisfying(TomlCodec.TomlException.class, ex -> {
				assertThat(ex.line()).isEqualTo(3);
				assertThat(ex.getMessage()).isEqualTo("key \"URL\" is defined twice (also as \"url\")");
			});
		assertThatThrownBy(() -> read("[a]\nACTIVE = \"yes\"\n")).hasMessage("\"ACTIVE\" must be a boolean");
	}

	/** skip-verify and ca-cert come and go on lines of their own; comments, capitals and unknown keys stay. */
	@Test
	void tlsKeysAreSetAndTakenOffLineByLine() {
		String on = edit(HAND_EDITED, p -> p.with(p.require("lab").withTls(true, "/etc/ca/lab.pem")));
		assertThat(on).isEqualTo(HAND_EDITED.replace("timeout = 30\n",
				"timeout = 30\nskip-verify = true\nca-cert = \"/etc/ca/lab.pem\"\n"));
		assertThat(edit(on, p -> p.with(p.require("lab").withTls(false, "")))).isEqualTo(HAND_EDITED);
		String handWritten = "[lab]\n  url = \"http://lab:8086\"\n  Skip-Verify = true # mine\n  CA-Cert = 'x.pem'\n";
		assertThat(read(handWritten).require("lab")).isEqualTo(new Profile("lab", "http://lab:8086", "", "", false, false,
				"", true, "x.pem"));
		assertThat(edit(handWritten, p -> p.with(p.require("lab").withTls(true, "y.pem"))))
			.isEqualTo(handWritten.replace("'x.pem'", "\"y.pem\""));
		assertThatThrownBy(() -> read("[a]\nskip-verify = \"yes\"\n")).hasMessage("\"skip-verify\" must be a boolean");
		assertThatThrownBy(() -> read("[a]\nca-cert = true\n")).hasMessage("\"ca-cert\" must be a string");
	}

	@Test
	void aByteOrderMarkAndCrlfOrCrLineEndsAreRead() {
		String unix = "[a]\n  url = \"http://a:1\"\n  token = \"ta\"\n  org = \"oa\"\n";
		for (String text : List.of("\uFEFF" + unix, unix.replace("\n", "\r\n"), unix.replace("\n", "\r"),
				"\uFEFF" + unix.replace("\n", "\r"))) {
			assertThat(read(text).all()).containsExactly(A);
		}
	}

	@Test
	void aChangedValueChangesOnlyItsOwnLineKeepingSpellingSpacingAndComment() {
		String edited = edit(HAND_EDITED, p -> p.with(new Profile("lab", "http://lab2:8086", "fresh", "", false, false, "")));
		assertThat(edited).isEqualTo(HAND_EDITED.replace("URL = \"http://lab:8086\"   # the rack", "URL = \"http://lab2:8086\"   # the rack")
			.replace("Token = 'labtok'", "Token = \"fresh\""));
	}

	@Test
	void aNewKeyGoesAfterTheTablesLastKeyAndAClearedFlagIsRemoved() {
		String edited = edit(HAND_EDITED, p -> p.activate("lab"));
		assertThat(edited).isEqualTo("""
				# my servers, edited by hand
				[lab]
				URL = "http://lab:8086"   # the rack in room 2
				Token = 'labtok'
				timeout = 30
				active = true

				# production: careful
				[prod]
				  url = "https://prod:8086"
				  token = "new"
				  # token = "old-backup-token"
				  org = "ops"
				  previous = true
				""");
	}

	@Test
	void aNewKeyGoesBeforeAKeyUpstreamWritesAfterIt() {
		String text = """
				[a]
				  url = "http://a:1"
				  token = ""
				  org = ""
				  cookie = "Y29va2ll"
				""";
		assertThat(edit(text, p -> p.activate("a"))).isEqualTo(text.replace("  cookie", "  active = true\n  cookie"));
		assertThat(edit("[a]\n  url = \"http://a:1\"\n  active = true\n",
				p -> p.with(new Profile("a", "http://a:1", "t", "", true, false, ""))))
			.isEqualTo("[a]\n  url = \"http://a:1\"\n  token = \"t\"\n  active = true\n");
	}

	@Test
	void aRemovedTableTakesItsKeysAndItsIndentedCommentsAndOneBlankLine() {
		String edited = edit(HAND_EDITED, p -> p.without("prod"));
		assertThat(edited).isEqualTo("""
				# my servers, edited by hand
				[lab]
				URL = "http://lab:8086"   # the rack in room 2
				Token = 'labtok'
				timeout = 30

				# production: careful
				""");
		assertThat(edit(HAND_EDITED, p -> p.without("lab"))).isEqualTo("""
				# my servers, edited by hand
				# production: careful
				[prod]
				  url = "https://prod:8086"
				  token = "new"
				  # token = "old-backup-token"
				  org = "ops"
				  Active = true
				""");
	}

	@Test
	void aNewTableGoesAtItsSortedPlaceBeforeTheCommentsLeadingToTheNext() {
		String edited = edit(HAND_EDITED, p -> p.with(A).with(new Profile("m", "http://m:1", "", "", false, false, ""))
			.with(new Profile("z", "http://z:1", "", "", false, false, "")));
		assertThat(edited).isEqualTo("""
				[a]
				  url = "http://a:1"
				  token = "ta"
				  org = "oa"

				# my servers, edited by hand
				[lab]
				URL = "http://lab:8086"   # the rack in room 2
				Token = 'labtok'
				timeout = 30

				[m]
				  url = "http://m:1"
				  token = ""
				  org = ""

				# production: careful
				[prod]
				  url = "https://prod:8086"
				  token = "new"
				  # token = "old-backup-token"
				  org = "ops"
				  Active = true

				[z]
				  url = "http://z:1"
				  token = ""
				  org = ""
				""");
	}

	@Test
	void upstreamsCommentedBlockStaysLastAndIsNeverAddedToAFileWithoutIt() {
		String upstream = TomlCodec.write(new Profiles(List.of(A)));
		Profile b = new Profile("b", "http://b:1", "", "", true, false, "");
		assertThat(edit(upstream, p -> p.with(b))).isEqualTo(TomlCodec.write(new Profiles(List.of(A, b))));
		assertThat(edit(TomlCodec.TRAILER, p -> p.with(b))).isEqualTo(TomlCodec.write(new Profiles(List.of(b))));
		String bare = "[a]\n  url = \"http://a:1\"\n";
		assertThat(edit(bare, p -> p.with(b))).isEqualTo(bare + "\n[b]\n  url = \"http://b:1\"\n  token = \"\"\n  org = \"\"\n  active = true\n");
		assertThat(edit("# just a note\n", p -> p.with(b)))
			.isEqualTo("# just a note\n\n[b]\n  url = \"http://b:1\"\n  token = \"\"\n  org = \"\"\n  active = true\n");
	}

	@Test
	void theByteOrderMarkLineEndsAndAMissingLastLineEndAreKept() {
		String crlf = "\uFEFF[a]\r\n  url = \"http://a:1\"\r\n  token = \"ta\"\r\n  org = \"oa\"";
		assertThat(edit(crlf, p -> p.activate("a"))).isEqualTo(crlf + "\r\n  active = true");
		String cr = "[a]\r  url = \"http://a:1\"\r  token = \"ta\"\r  org = \"oa\"\r";
		assertThat(edit(cr, p -> p.without("a").with(new Profile("b", "http://b:1", "", "", false, false, ""))))
			.isEqualTo("[b]\r  url = \"http://b:1\"\r  token = \"\"\r  org = \"\"\r");
	}

	@Test
	void anEmptyTokenIsWrittenAndAnEmptyCookieRemoved() {
		String text = "[a]\n  url = \"http://a:1\"\n  token = \"t\"\n  org = \"\"\n  cookie = \"Y29v\"\n";
		assertThat(edit(text, p -> p.with(new Profile("a", "http://a:1", "", "", false, false, ""))))
			.isEqualTo("[a]\n  url = \"http://a:1\"\n  token = \"\"\n  org = \"\"\n");
	}

	@Test
	void aBlankFileCountsAsNew() {
		assertThat(TomlDocument.parse("").isBlank()).isTrue();
		assertThat(TomlDocument.parse("\n  \n").isBlank()).isTrue();
		assertThat(TomlDocument.parse("# x\n").isBlank()).isFalse();
	}
}
