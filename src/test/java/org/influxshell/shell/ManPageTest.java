package org.influxshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.influxshell.client.DaemonFolder;
import org.influxshell.command.ArgsParser;
import org.influxshell.command.CommandModel;
import org.influxshell.configs.ConfigsFile;
import org.influxshell.journal.JournalConfiguration;
import org.influxshell.support.ConsoleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The manual page's sections beyond the command list: the journal, the files and the examples. */
class ManPageTest extends ConsoleTest {

	CommandModel model;

	@BeforeEach
	void model() {
		model = bean(CommandModel.class);
	}

	private String page() {
		Run r = run("__man");
		assertThat(r.exit()).isZero();
		assertThat(r.err()).isEmpty();
		return r.out();
	}

	@Test
	void theSectionsComeInTheUsualOrder() {
		assertThat(page().lines().filter(l -> l.startsWith(".SH ")).toList()).containsExactly(".SH NAME",
				".SH SYNOPSIS", ".SH DESCRIPTION", ".SH COMMANDS", ".SH JOURNAL", ".SH ENVIRONMENT", ".SH PRECEDENCE",
				".SH EXIT STATUS", ".SH FILES", ".SH EXAMPLES", ".SH SEE ALSO");
	}

	@Test
	void everyExampleIsACommandLineTheConsoleParses() {
		List<String> lines = new ArrayList<>();
		List.of(ManPage.TOUR, ManPage.INCIDENT, ManPage.V1).forEach(examples -> examples.forEach(e -> lines.addAll(e.lines())));
		for (String full : lines) {
			String line = ManPage.consoleLine(full);
			assertThat(line).as(full).startsWith("influx-shell ");
			List<String> words = Words.split(line.substring("influx-shell ".length()));
			CommandModel.Match match = model.find(words);
			assertThat(match).as(line).isNotNull();
			assertThatCode(() -> ArgsParser.parse(match.command(), match.rest())).as(line).doesNotThrowAnyException();
		}
		// the tour and the incident story tell what they promise
		assertThat(commands(ManPage.TOUR)).containsExactly("config create", "auth list", "auth inactive", "auth active",
				"auth rotate", "auth rotate", "auth journal", "auth undo", "config set", "config status");
		assertThat(commands(ManPage.INCIDENT)).containsExactly("auth inactive", "auth inactive", "auth inactive",
				"auth undo", "auth journal", "auth undo");
		assertThat(commands(ManPage.V1)).containsExactly("v1 auth set-inactive", "v1 auth set-password",
				"v1 auth set-active");
		// the leaked value is piped in, never written on the command line
		assertThat(ManPage.INCIDENT.get(0).lines()).containsExactly("printf '%s\\n' \"$LEAKED\" | influx-shell auth inactive --token-value -");
		assertThat(ManPage.consoleLine("influx-shell auth list")).isEqualTo("influx-shell auth list");
	}

	private List<String> commands(List<ManPage.Example> examples) {
		return examples.stream().flatMap(e -> e.lines().stream())
			.map(line -> model.find(Words.split(ManPage.consoleLine(line).substring("influx-shell ".length()))).command().name())
			.toList();
	}

	@Test
	void anExampleIsAnIndentedBlockThatManShowsAsTyped() {
		assertThat(page()).contains("""
				.SH EXAMPLES
				.PP
				Create a profile for a server and make it the active one:
				.PP
				.RS 4
				.nf
				influx\\-shell config create \\-n prod \\-u https://influx.example.com:8086 \\-t "$TOKEN" \\-o my\\-org \\-a
				.fi
				.RE
				.PP
				List the tokens on it (add \\-\\-json for JSON):
				""").contains("""
				.SS A leaked token
				.PP
				A token was pasted into a public chat.""");
	}

	@Test
	void theFilesAreWhereTheConsoleKeepsThem() {
		String page = page();
		String files = page.substring(page.indexOf(".SH FILES\n"), page.indexOf(".SH EXAMPLES\n"));
		assertThat(files).contains(".I ~/.influxdbv2/configs\n", ".I ~/.influxdbv2/" + ManPage.roff(JournalConfiguration.FILE_NAME) + "\n",
				".I ~/.influxdbv2/influx\\-shell_history\n", ".I ~/.influxdbv2/configs.before\\-RUN\n", ".I $XDG_RUNTIME_DIR/influx\\-shell/\n");
		assertThat(Path.of("/h/.influxdbv2/configs").resolveSibling("influx-shell_history")).isEqualTo(
				new ConfigsFile(() -> null, p -> null, () -> "/h").historyFile());
		DaemonFolder runtime = DaemonFolder.of(Map.of("XDG_RUNTIME_DIR", "/run/user/7"), "/h");
		DaemonFolder home = DaemonFolder.of(Map.of(), "/h");
		assertThat(runtime.path()).isEqualTo(Path.of("/run/user/7/influx-shell"));
		assertThat(home.path()).isEqualTo(Path.of("/h/.influxdbv2/influx-shell-daemon"));
		for (Path p : List.of(runtime.socket(), runtime.lock(), runtime.log())) {
			assertThat(files).contains("\\fI" + p.getFileName() + "\\fR");
		}
		assertThat(files).contains("\\fI~/.influxdbv2/influx\\-shell\\-daemon/\\fR");
		// one home for all of them, $HOME first
		assertThat(files).contains("one home: \\fB$HOME\\fR when it is set and absolute", ".jsonl.1\\fR");
	}

	@Test
	void theJournalSectionNamesWhatIsJournaledAndHowToTakeItBack() {
		String page = page();
		String journal = page.substring(page.indexOf(".SH JOURNAL\n"), page.indexOf(".SH ENVIRONMENT\n"));
		assertThat(journal).contains("\\fBauth inactive\\fR", "\\fBauth active\\fR", "\\fBauth delete\\fR",
				"\\fBauth create\\fR", "never a token value", "\\fBauth journal\\fR lists the runs",
				"\\fBauth undo\\fR takes back the last run", "\\fB\\-\\-dry\\-run\\fR",
				// rotation, links refused, and undo's exit code when something cannot be put back
				"\\fIinflux\\-shell\\-journal.jsonl.1\\fR", "without following links", "exits 1",
				"\\fB\\-\\-limit\\fR", "\\fB\\-\\-since\\fR",
				// a rotation: one run, its copy of the configs file, and the order undo takes it back in
				"\\fBauth rotate\\fR is one run", "\\fIconfigs.before\\-RUN\\fR", "only then inactivates the new token");
	}
}
