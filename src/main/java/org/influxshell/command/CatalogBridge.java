package org.influxshell.command;

import java.util.List;

import org.springframework.core.ResolvableType;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandCatalogCustomizer;
import org.springframework.shell.command.CommandRegistration;

/**
 * Registers the command model in Spring Shell's {@link CommandCatalog}, so that the catalog
 * describes each command with exactly the options the console accepts. A registration's target
 * parses its raw arguments with {@link ArgsParser} and runs the command's handler, as the console
 * does; a failure is thrown, as Spring Shell expects.
 */
public final class CatalogBridge implements CommandCatalogCustomizer {

	private final CommandModel model;

	public CatalogBridge(CommandModel model) {
		this.model = model;
	}

	@Override
	public void customize(CommandCatalog catalog) {
		model.commands().forEach(c -> catalog.register(registration(c)));
	}

	/** The command's output, or its failure thrown, as Spring Shell expects of a target. */
	private static String run(CommandDef command, List<String> words) {
		Args args = ArgsParser.parse(command, words);
		if (args.flag(CommandDef.HELP)) {
			return command.name() + " - " + command.description() + "\n";
		}
		CommandResult result = command.handler().run(args);
		if (!result.itemErrors().isEmpty()) {
			throw result.itemErrors().get(0);
		}
		if (result.failure() != null) {
			throw result.failure();
		}
		return result.output();
	}

	static CommandRegistration registration(CommandDef command) {
		CommandRegistration.Builder b = CommandRegistration.builder()
			.command(command.name())
			.description(command.description())
			.group(command.name().contains(" ") ? command.name().substring(0, command.name().indexOf(' ')) : "console");
		command.aliases().forEach(a -> b.withAlias().command(a));
		int position = 0;
		for (OptionDef<?> o : command.options()) {
			CommandRegistration.OptionSpec spec = b.withOption()
				.longNames(o.names().stream().filter(n -> n.startsWith("--")).map(n -> n.substring(2)).toArray(String[]::new))
				.shortNames(o.names().stream().filter(n -> !n.startsWith("--")).map(n -> n.charAt(1)).toArray(Character[]::new))
				.description(o.help())
				.required(o.isRequired());
			switch (o.kind()) {
				case FLAG -> spec.type(boolean.class).arity(CommandRegistration.OptionArity.ZERO_OR_ONE);
				case VALUE -> spec.type(String.class).arity(CommandRegistration.OptionArity.EXACTLY_ONE);
				case LIST -> spec.type(ResolvableType.forClassWithGenerics(List.class, String.class))
					.arity(CommandRegistration.OptionArity.ONE_OR_MORE);
			}
			if (o.valueName() != null) {
				spec.label(o.valueName());
			}
			if (o.isPositional()) {
				spec.position(position++);
			}
		}
		b.withTarget().function(ctx -> run(command, List.of(ctx.getRawArgs())));
		return b.build();
	}
}
