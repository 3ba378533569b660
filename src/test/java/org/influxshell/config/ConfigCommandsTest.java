package org.influxshell.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.influxshell.configs.TomlCodecTest;
import org.influxshell.connection.ProductProbe;
import org.influxshell.support.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

@Import(ConfigCommandsTest.NoServerAnswers.class)
class ConfigCommandsTest extends ConsoleTest {

	/**
	 * The profiles' servers are never asked which generation they are: whatever listens on their
	 * ports on the machine running the tests (a benchmark's stub on 18086, an InfluxDB on 8086)
	 * must not change what {@code config create} records. The probe has tests of its own. Imported
	 * by this class alone: no annotation of its own, so the application's scan of the test classes
	 * never finds it for the others.
	 */
	static class NoServerAnswers {

		@Bean
		@Primary
		ProductProbe unreachable() {
			return conn -> "";
		}
	}

	void threeProfiles() {
		assertThat(run("config create -n a -u http://127.0.0.1:18086 -t tokA -o orgA").exit()).isZero();
		assertThat(run("config create -n b -u https://example.com:8086/ -t tokB -o orgB -a").exit()).isZero();
		assertThat(run("config create --config-name=c --host-url=http://localhost:8086").exit()).isZero();
	}

	@Test
	void createPrintsTheNewProfileAndWritesTheSpecFile() throws Exception {
		Run a = run("config create -n a -u http://127.0.0.1:18086 -t tokA -o orgA");
		assertThat(a).isEqualTo(new Run(0, "Active\tName\tURL\t\t\tOrg\n\ta\thttp://127.0.0.1:18086\torgA\n", ""));
		Run b = run("config create -n b -u https://example.com:8086/ -t tokB -o orgB -a");
		assertThat(b.out()).isEqualTo("Active\tName\tURL\t\t\t\tOrg\n*\tb\thttps://example.com:8086/\torgB\n");
		assertThat(Files.readString(configs)).isEqualTo(TomlCodecTest.SPEC_EXAMPLE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configs))).isEqualTo("rw-------");
	}

	@Test
	void listsAllSortedAsTableHeaderlessAndJson() {
		threeProfiles();
		assertThat(run("config ls").out()).isEqualTo("Active\tName\tURL\t\t\t\tOrg\n"
				+ "\ta\thttp://127.0.0.1:18086\t\torgA\n"
				+ "*\tb\thttps://example.com:8086/\torgB\n"
				+ "\tc\thttp://localhost:8086\t\t\n");
		assertThat(run("config list --hide-headers").out()).isEqualTo("\ta\thttp://127.0.0.1:18086\t\torgA\n"
				+ "*\tb\thttps://example.com:8086/\torgB\n"
				+ "\tc\thttp://localhost:8086\t\t\n");
		assertThat(run("config ls --json").out()).isEqualTo("""
				{
				\t"a": {
				\t\t"url": "http://127.0.0.1:18086",
				\t\t"token": "tokA",
				\t\t"org": "orgA"
				\t},
				\t"b": {
				\t\t"url": "https://example.com:8086/",
				\t\t"token": "tokB",
				\t\t"org": "orgB",
				\t\t"active": true
				\t},
				\t"c": {
				\t\t"url": "http://localhost:8086",
				\t\t"token": "",
				\t\t"org": ""
				\t}
				}
				""");
	}

	@Test
	void emptyFileListsNothingAndConfigShowsTheDefault() {
		assertThat(run("config ls").out()).isEqualTo("Active\tName\tURL\tOrg\n");
		assertThat(run("config ls --hide-headers").out()).isEmpty();
		assertThat(run("config ls --json").out()).isEqualTo("{}\n");
		assertThat(run("config").out()).isEqualTo("Active\tName\tURL\t\t\tOrg\n*\tdefault\thttp://localhost:8086\t\n");
		assertThat(configs).doesNotExist();
	}

	@Test
	void switchesWithEveryForm() {
		threeProfiles();
		assertThat(run("config use a").out()).isEqualTo("Active\tName\tURL\t\t\tOrg\n*\ta\thttp://127.0.0.1:18086\torgA\n");
		assertThat(run("config c").out()).isEqualTo("Active\tName\tURL\t\t\tOrg\n*\tc\thttp://localhost:8086\t\n");
		assertThat(run("config -").out()).contains("*\ta\t");
		assertThat(run("config use -").out()).contains("*\tc\t");
		assertThat(run("config --json").out()).isEqualTo("{\n\t\"url\": \"http://localhost:8086\",\n\t\"token\": \"\",\n\t\"org\": \"\",\n\t\"active\": true\n}\n");
		assertThat(run("config --json a").out()).contains("\"active\": true");
		assertThat(run("config").out()).contains("*\ta\t");
	}

	@Test
	void setChangesOnlyGivenValuesAndRmRemoves() {
		threeProfiles();
		assertThat(run("config set -n a -o newOrg").out()).isEqualTo("Active\tName\tURL\t\t\tOrg\n\ta\thttp://127.0.0.1:18086\tnewOrg\n");
		assertThat(run("config update -n a --host-url http://x:1 -a").out()).isEqualTo("Active\tName\tURL\t\tOrg\n*\ta\thttp://x:1\tnewOrg\n");
		Run rm = run("config rm a c zz");
		assertThat(rm.out()).isEqualTo("Active\tName\tURL\t\t\tOrg\tDeleted\n*\ta\thttp://x:1\t\tnewOrg\ttrue\n\tc\thttp://localhost:8086\t\ttrue\n");
		assertThat(rm.err()).isEqualTo("config \"b\" is now active\n");
		assertThat(run("config delete b --json").out()).isEqualTo("{\n\t\"b\": {\n\t\t\"url\": \"https://example.com:8086/\",\n\t\t\"token\": \"tokB\",\n\t\t\"org\": \"orgB\",\n\t\t\"active\": true\n\t}\n}\n");
		assertThat(run("config ls --hide-headers").out()).isEmpty();
	}

	@Test
	void rmMarksEachProfileAsItWasWhenItWentLikeUpstream() {
		threeProfiles();
		// b is active: removing it makes a active, and a is removed next, printed with its *
		Run rm = run("config rm b a");
		assertThat(rm).isEqualTo(new Run(0, "Active\tName\tURL\t\t\t\tOrg\tDeleted\n"
				+ "*\ta\thttp://127.0.0.1:18086\t\torgA\ttrue\n*\tb\thttps://example.com:8086/\torgB\ttrue\n",
				"config \"c\" is now active\n"));
		assertThat(run("config ls --hide-headers").out()).isEqualTo("*\tc\thttp://localhost:8086\t\n");
	}

	@Test
	void rmInJsonMarksAProfileMadeActiveBeforeItWent() {
		threeProfiles();
		assertThat(run("config rm b a --json").out()).isEqualTo("{\n\t\"a\": {\n\t\t\"url\": \"http://127.0.0.1:18086\",\n"
				+ "\t\t\"token\": \"tokA\",\n\t\t\"org\": \"orgA\",\n\t\t\"active\": true\n\t},\n"
				+ "\t\"b\": {\n\t\t\"url\": \"https://example.com:8086/\",\n\t\t\"token\": \"tokB\",\n"
				+ "\t\t\"org\": \"orgB\",\n\t\t\"active\": true\n\t}\n}\n");
	}

	@Test
	void tokenAndPasswordTogetherIsRefusedInUpstreamsWordsAlone() {
		threeProfiles();
		String refused = "Error: cannot specify `--token` and `--username-password` together, please choose one\n";
		assertThat(run("config create -n x -u http://x:1 -t t -p u:p")).isEqualTo(new Run(1, "", refused));
		assertThat(run("config set -n a -t t -p u:p")).isEqualTo(new Run(1, "", refused));
		// checked first, as upstream does: before the host URL and the name
		assertThat(run("config set -n nope -u localhost -t t -p u:p").err()).isEqualTo(refused);
	}

	@Test
	void aHandEditedFileIsReadLikeUpstreamAndKeptButForTheChangedLines() throws Exception {
		String handEdited = "\uFEFF# servers\r\n[prod]\r\nURL = \"https://prod:8086\"  # main\r\nToken = \"secret\"\r\n"
				+ "# Token = \"backup\"\r\ntimeout = 30\r\n";
		Files.createDirectories(configs.getParent());
		Files.writeString(configs, handEdited);
		assertThat(run("config ls --json").out()).isEqualTo(
				"{\n\t\"prod\": {\n\t\t\"url\": \"https://prod:8086\",\n\t\t\"token\": \"secret\",\n\t\t\"org\": \"\"\n\t}\n}\n");
		assertThat(run("config set -n prod -t '' -o ops -a").exit()).isZero();
		assertThat(run("config create -n lab -u http://lab:1").exit()).isZero();
		assertThat(Files.readString(configs)).isEqualTo("\uFEFF[lab]\r\n  url = \"http://lab:1\"\r\n  token = \"\"\r\n"
				+ "  org = \"\"\r\n\r\n# servers\r\n[prod]\r\nURL = \"https://prod:8086\"  # main\r\nToken = \"secret\"\r\n"
				+ "# Token = \"backup\"\r\ntimeout = 30\r\norg = \"ops\"\r\nactive = true\r\n");
	}

	@Test
	void setWithEmptyValuesChangesNothingAndWritesNothing() throws Exception {
		threeProfiles();
		byte[] before = configsBytes();
		Run r = run("config set -n b -t '' -o '' -u '' -p ''");
		assertThat(r).isEqualTo(new Run(0, "Active\tName\tURL\t\t\t\tOrg\n*\tb\thttps://example.com:8086/\torgB\n", ""));
		assertThat(configsBytes()).isEqualTo(before);
		assertThat(run("config ls --json").out()).contains("\"token\": \"tokB\"");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			config use nope                          => 1 => Error: config "nope" is not found
			config nope                              => 1 => Error: config "nope" is not found
			config use -                             => 1 => Error: previous activated config is not found
			config create -n a -u http://x:1         => 1 => Error: failed to create config "a": config "a" already exists
			config create -n ls -u http://x:1        => 1 => Error: failed to create config "ls": "ls" is not a valid config name
			config create -n '' -u http://x:1        => 1 => Error: failed to create config "": config name is empty
			config create -n z -u localhost:8086     => 1 => Error: host URL "localhost:8086" is invalid: a scheme of http or https must be provided for host url
			config create -n z                       => 2 => Error: Required flag "host-url" not set
			config set -n zz -o x                    => 1 => Error: failed to update config "zz": config "zz" is not found
			config set -n a -u ftp://x               => 1 => Error: host URL "ftp://x" is invalid: a scheme of http or https must be provided for host url
			config ls --bogus                        => 2 => Error: unknown flag: --bogus (see 'config list --help')
			config use                               => 2 => Error: missing NAME (usage: config use NAME)
			config ls extra                          => 2 => Error: unexpected argument "extra" (see 'config list --help')
			config ls --json=maybe                   => 2 => Error: invalid boolean value "maybe" for flag --json
			nosuch command                           => 2 => Error: unknown command "nosuch command" (see 'help')
			config use a b                           => 2 => Error: unexpected argument "b" (see 'config use --help')
			""")
	void failuresPrintOneLineAndLeaveTheFileAlone(String line, int exit, String error) {
		threeProfiles();
		byte[] before = configsBytes();
		Run r = run(line);
		assertThat(r).isEqualTo(new Run(exit, "", error + "\n"));
		assertThat(configsBytes()).isEqualTo(before);
	}

	@Test
	void aBrokenFileIsNeverOverwritten() throws Exception {
		Files.createDirectories(configs.getParent());
		Files.writeString(configs, "[a]\n  url = 5\n");
		for (String line : new String[] { "config", "config ls", "config use a", "config create -n b -u http://b:1",
				"config rm a", "config set -n a -o x" }) {
			Run r = run(line);
			assertThat(r.exit()).as(line).isEqualTo(1);
			assertThat(r.err()).as(line).isEqualTo("Error: configs file " + configs + ", line 2: \"url\" must be a string\n");
		}
		assertThat(Files.readString(configs)).isEqualTo("[a]\n  url = 5\n");
	}

	@Test
	void helpForACommandAndTheList() {
		Run h = run("config create --help");
		assertThat(h.exit()).isZero();
		assertThat(h.out()).startsWith("NAME:\n   config create - Create a config\n").contains("-n, --config-name NAME");
		Run all = runWords(java.util.List.of("help"));
		assertThat(all.out()).contains("   config use ", "   config list ", "   auth inactive ", "(also: auth find, auth ls)");
	}
}
