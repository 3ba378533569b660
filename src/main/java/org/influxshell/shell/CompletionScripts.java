package org.influxshell.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.influxshell.cli.CliException;
import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandModel;
import org.influxshell.command.OptionDef;
import org.influxshell.command.OptionDef.Kind;
import org.influxshell.command.ValueKind;

/**
 * The completion scripts of {@code influx-shell completion bash|zsh|fish}, written from the
 * command model: every command spelling and each command's options are in the script itself, so
 * completing them starts no process. Only values that live elsewhere (profile names, IDs and user
 * names from the server, command words after {@code help}) are asked of {@code influx-shell
 * __complete -- WORDS... CURRENT}, which answers with what the REPL would offer, one
 * {@code value TAB description} per line, and gives up on a slow server after
 * {@code influx.completion-timeout}.
 *
 * <p>Each command is written with four word lists: its option spellings, those that take a value,
 * those whose values {@code __complete} knows, and those whose values are file names; {@code @}
 * in the last two stands for the words given without an option name.
 */
final class CompletionScripts {

	private static final String POSITIONAL = "@";

	private final CommandModel model;

	CompletionScripts(CommandModel model) {
		this.model = model;
	}

	/** The script for {@code shell}: {@code bash}, {@code zsh} or {@code fish}. */
	String script(String shell) {
		return switch (shell == null ? "" : shell) {
			case "bash" -> bash();
			case "zsh" -> zsh();
			case "fish" -> fish();
			default -> throw CliException.usage("completion takes bash, zsh or fish, not \"" + shell + "\"");
		};
	}

	/** Every spelling of every command, each with its command. */
	private Map<String, CommandDef> spellings() {
		Map<String, CommandDef> out = new LinkedHashMap<>();
		for (String s : model.spellings()) {
			out.put(s, model.find(List.of(s.split(" "))).command());
		}
		return out;
	}

	/**
	 * The words that may follow each group of command words, with what each is for, as the REPL
	 * offers them: {@code ""} (the first word), {@code "auth"}, {@code "config"}.
	 */
	private Map<String, Map<String, String>> nextWords() {
		ConsoleCompleter repl = new ConsoleCompleter(model, List.of());
		Map<String, Map<String, String>> out = new LinkedHashMap<>();
		for (String spelling : spellings().keySet()) {
			List<String> words = List.of(spelling.split(" "));
			for (int n = 0; n < words.size(); n++) {
				List<String> before = words.subList(0, n);
				out.computeIfAbsent(String.join(" ", before), k -> {
					Map<String, String> next = new LinkedHashMap<>();
					repl.proposals(before, "").stream().filter(p -> "Commands".equals(p.group()))
						.forEach(p -> next.put(p.value(), p.description() == null ? "" : oneLine(p.description())));
					return next;
				});
			}
		}
		return out;
	}

	/** Every choice an option's value name lists, keyed by command and option ({@code @} for a word without one). */
	private Map<String, String> choices() {
		Map<String, String> out = new LinkedHashMap<>();
		spellings().forEach((s, c) -> c.options().stream().filter(o -> !o.choices().isEmpty()).forEach(o -> {
			if (o.isPositional()) {
				out.put(s + " " + POSITIONAL, String.join(" ", o.choices()));
			}
			o.names().forEach(n -> out.put(s + " " + n, String.join(" ", o.choices())));
		}));
		return out;
	}

	private static String oneLine(String text) {
		return text.replace('\t', ' ').replace('\n', ' ');
	}

	private static String words(CommandDef c, Function<OptionDef<?>, Boolean> which) {
		List<String> out = new ArrayList<>();
		for (OptionDef<?> o : c.options()) {
			if (which.apply(o)) {
				if (o.isPositional()) {
					out.add(POSITIONAL);
				}
				out.addAll(o.names());
			}
		}
		return String.join(" ", out);
	}

	private static String options(CommandDef c) {
		return String.join(" ", c.options().stream().flatMap(o -> o.names().stream()).toList());
	}

	private static boolean takesValue(OptionDef<?> o) {
		return o.kind() != Kind.FLAG;
	}

	/** Values only the console knows: asked of {@code __complete}. */
	private static boolean dynamic(OptionDef<?> o) {
		return o.completion() != ValueKind.NONE;
	}

	private static boolean files(OptionDef<?> o) {
		return "PATH".equals(o.valueName()) || "FILE".equals(o.valueName());
	}

	/** {@code text} as one single-quoted shell word (bash, zsh and fish read it alike). */
	private static String quote(String text) {
		return "'" + text.replace("\\", "\\\\").replace("'", "'\\''") + "'";
	}

	/** {@code text} as one single-quoted fish word (fish escapes inside single quotes). */
	private static String fishQuote(String text) {
		return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	private String header(String shell) {
		return "# " + shell + " completion for influx-shell, generated from its command model by\n"
				+ "# 'influx-shell completion " + shell + "': commands and options are written here; profile names,\n"
				+ "# authorization IDs and user names come from 'influx-shell __complete', which gives up\n"
				+ "# on a slow server after influx.completion-timeout.\n";
	}

	private String bash() {
		StringBuilder out = new StringBuilder(header("bash"));
		out.append("_influx_shell_commands=").append(quote(String.join("\n", spellings().keySet()))).append('\n');
		table(out, "declare -gA ", "_influx_shell_options", CompletionScripts::options, CompletionScripts::quote);
		table(out, "declare -gA ", "_influx_shell_values", c -> words(c, CompletionScripts::takesValue), CompletionScripts::quote);
		table(out, "declare -gA ", "_influx_shell_dynamic", c -> words(c, CompletionScripts::dynamic), CompletionScripts::quote);
		table(out, "declare -gA ", "_influx_shell_files", c -> words(c, CompletionScripts::files), CompletionScripts::quote);
		choicesTable(out, "declare -gA ", CompletionScripts::quote);
		out.append("""

				_influx_shell_has() { [[ " $1 " == *" $2 "* ]]; }

				_influx_shell() {
					# words split at blanks only: bash's own split breaks --host=http://x at = and :
					local line=${COMP_LINE:0:COMP_POINT} cur=
					local -a before
					read -ra before <<< "$line"
					if [[ $line != *[[:blank:]] && ${#before[@]} -gt 0 ]]; then
						cur=${before[-1]}
						unset 'before[-1]'
					fi
					before=("${before[@]:1}")
					COMPREPLY=()
					local command= n typed="${before[*]}"
					for ((n = ${#before[@]} < 3 ? ${#before[@]} : 3; n > 0; n--)); do
						if [[ -n ${_influx_shell_options["${before[*]:0:n}"]+x} ]]; then
							command="${before[*]:0:n}"
							break
						fi
					done
					local prev=
					((${#before[@]})) && prev=${before[${#before[@]}-1]}
					if [[ -z $command ]]; then
						local s lead=${typed:+$typed }
						while IFS= read -r s; do
							[[ $s == "$lead$cur"* ]] && s=${s#"$lead"} && COMPREPLY+=("${s%% *}")
						done <<< "$_influx_shell_commands"
						mapfile -t COMPREPLY < <(printf '%s\\n' "${COMPREPLY[@]}" | sort -u)
					elif [[ $cur == -*=* ]]; then
						local name=${cur%%=*}
						local choices=${_influx_shell_choices["$command $name"]}
						if _influx_shell_has "${_influx_shell_options[$command]}" "$name" \\
							&& ! _influx_shell_has "${_influx_shell_values[$command]}" "$name"; then
							mapfile -t COMPREPLY < <(compgen -W "$name=true $name=false" -- "$cur")
						elif [[ -n $choices ]]; then
							mapfile -t COMPREPLY < <(compgen -W "$choices" -P "$name=" -- "${cur#*=}")
						elif _influx_shell_has "${_influx_shell_dynamic[$command]}" "$name"; then
							mapfile -t COMPREPLY < <(_influx_shell_ask "${before[@]}" "$cur")
						fi
					elif [[ $cur == -* ]]; then
						mapfile -t COMPREPLY < <(compgen -W "${_influx_shell_options[$command]}" -- "$cur")
					else
						local what=@
						_influx_shell_has "${_influx_shell_values[$command]}" "$prev" && what=$prev
						local choices=${_influx_shell_choices["$command $what"]}
						if [[ -n $choices ]]; then
							mapfile -t COMPREPLY < <(compgen -W "$choices" -- "$cur")
						elif _influx_shell_has "${_influx_shell_dynamic[$command]}" "$what"; then
							mapfile -t COMPREPLY < <(_influx_shell_ask "${before[@]}" "$cur")
						elif _influx_shell_has "${_influx_shell_files[$command]}" "$what"; then
							mapfile -t COMPREPLY < <(compgen -f -- "$cur")
						fi
					fi
					# bash replaces only what follows the last = or : of the word
					local lead=${cur%"${cur##*[=:]}"}
					[[ -n $lead ]] && COMPREPLY=("${COMPREPLY[@]#"$lead"}")
					return 0
				}

				# the console's own proposals, values only; nothing at all when it fails
				_influx_shell_ask() {
					"${COMP_WORDS[0]:-influx-shell}" __complete -- "$@" 2>/dev/null | cut -f1
				}

				complete -F _influx_shell influx-shell
				""");
		return out.toString();
	}

	private String zsh() {
		StringBuilder out = new StringBuilder("#compdef influx-shell\n").append(header("zsh"));
		// the words after each group of command words ('>' alone: the first word), one
		// 'word:description' a line; a description is shown as it is, colons and all
		out.append("typeset -gA _influx_shell_next=(\n");
		nextWords().forEach((before, next) -> {
			List<String> lines = new ArrayList<>();
			next.forEach((word, description) -> lines.add(word + (description.isEmpty() ? "" : ":" + description)));
			out.append("\t[").append(quote(">" + before)).append("]=").append(quote(String.join("\n", lines))).append('\n');
		});
		out.append(")\n");
		table(out, "typeset -gA ", "_influx_shell_options", CompletionScripts::options, CompletionScripts::quote);
		table(out, "typeset -gA ", "_influx_shell_values", c -> words(c, CompletionScripts::takesValue), CompletionScripts::quote);
		table(out, "typeset -gA ", "_influx_shell_dynamic", c -> words(c, CompletionScripts::dynamic), CompletionScripts::quote);
		table(out, "typeset -gA ", "_influx_shell_files", c -> words(c, CompletionScripts::files), CompletionScripts::quote);
		choicesTable(out, "typeset -gA ", CompletionScripts::quote);
		out.append("""

				_influx-shell() {
					local cur=$PREFIX command= n key c
					local -a before
					before=("${(@)words[2,CURRENT-1]}")
					for ((n = ${#before} < 3 ? ${#before} : 3; n > 0; n--)); do
						if (( ${+_influx_shell_options[${(j: :)before[1,n]}]} )); then
							command=${(j: :)before[1,n]}
							break
						fi
					done
					local prev=${before[-1]}
					if [[ -z $command ]]; then
						key=">${(j: :)before}"
						local -a next
						next=("${(@f)_influx_shell_next[$key]}")
						next=(${next:#})
						(( ${#next} )) && _describe -t commands command next
					elif [[ $cur == -*=* ]]; then
						local name=${cur%%=*}
						key="$command $name"
						if [[ -n ${_influx_shell_choices[$key]} ]]; then
							for c in ${=_influx_shell_choices[$key]}; do
								compadd -- "$name=$c"
							done
						elif [[ " ${_influx_shell_dynamic[$command]} " == *" $name "* ]]; then
							_influx-shell-ask "${before[@]}" "$cur"
						elif [[ " ${_influx_shell_values[$command]} " != *" $name "* ]]; then
							compadd -- "$name=true" "$name=false"
						fi
					elif [[ $cur == -* ]]; then
						compadd -- ${=_influx_shell_options[$command]}
					else
						local what=@
						[[ " ${_influx_shell_values[$command]} " == *" $prev "* ]] && what=$prev
						key="$command $what"
						if [[ -n ${_influx_shell_choices[$key]} ]]; then
							compadd -- ${=_influx_shell_choices[$key]}
						elif [[ " ${_influx_shell_dynamic[$command]} " == *" $what "* ]]; then
							_influx-shell-ask "${before[@]}" "$cur"
						elif [[ " ${_influx_shell_files[$command]} " == *" $what "* ]]; then
							_files
						fi
					fi
				}

				# the console's own proposals, with their descriptions; nothing at all when it fails.
				# A colon in a value is escaped for _describe; a description is shown as it is.
				_influx-shell-ask() {
					local -a found
					local line
					for line in "${(@f)$(${words[1]} __complete -- "$@" 2>/dev/null)}"; do
						[[ -z $line ]] && continue
						if [[ $line == *$'\\t'* ]]; then
							found+=("${${line%%$'\\t'*}//:/\\\\:}:${line#*$'\\t'}")
						else
							found+=("${line//:/\\\\:}")
						fi
					done
					(( ${#found} )) && _describe -t values value found
				}

				_influx-shell "$@"
				""");
		return out.toString();
	}

	private String fish() {
		StringBuilder out = new StringBuilder(header("fish"));
		out.append("complete -c influx-shell -e\ncomplete -c influx-shell -f -a '(__influx_shell_complete)'\n\n");
		out.append("function __influx_shell_complete\n");
		out.append("\tset -l words (commandline -opc)\n\tset -l before $words[2..-1]\n\tset -l cur (commandline -ct)\n");
		out.append("\tset -l command\n\tset -l options\n\tset -l values\n\tset -l dynamic\n\tset -l files\n\tset -l choices\n");
		out.append("\tfor n in 3 2 1\n\t\ttest (count $before) -ge $n; or continue\n");
		out.append("\t\tswitch \"$before[1..$n]\"\n");
		Map<String, String> choices = choices();
		for (Map.Entry<String, CommandDef> e : spellings().entrySet()) {
			CommandDef c = e.getValue();
			out.append("\t\t\tcase ").append(fishQuote(e.getKey())).append('\n');
			out.append("\t\t\t\tset command ").append(fishQuote(e.getKey())).append('\n');
			out.append("\t\t\t\tset options ").append(options(c)).append('\n');
			out.append("\t\t\t\tset values ").append(words(c, CompletionScripts::takesValue)).append('\n');
			out.append("\t\t\t\tset dynamic ").append(words(c, CompletionScripts::dynamic)).append('\n');
			out.append("\t\t\t\tset files ").append(words(c, CompletionScripts::files)).append('\n');
			// each option's choices as NAME=CHOICE...: one list entry for each choice
			List<String> own = new ArrayList<>();
			choices.forEach((key, values) -> {
				if (key.startsWith(e.getKey() + " ") && key.indexOf(' ', e.getKey().length() + 1) < 0) {
					String name = key.substring(e.getKey().length() + 1);
					for (String v : values.split(" ")) {
						own.add(fishQuote(name + "=" + v));
					}
				}
			});
			out.append("\t\t\t\tset choices ").append(String.join(" ", own)).append('\n');
		}
		out.append("\t\tend\n\t\tset -q command[1]; and break\n\tend\n");
		// no command yet: the words that may follow those typed, each with what it is for
		out.append("\tif not set -q command[1]\n\t\tswitch \"$before\"\n");
		nextWords().forEach((before, next) -> {
			out.append("\t\t\tcase ").append(fishQuote(before)).append('\n');
			List<String> pairs = new ArrayList<>();
			next.forEach((word, description) -> pairs.add(fishQuote(word) + " " + fishQuote(description)));
			out.append("\t\t\t\tprintf '%s\\t%s\\n' ").append(String.join(" ", pairs)).append('\n');
		});
		out.append("\t\tend\n\t\treturn\n\tend\n");
		out.append("""
					if string match -q -- '-*=*' $cur
						set -l name (string split -m1 = -- $cur)[1]
						set -l picks (string match -- "$name=*" $choices)
						if set -q picks[1]
							printf '%s\\n' $picks
						else if contains -- $name $dynamic
							influx-shell __complete -- $before $cur 2>/dev/null
						else if not contains -- $name $values
							printf '%s\\n' $name=true $name=false
						end
					else if string match -q -- '-*' $cur
						printf '%s\\n' $options
					else
						set -l what @
						contains -- $before[-1] $values; and set what $before[-1]
						set -l picks (string match -- "$what=*" $choices)
						if set -q picks[1]
							string replace -- "$what=" '' $picks
						else if contains -- $what $dynamic
							influx-shell __complete -- $before $cur 2>/dev/null
						else if contains -- $what $files
							__fish_complete_path $cur
						end
					end
				end
				""");
		return out.toString();
	}

	/** The choices of each option that lists them ({@code [completion @]='bash zsh fish'}). */
	private void choicesTable(StringBuilder out, String declare, Function<String, String> quoting) {
		out.append(declare).append("_influx_shell_choices=(\n");
		choices().forEach((key, values) -> out.append("\t[").append(quoting.apply(key)).append("]=")
			.append(quoting.apply(values)).append('\n'));
		out.append(")\n");
	}

	/** A shell associative array: each command spelling to one word list. */
	private void table(StringBuilder out, String declare, String name, Function<CommandDef, String> value,
			Function<String, String> quoting) {
		out.append(declare).append(name).append("=(\n");
		spellings().forEach((s, c) -> out.append("\t[").append(quoting.apply(s)).append("]=").append(quoting.apply(value.apply(c))).append('\n'));
		out.append(")\n");
	}
}
