package org.influxshell.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths decided as the client's process would open them, never by opening them in the daemon. */
class ClientPathsTest {

	@TempDir
	Path folder;

	@Test
	void extraSlashesDotsAndRelativePathsAreFoldedBeforeTheyAreDecided() {
		String here = folder.toString();
		assertThat(ClientPaths.resolve(here, "//dev/stdin")).isEqualTo(Path.of("/dev/stdin"));
		assertThat(ClientPaths.resolve(here, "/dev//./fd/0")).isEqualTo(Path.of("/dev/fd/0"));
		assertThat(ClientPaths.resolve(here, "../".repeat(folder.getNameCount()) + "proc/self/fd/0"))
			.isEqualTo(Path.of("/proc/self/fd/0"));
		assertThat(ClientPaths.meansStdin(ClientPaths.resolve(here, "///proc/self/fd/0"))).isTrue();
		assertThat(ClientPaths.ofTheOpeningProcess(ClientPaths.resolve(here, "//dev/fd/63"))).isTrue();
		assertThat(ClientPaths.ofTheOpeningProcess(ClientPaths.resolve(here, "devices/x"))).isFalse();
	}

	@Test
	void linksAreFollowedUpToDevAndProcNeverInto() throws Exception {
		Path link = Files.createSymbolicLink(folder.resolve("in"), Path.of("/dev/stdin"));
		Path chain = Files.createSymbolicLink(folder.resolve("chain"), Path.of("in"));
		Files.createDirectory(folder.resolve("sub"));
		Path dotted = Files.createSymbolicLink(folder.resolve("sub/up"), Path.of("../chain"));
		// in the daemon /dev/stdin itself leads to the daemon's own stdin, /dev/null: never followed
		assertThat(ClientPaths.resolve(link)).isEqualTo(Path.of("/dev/stdin"));
		assertThat(ClientPaths.resolve(chain)).isEqualTo(Path.of("/dev/stdin"));
		assertThat(ClientPaths.resolve(dotted)).isEqualTo(Path.of("/dev/stdin"));
		Path viaFolder = Files.createSymbolicLink(folder.resolve("fds"), Path.of("/proc/self/fd"));
		assertThat(ClientPaths.resolve(viaFolder.resolve("0"))).isEqualTo(Path.of("/proc/self/fd/0"));
		// (removed here: the temporary folder's clean-up warns about links that lead out of it)
		for (Path p : List.of(link, viaFolder)) {
			Files.delete(p);
		}
		// a loop ends, where the kernel would say so
		Files.createSymbolicLink(folder.resolve("a"), Path.of("b"));
		Files.createSymbolicLink(folder.resolve("b"), Path.of("a"));
		assertThat(ClientPaths.ofTheOpeningProcess(ClientPaths.resolve(folder.resolve("a")))).isFalse();
	}

	@Test
	void aScriptIsUnfitWhenItOrAScriptItRunsIsAFileOfTheOpeningProcess() throws Exception {
		String here = folder.toString();
		Files.writeString(folder.resolve("plain.influx"), "config list\n# script /dev/stdin\n");
		Files.writeString(folder.resolve("inner.influx"), "config list\n  script   //dev/stdin\n");
		Files.writeString(folder.resolve("outer.influx"), "script plain.influx\nscript --file inner.influx\n");
		Files.writeString(folder.resolve("self.influx"), "script self.influx\n");
		Files.writeString(folder.resolve("quoted.influx"), "script 'a b.influx'\n");
		assertThat(ClientPaths.scriptUnfit(here, "plain.influx")).isNull();
		assertThat(ClientPaths.scriptUnfit(here, "self.influx")).isNull();
		assertThat(ClientPaths.scriptUnfit(here, "missing.influx")).isNull();
		assertThat(ClientPaths.scriptUnfit(here, "inner.influx")).isEqualTo("a file of the process that opens it");
		assertThat(ClientPaths.scriptUnfit(here, "outer.influx")).isEqualTo("a file of the process that opens it");
		assertThat(ClientPaths.scriptUnfit(here, "quoted.influx")).isEqualTo("a script line this console does not check");
		assertThat(ClientPaths.scriptOf(List.of("script", "--file=x"))).isEqualTo("x");
		assertThat(ClientPaths.scriptOf(List.of("script", "--help"))).isNull();
	}
}
