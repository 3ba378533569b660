package org.influxshell.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandDefTest {

	static CommandResult nothing(Args args) {
		return CommandResult.of("");
	}

	@Test
	void twoOptionsWithOneSpellingAreRefused() {
		OptionDef<String> user = OptionDef.value("NAME", "user", "-u", "--user");
		OptionDef<String> url = OptionDef.value("URL", "url", "-u", "--url");
		assertThatThrownBy(() -> CommandDef.command("x").options(user, url).runs(CommandDefTest::nothing))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("command \"x\": -u is declared by two options (--user and --url)");
		assertThatThrownBy(() -> CommandDef.command("x").options(OptionDef.flag("mine", "--json"))
			.options(CommonOptions.LOCAL).runs(CommandDefTest::nothing))
			.hasMessage("command \"x\": --json is declared by two options (--json and --json)");
	}

	@Test
	void theSameDeclarationTwiceIsOneOption() {
		CommandDef c = CommandDef.command("x").options(CommonOptions.LOCAL).options(CommonOptions.SERVER)
			.runs(CommandDefTest::nothing);
		assertThat(c.options()).hasSize(CommonOptions.SERVER.options().size() + 1).last().isSameAs(CommandDef.HELP);
		assertThat(c.option("-c")).isSameAs(CommonOptions.ACTIVE_CONFIG);
	}

	@Test
	void twoCommandsWithOneSpellingAreRefused() {
		CommandSet a = () -> List.of(CommandDef.command("auth list").runs(CommandDefTest::nothing));
		CommandSet b = () -> List.of(CommandDef.command("auth ls").aliases("auth list").runs(CommandDefTest::nothing));
		assertThatThrownBy(() -> new CommandModel(List.of(a, b))).hasMessage("command \"auth list\" is declared twice");
	}

	@Test
	void spellingsAreDashedNames() {
		assertThatThrownBy(() -> OptionDef.flag("x", "json")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OptionDef.flag("x", "-json")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OptionDef.value("X", "x", "--x").commaSeparated()).isInstanceOf(IllegalStateException.class);
	}
}
