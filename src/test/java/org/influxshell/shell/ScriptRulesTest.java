package org.influxshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.influxshell.support.ConsoleTest;
import org.junit.jupiter.api.Test;

/** Scripts are read like text files, and only Spring's own arguments may go with a script. */
class ScriptRulesTest extends ConsoleTest {

	Path script(byte[]... parts) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			bytes.write(part);
		}
		Path file = home.resolve("s.influx");
		Files.write(file, bytes.toByteArray());
		return file;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	Run runScript(Path file, String... more) {
		String[] args = new String[more.length + 1];
		args[0] = "--spring.shell.script=" + file;
		System.arraycopy(more, 0, args, 1, more.length);
		return runArgs(args, "");
	}

	String names() {
		return run("config ls --hide-headers").out();
	}

	@Test
	void aByteOrderMarkIsIgnoredInFilesAndOnStdin() throws Exception {
		Path file = script(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8("config create -n a -u http://a:1\n"));
		assertThat(runScript(file).exit()).isZero();
		Run stdin = runArgs(new String[0], "\uFEFFconfig create -n b -u http://b:1\n");
		assertThat(stdin.err()).isEmpty();
		assertThat(names()).isEqualTo("\ta\thttp://a:1\t\n\tb\thttp://b:1\t\n");
	}

	@Test
	void anUndecodableByteIsReportedOnItsOwnLineAfterTheLinesBeforeItRan() throws Exception {
		Path file = script(utf8("config create -n a -u http://a:1\nconfig ls "), new byte[] { (byte) 0xFF },
				utf8("\nconfig create -n b -u http://b:1\n"));
		Run r = runScript(file);
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.err()).isEqualTo(file + ":2: Error: not UTF-8 text: byte 0xff at column 11\n");
		assertThat(names()).isEqualTo("\ta\thttp://a:1\t\n");
	}

	@Test
	void crlfAndCrLineEndsEndLines() throws Exception {
		assertThat(runScript(script(utf8("config create -n a -u http://a:1\r\n\r\nconfig create -n b -u http://b:1\r\n"))).exit())
			.isZero();
		assertThat(runScript(script(utf8("config create -n c -u http://c:1\r# note\rconfig create -n d -u http://d:1"))).exit())
			.isZero();
		assertThat(names()).isEqualTo("\ta\thttp://a:1\t\n\tb\thttp://b:1\t\n\tc\thttp://c:1\t\n\td\thttp://d:1\t\n");
	}

	@Test
	void anUnquotedHashAfterABlankStartsAComment() throws Exception {
		Path file = script(utf8("""
				config create -n a -u http://a:1 -t 'x # y' -o o#p   # the lab, token quoted
				config create -n b -u http://b:1 -t \\#b -o "#c" #
				"""));
		Run r = runScript(file);
		assertThat(r.err()).isEmpty();
		assertThat(run("config ls --json").out()).isEqualTo("""
				{
				\t"a": {
				\t\t"url": "http://a:1",
				\t\t"token": "x # y",
				\t\t"org": "o#p"
				\t},
				\t"b": {
				\t\t"url": "http://b:1",
				\t\t"token": "#b",
				\t\t"org": "#c"
				\t}
				}
				""");
	}

	@Test
	void anEmptyOrFolderScriptPathIsAUsageError() throws Exception {
		assertThat(runArgs(new String[] { "--spring.shell.script=" }, ""))
			.isEqualTo(new Run(2, "", "Error: no script file given\n"));
		assertThat(runArgs(new String[] { "--spring.shell.script=" + home }, ""))
			.isEqualTo(new Run(2, "", "Error: script file " + home + " is a directory, not a file\n"));
		assertThat(runArgs(new String[] { "@" + home }, ""))
			.isEqualTo(new Run(2, "", "Error: script file " + home + " is a directory, not a file\n"));
	}

	@Test
	void aLineWithoutEndIsCutOffAtOneMebibyte() {
		assertThat(runArgs(new String[] { "--spring.shell.script=/dev/zero" }, ""))
			.isEqualTo(new Run(1, "", "/dev/zero:1: Error: line is longer than 1 MiB\n"));
	}

	@Test
	void onlySpringsOwnArgumentsMayGoWithAScript() throws Exception {
		Path file = script(utf8("config create -n a -u http://a:1\n"));
		assertThat(runScript(file, "config", "ls")).isEqualTo(new Run(2, "", "Error: unexpected argument \"config\" next to "
				+ "--spring.shell.script=" + file + " (only --spring.*, --influx.*, --logging.* and --debug may go with it)\n"));
		assertThat(configsBytes()).isEmpty();
		assertThat(runScript(file, "--influx.lock-timeout=2s", "--logging.level.root=OFF", "--spring.main.banner-mode=off",
				"--debug").exit()).isZero();
		assertThat(names()).isEqualTo("\ta\thttp://a:1\t\n");
	}
}
