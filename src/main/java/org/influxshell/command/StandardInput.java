package org.influxshell.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.influxshell.cli.CliException;
import org.influxshell.cli.SecretPrompt;

/**
 * The run's standard input, for a secret given as {@code -} ({@code --token-value -}): so that it
 * never stands on a command line, where {@code ps} and the shell's history would show it. Typed
 * without echo when stdin is a terminal, else the first line piped in. Stdin that holds the
 * commands themselves cannot also give a value.
 */
public class StandardInput {

	/** The value that asks for stdin. */
	public static final String DASH = "-";

	private final SecretPrompt prompt;

	private volatile InputStream in = InputStream.nullInputStream();

	private volatile BooleanSupplier terminal = () -> false;

	private volatile boolean holdsCommands;

	public StandardInput(SecretPrompt prompt) {
		this.prompt = prompt;
	}

	/**
	 * What this run's stdin is; the console says so before it runs anything.
	 * @param terminal stdin is a terminal
	 * @param holdsCommands the commands themselves are read from stdin
	 */
	public void use(InputStream in, BooleanSupplier terminal, boolean holdsCommands) {
		this.in = in;
		this.terminal = terminal;
		this.holdsCommands = holdsCommands;
	}

	/**
	 * {@code value} itself, or for {@code -} the secret read from stdin.
	 * @param option the option's name, for the messages ({@code --token-value})
	 * @param question what a terminal is asked ({@code Token value: })
	 */
	public String secret(String option, String value, String question) {
		if (!DASH.equals(value)) {
			return value;
		}
		if (holdsCommands) {
			throw CliException.usage(option + " -: stdin holds the commands here, so it cannot also give the value");
		}
		String read = terminal.getAsBoolean() ? prompt.ask(question) : firstLine(option);
		if (read == null) {
			throw CliException.usage(option + " -: no value was typed (a script line is never asked; pipe the value in)");
		}
		if (read.isEmpty()) {
			throw CliException.usage(option + " -: stdin gave an empty value");
		}
		return read;
	}

	/**
	 * A password: {@code given} itself ({@code --password VALUE}, as upstream's scripts give it), or,
	 * for {@code -} or none given, typed without echo when stdin is a terminal (twice when
	 * {@code twice}, the two must match), else the first line of stdin. An empty password read
	 * that way is an error, never a password left unset.
	 * @param option the option's name, for the messages ({@code --password})
	 * @param given the option's value, or {@code null} when it was not given
	 * @param question what a terminal is asked ({@code Password: })
	 */
	public String password(String option, String given, String question, boolean twice) {
		if (given != null && !given.isEmpty() && !DASH.equals(given)) {
			return given;
		}
		String how = DASH.equals(given) ? option + " -" : "no " + option + " given";
		if (holdsCommands) {
			throw CliException.usage(how + ": stdin holds the commands here, so it cannot also give the password; "
					+ "pipe it to a one-shot command with " + option + " -");
		}
		String read;
		if (terminal.getAsBoolean()) {
			if (twice) {
				List<String> both = prompt.askTwice(question, "Again, to be sure: " + question);
				if (both != null && !both.get(0).equals(both.get(1))) {
					throw CliException.failure("the passwords typed do not match; nothing was changed");
				}
				read = both == null ? null : both.get(0);
			}
			else {
				read = prompt.ask(question);
			}
			if (read == null) {
				throw CliException.usage(how + ": no password was typed");
			}
		}
		else {
			read = firstLine(option);
		}
		if (read.isEmpty()) {
			throw CliException.usage(how + ": the password read is empty");
		}
		return read;
	}

	/** The first line, its line end left out; the rest of stdin is left unread. */
	private String firstLine(String option) {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		try {
			for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
				line.write(b);
			}
		}
		catch (IOException ex) {
			throw CliException.failure(option + " -: cannot read stdin: " + ex.getMessage());
		}
		String text = line.toString(StandardCharsets.UTF_8);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}
}
