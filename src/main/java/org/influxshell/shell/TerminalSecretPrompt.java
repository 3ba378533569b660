package org.influxshell.shell;

import java.io.IOException;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import org.influxshell.cli.SecretPrompt;

/**
 * Asks on the terminal, without echo, when there is a person to ask: stdin and stderr are
 * terminals (cli-contract section 6); the question goes to stderr. Scripts and pipes are never
 * asked.
 */
public class TerminalSecretPrompt implements SecretPrompt {

	@Override
	public String ask(String question) {
		if (!Terminals.stdin() || !Terminals.stderr()) {
			return null;
		}
		try (Terminal terminal = TerminalBuilder.builder().system(true)
			.systemOutput(TerminalBuilder.SystemOutput.SysErr)
			.build()) {
			Repl.giveASize(terminal);
			LineReader reader = new LineReaderImpl(terminal, "influx-shell");
			// a mask of 0 echoes nothing at all
			return reader.readLine(question, '\0');
		}
		catch (UserInterruptException | EndOfFileException ex) {
			return null;
		}
		catch (IOException ex) {
			return null;
		}
	}
}
