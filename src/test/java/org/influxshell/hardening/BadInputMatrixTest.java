package org.influxshell.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.influxshell.support.ConsoleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mistakes a user makes, across commands: each gives one line on stderr, the documented exit
 * code, nothing on stdout, and leaves the configs file exactly as it was. No server is running
 * (the host refuses connections), so nothing here may need one.
 */
class BadInputMatrixTest extends ConsoleTest {

	static final String ID = "0d099b627e605000";

	static final String NOWHERE = " --host http://127.0.0.1:1 -t secretToken";

	@BeforeEach
	void twoProfiles() {
		run("config create -n a -u http://127.0.0.1:1 -t tokA -o orgA");
		run("config create -n b -u http://127.0.0.1:1 -t tokB -o orgB -a");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			auth inactive --id abc                              => 1 => could not find auth with ID "abc": id must have a length of 16 bytes
			auth inactive --id zzzzzzzzzzzzzzzz                 => 1 => could not find auth with ID "zzzzzzzzzzzzzzzz": invalid ID
			auth inactive --id 0000000000000000                 => 1 => could not find auth with ID "0000000000000000": invalid ID
			auth active --id 0d099b627e60500G                   => 1 => could not find auth with ID "0d099b627e60500G": invalid ID
			auth delete --id 0d099b627e605000a                  => 1 => could not find auth with ID "0d099b627e605000a": id must have a length of 16 bytes
			auth active --id ''                                 => 1 => could not find auth with ID "": id must have a length of 16 bytes
			auth inactive                                       => 2 => at least one of --id, --user, --description, --token-value is required
			auth inactive --description ''                      => 2 => --description needs a value that is not empty
			auth delete --user ' ' --force                      => 2 => --user needs a value that is not empty
			auth inactive --id ,                                => 1 => could not find auth with ID "": id must have a length of 16 bytes
			auth list --id 0d099b627e605000,                    => 1 => could not find authorization with ID "": id must have a length of 16 bytes
			auth inactive --id                                  => 2 => flag needs an argument: --id
			auth inactive --bogus                               => 2 => unknown flag: --bogus (see 'auth inactive --help')
			auth inactive -z                                    => 2 => unknown flag: -z (see 'auth inactive --help')
			auth frobnicate                                     => 2 => unknown command "auth frobnicate" (see 'help')
			auth lst                                            => 2 => unknown command "auth lst" (did you mean 'auth list'?)
			config lsit                                         => 2 => unknown command "config lsit" (did you mean 'config list'?)
			frobnicate --id x                                   => 2 => unknown command "frobnicate" (see 'help')
			auth inactive --id 0d099b627e605000 --json=maybe    => 2 => invalid boolean value "maybe" for flag --json
			auth inactive --id 0d099b627e605000 --hide-headers=2 => 2 => invalid boolean value "2" for flag --hide-headers
			auth inactive --id 0d099b627e605000 -c nope         => 1 => config "nope" is not found
			auth inactive --id 0d099b627e605000 --host localhost:8086 => 1 => host URL "localhost:8086" is invalid: a scheme of http or https must be provided for host url
			auth inactive --id 0d099b627e605000 --host http://h:99999 => 1 => host URL "http://h:99999" is invalid: port out of range
			auth inactive --id 0d099b627e605000 --host http://h:abc => 1 => host URL "http://h:abc" is invalid: invalid host or port
			auth inactive --id 0d099b627e605000 --host ftp://h:21 => 1 => host URL "ftp://h:21" is invalid: a scheme of http or https must be provided for host url
			auth inactive --id 0d099b627e605000 --host 'http://a b' => 1 => host URL "http://a b" is invalid: Illegal character in authority
			auth inactive --description '(' --user x            => 2 => invalid --description pattern: error parsing regexp: missing closing ): `(`
			auth inactive --description '(a)\\1'                 => 2 => invalid --description pattern: error parsing regexp: invalid escape sequence: `\\1`
			auth delete --description 'a(?=b)' --force          => 2 => invalid --description pattern: error parsing regexp: invalid or unsupported Perl syntax: `(?=`
			auth list --org-id 9c5955fc99a60b8f --org o         => 1 => ambiguous org: use OrgId or OrgName, but not both. OrgID: 9c5955fc99a60b8f, OrgName: o
			auth list --id abc                                  => 1 => could not find authorization with ID "abc": id must have a length of 16 bytes
			auth create --org o --read-bucket mybucket          => 1 => invalid bucket ID 'mybucket': id must have a length of 16 bytes (did you pass a bucket name instead of an ID?)
			auth create --org o --operator --read-buckets       => 1 => cannot compose other permissions with operator permissions
			auth create --org o                                 => 2 => no permissions given: use --read-X/--write-X, --read-bucket/--write-bucket, --operator or --all-access
			auth create --org-id nothex --read-buckets          => 1 => invalid org ID 'nothex': id must have a length of 16 bytes
			auth create --org o --read-nothing                  => 2 => unknown flag: --read-nothing (see 'auth create --help')
			config create -n '' -u http://x:1                   => 1 => failed to create config "": config name is empty
			config create -n list -u http://x:1                 => 1 => failed to create config "list": "list" is not a valid config name
			config create -n - -u http://x:1                    => 1 => failed to create config "-": "-" is not a valid config name
			config create -n a -u http://x:1                    => 1 => failed to create config "a": config "a" already exists
			config create -n x -u localhost:8086                => 1 => host URL "localhost:8086" is invalid: a scheme of http or https must be provided for host url
			config create -n x                                  => 2 => Required flag "host-url" not set
			config create -u http://x:1                         => 2 => Required flag "config-name" not set
			config create -n x -u http://x:1 -t t -p u:p        => 1 => cannot specify `--token` and `--username-password` together, please choose one
			config use nope                                     => 1 => config "nope" is not found
			config use -                                        => 1 => previous activated config is not found
			config set -n nope -o x                             => 1 => failed to update config "nope": config "nope" is not found
			config set -n a -u http://                          => 1 => host URL "http://" is invalid: Expected authority
			config ls --bogus                                   => 2 => unknown flag: --bogus (see 'config list --help')
			config ls extra                                     => 2 => unexpected argument "extra" (see 'config list --help')
			config use a b                                      => 2 => unexpected argument "b" (see 'config use --help')
			help nosuchcommand                                  => 2 => unknown command "nosuchcommand"
			""")
	void oneLineTheDocumentedCodeAndTheFileUntouched(String line, int exit, String message) throws Exception {
		byte[] before = configsBytes();
		Run r = run(line.startsWith("auth ") ? withDefaults(line) : line);
		assertThat(r.out()).isEmpty();
		assertThat(r.err()).isEqualTo("Error: " + message + "\n");
		assertThat(r.exit()).isEqualTo(exit);
		assertThat(configsBytes()).isEqualTo(before);
	}

	/** The command words, then a refusing host and a token, then the case's own options (the last given wins). */
	static String withDefaults(String line) {
		String[] words = line.split(" ", 3);
		return words.length < 2 ? line : words[0] + " " + words[1] + NOWHERE + (words.length > 2 ? " " + words[2] : "");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			garbage          => ~this is not toml~                 => , line 1: expected '=', found 'i'
			wrong type       => ~[a]\\n  active = "yes"~           => , line 2: "active" must be a boolean
			duplicate table  => ~[a]\\n  url = "x"\\n[a]~          => , line 3: table [a] is defined twice
			key outside      => ~url = "x"~                        => , line 1: key "url" is outside any config table
			bad escape       => ~[a]\\n  token = "\\x"~            => , line 2: invalid escape '\\x'
			""")
	void brokenConfigsFilesAreReportedAndKeptForEveryCommand(String name, String content, String where) throws Exception {
		String text = content.replace("\\n", "\n");
		Files.writeString(configs, text);
		for (String line : new String[] { "config", "config ls", "config use a", "config create -n z -u http://z:1",
				"config set -n a -o x", "config rm a", "auth inactive --id " + ID + " -t t",
				"auth list --host http://127.0.0.1:1" }) {
			Run r = run(line);
			assertThat(r.out()).as(line).isEmpty();
			assertThat(r.err()).as(line).isEqualTo("Error: configs file " + configs + where + "\n");
			assertThat(r.exit()).as(line).isEqualTo(1);
		}
		assertThat(Files.readString(configs)).isEqualTo(text);
	}

	@org.junit.jupiter.api.Test
	void emptyFolderHugeAndNonUtf8Files() throws Exception {
		Files.writeString(configs, "");
		assertThat(run("config")).isEqualTo(new Run(0, "Active\tName\tURL\t\t\tOrg\n*\tdefault\thttp://localhost:8086\t\n", ""));

		Path folder = home.resolve("folder");
		Files.createDirectories(folder);
		assertThat(run("config ls --configs-path " + folder))
			.isEqualTo(new Run(1, "", "Error: configs file " + folder + ": is a directory, not a file\n"));

		Path huge = home.resolve("huge");
		Files.write(huge, new byte[5 * 1024 * 1024]);
		assertThat(run("config ls --configs-path " + huge))
			.isEqualTo(new Run(1, "", "Error: configs file " + huge + ": is larger than 4 MiB, not a configs file\n"));
		assertThat(Files.size(huge)).isEqualTo(5 * 1024 * 1024);

		Path latin1 = home.resolve("latin1");
		Files.write(latin1, "[caf\u00e9]\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(run("config create -n x -u http://x:1 --configs-path " + latin1))
			.isEqualTo(new Run(1, "", "Error: configs file " + latin1 + ": is not UTF-8 text\n"));

		Path underAFile = configs.resolve("inside");
		Run r = run("config create -n x -u http://x:1 --configs-path " + underAFile);
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.err()).startsWith("Error: configs file " + underAFile + ": ").hasLineCount(1);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
			config create -n 'qu"ote' -u http://x:1 -o 'org "x"'     => qu"ote
			config create -n 'ünï cødé ☃' -u http://x:1 -o 'Zürich'  => ünï cødé ☃
			config create -n 'back\\slash' -u http://x:1               => back\\slash
			config create -n tabbed -u http://x:1 -t -dashed-token     => tabbed
			config create -n 'with space' -u http://x:1 -t=-x=y        => with space
			""")
	void oddButValidNamesAndValuesWorkAndRoundTrip(String line, String name) throws Exception {
		Run r = run(line);
		assertThat(r.exit()).isZero();
		// a token that looks like an option gets upstream's warning, the token itself left out
		assertThat(r.err()).isEqualTo(line.contains(" -t -") ? "warning: -t -*** interpreted as -t=-***, consider using "
				+ "-t=-*** syntax when tokens start with a hyphen\n" : "");
		assertThat(run("config ls --json").out()).contains(org.influxshell.output.GoJson.write(name).strip());
		assertThat(run("config use '" + name.replace("'", "'\\''") + "'").exit()).isZero();
		assertThat(run("config --hide-headers").out()).startsWith("*\t" + name + "\t");
	}
}
