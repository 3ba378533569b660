package org.influxshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.influxshell.command.CommandModel;
import org.influxshell.support.ConsoleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code completion}, the hidden {@code __complete} and {@code __man}: what shells and man read from the console. */
class ShellIntegrationTest extends ConsoleTest {

	CommandModel model;

	@BeforeEach
	void model() {
		model = bean(CommandModel.class);
	}

	@Test
	void completeAnswersAsTheReplWouldOneValueALine() {
		assertThat(run("config create -n prod -u http://127.0.0.1:9").exit()).isZero();
		assertThat(run("config create -n lab -u http://127.0.0.1:9").exit()).isZero();
		assertThat(runWords(List.of("__complete", "--", "config", "use", "")).out())
			.isEqualTo("lab\thttp://127.0.0.1:9\nprod\thttp://127.0.0.1:9\n");
		assertThat(runWords(List.of("__complete", "--", "auth", "list", "-c", "p")).out())
			.isEqualTo("prod\thttp://127.0.0.1:9\n");
		assertThat(runWords(List.of("__complete", "--", "config", "set", "-n", "l")).out()).startsWith("lab");
		assertThat(runWords(List.of("__complete", "--", "auth", "inactive", "--hi")).out())
			.isEqualTo("--hide-headers\thide the table headers\n");
		assertThat(runWords(List.of("__complete")).out()).isEmpty();
	}

	@Test
	void hiddenCommandsRunButAreListedNowhere() {
		assertThat(run("help").out()).doesNotContain("__").contains("\n   completion ");
		assertThat(model.spellings()).doesNotContain("__complete", "__man").contains("completion");
		ConsoleCompleter repl = new ConsoleCompleter(model, List.of());
		assertThat(repl.proposals(List.of(), "_")).isEmpty();
		assertThat(run("__complete --help").exit()).isZero();
		assertThat(run("__comp").err()).isEqualTo("Error: unknown command \"__comp\" (see 'help')\n");
	}

	@Test
	void completionScriptsNameEveryCommandAndAnUnknownShellIsAUsageError() {
		for (String shell : List.of("bash", "zsh", "fish")) {
			Run r = run("completion " + shell);
			assertThat(r.exit()).as(shell).isZero();
			model.spellings().forEach(s -> assertThat(r.out()).as(shell).contains(s));
			assertThat(r.out()).as(shell).contains("--hide-headers", "__complete").doesNotContain("__man");
		}
		Run tcsh = run("completion tcsh");
		assertThat(tcsh.exit()).isEqualTo(2);
		assertThat(tcsh.err()).isEqualTo("Error: completion takes bash, zsh or fish, not \"tcsh\"\n");
	}

	@Test
	void zshAndFishGetEachNextWordOnceWithItsOwnDescription() {
		String zsh = run("completion zsh").out();
		assertThat(zsh).contains("typeset -gA _influx_shell_next=(\n\t['>']='auth:API tokens: list, create, inactivate, "
				+ "activate and delete them\nclear:Clear the terminal'\\''s screen\n",
				"\t['>auth']='active:Activate API tokens\ncreate:Create an API token\ndelete:Delete API tokens\n"
						+ "find:List API tokens\ninactive:Inactivate API tokens: they stay, but cannot be used\n",
				"\t['completion @']='bash zsh fish'\n", "\t['auth list --status']='active inactive'\n");
		// descriptions are shown as they are: no colon escaped in them
		assertThat(zsh.substring(0, zsh.indexOf("typeset -gA _influx_shell_options"))).doesNotContain("\\:");
		String fish = run("completion fish").out();
		assertThat(fish).contains("\t\t\tcase 'auth'\n\t\t\t\tprintf '%s\\t%s\\n' 'active' 'Activate API tokens' "
				+ "'create' 'Create an API token' 'delete' 'Delete API tokens' 'find' 'List API tokens' "
				+ "'inactive' 'Inactivate API tokens: they stay, but cannot be used' ",
				"\t\t\tcase 'completion'\n", "\t\t\t\tset choices '@=bash' '@=zsh' '@=fish' '--shell=bash' '--shell=zsh' '--shell=fish'\n")
			.doesNotContain("'auth\tActivate");
		assertThat(run("completion bash").out()).contains("\t['completion @']='bash zsh fish'\n");
	}

	@Test
	void theChoicesAValueNameListsAreCompleted() {
		assertThat(runWords(List.of("__complete", "--", "completion", "")).out()).isEqualTo("bash\nzsh\nfish\n");
		assertThat(runWords(List.of("__complete", "--", "completion", "z")).out()).isEqualTo("zsh\n");
		assertThat(runWords(List.of("__complete", "--", "auth", "list", "--status", "")).out()).isEqualTo("active\ninactive\n");
		assertThat(runWords(List.of("__complete", "--", "auth", "list", "--status=in")).out()).isEqualTo("--status=inactive\n");
		assertThat(runWords(List.of("__complete", "--", "debug", "")).out()).isEqualTo("on\noff\n");
	}

	@Test
	void theManPageDescribesEveryCommandAndOption() {
		String page = run("__man").out();
		assertThat(page).startsWith(".\\\" Generated from the command model").contains(".TH INFLUX\\-SHELL 1 ");
		model.commands().forEach(c -> {
			assertThat(page).contains(".SS " + ManPage.roff(c.name()) + "\n");
			c.options().stream().filter(o -> !o.names().contains("--help"))
				.forEach(o -> assertThat(page).as(c.name() + " " + o.longName()).contains("\\fB" + ManPage.roff(o.longName()) + "\\fR"));
		});
		assertThat(page).contains(".SH ENVIRONMENT", ".B INFLUX_HOST", ".SH PRECEDENCE", ".SH EXIT STATUS", ".SH FILES");
	}
}
