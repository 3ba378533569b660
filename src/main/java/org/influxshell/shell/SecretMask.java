package org.influxshell.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.influxshell.command.CommandDef;
import org.influxshell.command.CommandModel;
import org.influxshell.command.OptionDef;

/**
 * A command line with the value of every option the command model marks secret ({@code -t},
 * {@code --token}, {@code --token-value}, {@code -p}, ...) replaced by {@code ***}, in every
 * spelling: {@code -t X}, {@code --token=X}, and the password of any URL in it
 * ({@code http://user:***@host}). The rest of the line stays as it was typed.
 */
public class SecretMask {

	static final String MASK = "***";

	/** A URL's scheme, user and colon; what follows up to the {@code @} is the password. */
	private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/@:\\s\"']*:)[^/@\\s\"']*@");

	private final CommandModel model;

	public SecretMask(CommandModel model) {
		this.model = model;
	}

	/**
	 * The words of a command line joined into a line the console reads back as the same words
	 * (quoted where they must be), secrets masked: the journal's record of what ran.
	 */
	public String maskWords(List<String> words) {
		StringBuilder line = new StringBuilder();
		for (String w : words) {
			if (!line.isEmpty()) {
				line.append(' ');
			}
			line.append(quoted(w));
		}
		return mask(line.toString());
	}

	private static String quoted(String word) {
		if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || "\"'\\#".indexOf(c) >= 0)) {
			return word;
		}
		return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	/** The line with the values of secret options replaced by {@code ***}. */
	public String mask(String line) {
		List<Words.Token> tokens = Words.scan(line).tokens();
		CommandModel.Match match = model.find(tokens.stream().map(Words.Token::text).toList());
		if (match == null) {
			return maskUrlPasswords(line);
		}
		CommandDef command = match.command();
		// [start, end, replacement] for each secret in the line
		List<Object[]> cuts = new ArrayList<>();
		for (int i = tokens.size() - match.rest().size(); i < tokens.size(); i++) {
			Words.Token token = tokens.get(i);
			String text = token.text();
			if (text.equals("--")) {
				break;
			}
			if (!text.startsWith("-") || text.equals("-")) {
				continue;
			}
			int eq = text.indexOf('=');
			OptionDef<?> option = command.option(eq > 0 ? text.substring(0, eq) : text);
			if (option == null || option.kind() == OptionDef.Kind.FLAG) {
				continue;
			}
			if (eq > 0) {
				if (option.isSecret()) {
					cuts.add(new Object[] { token.start(), token.end(), text.substring(0, eq + 1) + MASK });
				}
			}
			else if (i + 1 < tokens.size()) {
				Words.Token value = tokens.get(++i);
				if (option.isSecret()) {
					cuts.add(new Object[] { value.start(), value.end(), MASK });
				}
			}
		}
		StringBuilder out = new StringBuilder(line);
		for (int c = cuts.size() - 1; c >= 0; c--) {
			Object[] cut = cuts.get(c);
			out.replace((int) cut[0], (int) cut[1], (String) cut[2]);
		}
		return maskUrlPasswords(out.toString());
	}

	/** {@code http://user:secret@host} as {@code http://user:***@host}, wherever a URL stands in the line. */
	static String maskUrlPasswords(String line) {
		return URL_PASSWORD.matcher(line).replaceAll("$1" + MASK + "@");
	}
}
