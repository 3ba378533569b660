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
						if _influx_shell_has "${_influx_shell_options[$command]}" "$name" \\
							&& ! _influx_shell_has "${_influx_shell_values[$command]}" "$name"; then
							mapfile -t COMPREPLY < <(compgen -W "$name=true $name=false" -- "$cur")
						elif _influx_shell_has "${_influx_shell_dynamic[$command]}" "$name"; then
							mapfile -t COMPREPLY < <(_influx_shell_ask "${before[@]}" "$cur")
						fi
					elif [[ $cur == -* ]]; then
						mapfile -t COMPREPLY < <(compgen -W "${_influx_shell_options[$command]}" -- "$cur")
					else
						local what=@
						_influx_shell_has "${_influx_shell_values[$command]}" "$prev" && what=$prev
						if _influx_shell_has "${_influx_shell_dynamic[$command]}" "$what"; then
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
		List<String> commands = new ArrayList<>();
		spellings().forEach((s, c) -> commands.add(quote(s + ":" + c.description().replace(":", "\\:"))));
		out.append("typeset -ga _influx_shell_commands\n_influx_shell_commands=(\n");
		commands.forEach(c -> out.append('\t').append(c).append('\n'));
		out.append(")\n");
		table(out, "typeset -gA ", "_influx_shell_options", CompletionScripts::options, CompletionScripts::quote);
		table(out, "typeset -gA ", "_influx_shell_values", c -> words(c, CompletionScripts::takesValue), CompletionScripts::quote);
		table(out, "typeset -gA ", "_influx_shell_dynamic", c -> words(c, CompletionScripts::dynamic), CompletionScripts::quote);
		table(out, "typeset -gA ", "_influx_shell_files", c -> words(c, CompletionScripts::files), CompletionScripts::quote);
		out.append("""

				_influx-shell() {
					local cur=$PREFIX command= n
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
						local lead=${(j: :)before} s
						[[ -n $lead ]] && lead="$lead "
						local -a next
						for s in $_influx_shell_commands; do
							if [[ ${s%%:*} == "$lead"* ]]; then
								s=${s#"$lead"}
								next+=("${${s%%:*}%% *}:${s#*:}")
							fi
						done
						_describe -t commands command next
					elif [[ $cur == -*=* ]]; then
						local name=${cur%%=*}
						if [[ " ${_influx_shell_dynamic[$command]} " == *" $name "* ]]; then
							_influx-shell-ask "${before[@]}" "$cur"
						elif [[ " ${_influx_shell_values[$command]} " != *" $name "* ]]; then
							compadd -- "$name=true" "$name=false"
						fi
					elif [[ $cur == -* ]]; then
						compadd -- ${=_influx_shell_options[$command]}
					else
						local what=@
						[[ " ${_influx_shell_values[$command]} " == *" $prev "* ]] && what=$prev
						if [[ " ${_influx_shell_dynamic[$command]} " == *" $what "* ]]; then
							_influx-shell-ask "${before[@]}" "$cur"
						elif [[ " ${_influx_shell_files[$command]} " == *" $what "* ]]; then
							_files
						fi
					fi
				}

				# the console's own proposals, with their descriptions; nothing at all when it fails
				_influx-shell-ask() {
					local -a found
					found=("${(@f)$(${words[1]} __complete -- "$@" 2>/dev/null | sed 's/:/\\\\:/g; s/\t/:/')}")
					found=(${found:#})
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
		out.append("\tset -l commands \\\n");
		List<String> lines = new ArrayList<>();
		spellings().forEach((s, c) -> lines.add("\t\t" + fishQuote(s + "\t" + c.description())));
		out.append(String.join(" \\\n", lines)).append('\n');
		out.append("\tset -l words (commandline -opc)\n\tset -l before $words[2..-1]\n\tset -l cur (commandline -ct)\n");
		out.append("\tset -l command\n\tset -l options\n\tset -l values\n\tset -l dynamic\n\tset -l files\n");
		out.append("\tfor n in 3 2 1\n\t\ttest (count $before) -ge $n; or continue\n");
		out.append("\t\tswitch \"$before[1..$n]\"\n");
		for (Map.Entry<String, CommandDef> e : spellings().entrySet()) {
			CommandDef c = e.getValue();
			out.append("\t\t\tcase ").append(fishQuote(e.getKey())).append('\n');
			out.append("\t\t\t\tset command ").append(fishQuote(e.getKey())).append('\n');
			out.append("\t\t\t\tset options ").append(options(c)).append('\n');
			out.append("\t\t\t\tset values ").append(words(c, CompletionScripts::takesValue)).append('\n');
			out.append("\t\t\t\tset dynamic ").append(words(c, CompletionScripts::dynamic)).append('\n');
			out.append("\t\t\t\tset files ").append(words(c, CompletionScripts::files)).append('\n');
		}
		out.append("\t\tend\n\t\tset -q command[1]; and break\n\tend\n");
		out.append("""
					if not set -q command[1]
						set -l lead (string join ' ' $before)
						test -n "$lead"; and set lead "$lead "
						for c in $commands
							set -l parts (string split \\t $c)
							string match -q -- "$lead*" $parts[1]; or continue
							set -l rest (string sub -s (math (string length -- "$lead") + 1) -- $parts[1])
							printf '%s\\t%s\\n' (string split ' ' $rest)[1] $parts[2]
						end
						return
					end
					if string match -q -- '-*=*' $cur
						set -l name (string split -m1 = $cur)[1]
						if contains -- $name $dynamic
							influx-shell __complete -- $before $cur 2>/dev/null
						else if not contains -- $name $values
							printf '%s\\n' $name=true $name=false
						end
					else if string match -q -- '-*' $cur
						printf '%s\\n' $options
					else
						set -l what @
						contains -- $before[-1] $values; and set what $before[-1]
						if contains -- $what $dynamic
							influx-shell __complete -- $before $cur 2>/dev/null
						else if contains -- $what $files
							__fish_complete_path $cur
						end
					end
				end
				""");
		return out.toString();
	}

	/** A shell associative array: each command spelling to one word list. */
	private void table(StringBuilder out, String declare, String name, Function<CommandDef, String> value,
			Function<String, String> quoting) {
		out.append(declare).append(name).append("=(\n");
		spellings().forEach((s, c) -> out.append("\t[").append(quoting.apply(s)).append("]=").append(quoting.apply(value.apply(c))).append('\n'));
		out.append(")\n");
	}
}
