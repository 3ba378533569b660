package org.influxshell.process;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.influxshell.support.InfluxStub.SPEC_TOKEN;
import static org.influxshell.support.InfluxStub.alice;
import static org.influxshell.support.InfluxStub.ok;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.influxshell.support.JarProcess;
import org.influxshell.support.JarProcess.Result;
import org.influxshell.support.Needs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed forms of the console: the tarball unpacked into a fresh folder with every other
 * JDK hidden, the launcher reached through links and run under another JDK, the completion
 * script in a real bash, the man page through man, and the build's training run.
 */
class DistributionIT {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String ID = "0a6f1b2c3d4e5000";

	@TempDir
	Path home;

	static Path unpacked() {
		return Path.of(System.getProperty("influxshell.unpacked"));
	}

	static Result sh(Path home, String script, String... args) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>(List.of("bash", "-c", script, "test"));
		cmd.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
		Path out = Files.createTempFile(home, "out", ".txt");
		Path err = Files.createTempFile(home, "err", ".txt");
		pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		Process p = pb.start();
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IllegalStateException("did not end within 120 s: " + script);
		}
		return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err));
	}

	@Test
	void theUnpackedTarballRunsOnItsOwnRuntimeWithEveryOtherJdkHidden() throws Exception {
		// a mount namespace of its own with an empty /usr/lib/jvm: no JDK of the system is left,
		// and JAVA_HOME (set to the test's JDK by JarProcess) names a folder that is gone
		assumeTrue(Needs.isRoot() && Needs.onPath("unshare") && sh(home, "unshare -m true").exit() == 0,
				"needs a mount namespace of its own (root, and unshare from util-linux) to hide the system's JDKs");
		Result r = new JarProcess(home).launcher(unpacked().resolve("bin/influx-shell"))
			.env("PATH", "/usr/bin:/bin")
			.through("unshare", "-m", "sh", "-c", "mount -t tmpfs none /usr/lib/jvm && exec \"$0\" \"$@\"")
			.run(null, "version");
		assertThat(r.err()).isEmpty();
		assertThat(r.exit()).isZero();
		assertThat(r.out()).startsWith("influx-shell 0.1.0 (build ")
			.endsWith(" (" + unpacked().toRealPath().resolve("runtime") + ")\n");
	}

	@Test
	void theTarballHoldsAnAotCacheForItsOwnRuntimeAndTheSharedFiles() throws Exception {
		Path dist = unpacked();
		assertThat(dist.resolve("app/influx-shell.aot")).isNotEmptyFile();
		assertThat(Files.readString(dist.resolve("app/influx-shell.aot.release")))
			.isEqualTo(Files.readString(dist.resolve("runtime/release")));
		assertThat(dist.resolve("share/man/man1/influx-shell.1")).isNotEmptyFile();
		assertThat(dist.resolve("share/bash-completion/completions/influx-shell")).isNotEmptyFile();
		assertThat(dist.resolve("share/zsh/vendor-completions/_influx-shell")).isNotEmptyFile();
		assertThat(dist.resolve("share/fish/vendor_completions.d/influx-shell.fish")).isNotEmptyFile();
		assertThat(dist.resolve("LICENSE")).hasSameTextualContentAs(Path.of("LICENSE"));
		// moved away from where the build made it, the runtime still maps the cache
		Result r = new JarProcess(home).launcher(dist.resolve("bin/influx-shell"))
			.env("INFLUX_SHELL_JAVA_OPTS", "-Xlog:class+load=info:stdout")
			.run(null, "version");
		assertThat(r.out()).contains("source: shared objects file");
	}

	/** The development launcher's class-data archive names the jar paths it was made with: a moved tree runs without it, silently. */
	@Test
	void aCopiedDevelopmentTreeSaysNothingOfItsArchive() throws Exception {
		Path copy = home.resolve("copied");
		assertThat(sh(home, "cp -r \"$1\" \"$2\"", JarProcess.launcher().getParent().toString(), copy.toString()).exit())
			.isZero();
		Result r = new JarProcess(home).launcher(copy.resolve("influx-shell")).run(null, "config", "list");
		assertThat(r).isEqualTo(new Result(0, "Active\tName\tURL\tOrg\n", ""));
	}

	@Test
	void theDebNamesTheProjectsHomepageMaintainerAndLicence() throws Exception {
		Needs.program("dpkg-deb", "the .deb is made only where dpkg-deb is (Debian, Ubuntu)");
		Path deb = unpacked().getParent().getParent().resolve("influx-shell_0.1.0_amd64.deb");
		Result control = sh(home, "dpkg-deb -f \"$1\" Homepage Maintainer", deb.toString());
		assertThat(control.out()).isEqualTo("""
				Homepage: https://github.com/influx-shell/influx-shell
				Maintainer: influx-shell developers <influx-shell@users.noreply.github.com>
				""");
		Result copyright = sh(home, "dpkg-deb --fsys-tarfile \"$1\" | tar -xOf - ./usr/share/doc/influx-shell/copyright",
				deb.toString());
		assertThat(copyright.err()).isEmpty();
		assertThat(copyright.out()).contains("\nLicense: Apache-2.0\n", "/usr/share/common-licenses/Apache-2.0",
				"Source: https://github.com/influx-shell/influx-shell\n");
		Result files = sh(home, "dpkg-deb -c \"$1\"", deb.toString());
		assertThat(files.out()).contains(" ./usr/lib/influx-shell/LICENSE\n");
	}

	@Test
	void aLinkToTheLauncherWorksAndAnotherJdkPrintsNoWarnings() throws Exception {
		server.stubFor(get("/api/v2/authorizations/" + ID).willReturn(ok(alice("active", SPEC_TOKEN))));
		server.stubFor(patch(urlEqualTo("/api/v2/authorizations/" + ID)).willReturn(ok(alice("inactive", SPEC_TOKEN))));
		Path bin = Files.createDirectories(home.resolve("bin"));
		Path absolute = Files.createSymbolicLink(home.resolve("relative-link"), JarProcess.launcher());
		Path link = Files.createSymbolicLink(bin.resolve("influx-shell"), Path.of("../relative-link"));
		try {
			linkedRuns(link);
		}
		finally {
			// JUnit would warn about a link out of its folder; the test's own links go first
			Files.delete(link);
			Files.delete(absolute);
		}
	}

	private void linkedRuns(Path link) throws Exception {
		Result own = new JarProcess(home).launcher(link).run(null, "version");
		assertThat(own.err()).isEmpty();
		assertThat(own.out()).contains("java " + System.getProperty("java.version"));
		// the build's archive is for the build's JDK: another JDK must skip it without a word, and
		// a JDK 24 or later gets the flags that keep JLine and Netty from warning
		Path otherJdk = Needs.otherJdk();
		Result other = new JarProcess(home).launcher(link).env("JAVA_HOME", otherJdk.toString())
			.run(null, "auth", "inactive", "--id", ID, "--hide-headers", "--host", server.baseUrl(), "-t", "tok");
		assertThat(other.err()).isEmpty();
		assertThat(other.exit()).isZero();
		assertThat(other.out()).startsWith(ID + "\t");
	}

	@Test
	void bashCompletesCommandsOptionsAndProfileNamesFromTheGeneratedScript() throws Exception {
		Needs.program("bash", "runs the completion script");
		Path launcher = JarProcess.launcher();
		Result create = new JarProcess(home).run(null, "config", "create", "-n", "prod-eu", "-u", "http://127.0.0.1:9");
		assertThat(create.exit()).isZero();
		Result script = new JarProcess(home).run(null, "completion", "bash");
		Files.writeString(home.resolve("influx-shell.bash"), script.out());
		String complete = """
				source ./influx-shell.bash
				complete -p influx-shell
				PATH=$(dirname "$1"):$PATH
				export HOME=$2
				comp() {
					COMP_LINE=$1 COMP_POINT=${#1}
					read -ra COMP_WORDS <<< "$1"
					[[ $1 == *' ' ]] && COMP_WORDS+=('')
					COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
					_influx_shell
					echo "$1=> ${COMPREPLY[*]}"
				}
				comp 'influx-shell con'
				comp 'influx-shell auth in'
				comp 'influx-shell auth inactive --hi'
				comp 'influx-shell config use pr'
				comp 'influx-shell auth list -c '
				""";
		Result r = sh(home, complete, launcher.toString(), home.toString());
		assertThat(r.err()).isEmpty();
		assertThat(r.out()).isEqualTo("""
				complete -F _influx_shell influx-shell
				influx-shell con=> config
				influx-shell auth in=> inactive
				influx-shell auth inactive --hi=> --hide-headers
				influx-shell config use pr=> prod-eu
				influx-shell auth list -c => prod-eu
				""");
	}

	@Test
	void theManPageReadsWithoutWarningsAndNamesEveryCommandAndVariable() throws Exception {
		Needs.program("man", "man-db reads the man page");
		Path page = unpacked().resolve("share/man/man1/influx-shell.1");
		Result r = sh(home, "MANWIDTH=100 man --warnings -E UTF-8 -P cat -l \"$1\"", page.toString());
		assertThat(r.err()).isEmpty();
		assertThat(r.exit()).isZero();
		Result help = new JarProcess(home).run(null, "help");
		for (String line : help.out().split("\n")) {
			if (line.startsWith("   ") && !line.startsWith("    ") && !line.contains("influx-shell")) {
				String command = line.trim().split("  ")[0];
				assertThat(r.out()).as(command).contains("   " + command + "\n");
			}
		}
		assertThat(r.out()).contains("INFLUX_HOST", "INFLUX_TOKEN", "INFLUX_ACTIVE_CONFIG", "INFLUX_CONFIGS_PATH",
				"INFLUX_OUTPUT_JSON", "INFLUX_HIDE_HEADERS", "INFLUX_SKIP_VERIFY", "PRECEDENCE", "EXIT STATUS",
				"~/.influxdbv2/configs", "\nJOURNAL\n", "\nEXAMPLES\n", "   A leaked token\n",
				"       influx-shell auth undo --run ");
	}

	@Test
	void theTrainingRunReachedItsServerOnAPortOfItsOwn() throws Exception {
		Path target = JarProcess.launcher().getParent().getParent();
		String script = Files.readString(target.resolve("cds-training.txt"));
		assertThat(script).doesNotContain("@PORT@").doesNotContain(":18087");
		String log = Files.readString(target.resolve("cds-training.log"));
		// only the last line fails, on purpose: every other one reached the server
		assertThat(log.lines().filter(l -> l.contains("Error:")).toList()).singleElement()
			.asString()
			.contains("cds-training.txt:" + script.lines().count() + ": Error: ")
			.contains("127.0.0.1:9/");
		assertThat(Files.readString(target.resolve("aot-training.log")).lines().filter(l -> l.contains("Error:")).count())
			.isEqualTo(1);
	}
}
