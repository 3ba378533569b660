package org.influxshell.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ExitCodes;
import org.influxshell.cli.ResultOutput;
import org.influxshell.command.SessionAction;

/**
 * The interactive console: a JLine prompt with history in {@code ~/.influxdbv2/} and tab
 * completion. The prompt and line editing use the terminal (stderr when stdout is piped, so
 * {@code influx-shell | tee log} works); results go to stdout. Ctrl-C at the prompt clears the
 * line; during a command it interrupts the command (cancelling its request), not the console; a
 * bulk run stopped so reports what it did and the session goes on. SIGTERM during a command ends
 * the session with 143 after the command's report. Questions are asked on this terminal.
 * {@code exit}, {@code quit} or Ctrl-D leave. {@code NO_COLOR} turns colours off.
 */
public class Repl {

	private final CommandDispatcher dispatcher;

	private final ConsoleCompleter completer;

	private final HistoryFile history;

	private final Path historyFile;

	private final Supplier<String> promptName;

	private final Screen screen;

	private final boolean noColor;

	private final TerminalQuestions questions;

	public Repl(CommandDispatcher dispatcher, ConsoleCompleter completer, SecretMask mask, Path historyFile,
			Supplier<String> promptName, Screen screen, boolean noColor, TerminalQuestions questions) {
		this.dispatcher = dispatcher;
		this.completer = completer;
		this.history = new HistoryFile(mask);
		this.historyFile = historyFile;
		this.promptName = promptName;
		this.screen = screen;
		this.noColor = noColor;
		this.questions = questions;
	}

	/** Runs until the user leaves; returns 0, or 143 when a command was stopped by SIGTERM. */
	public int run(ResultOutput out) {
		HistoryFile.makePrivate(historyFile);
		try (Terminal terminal = TerminalBuilder.builder().system(true)
			.systemOutput(TerminalBuilder.SystemOutput.SysOutOrSysErr)
			.build()) {
			giveASize(terminal);
			LineReaderImpl reader = noColor ? new Colourless(terminal) : new LineReaderImpl(terminal, "influx-shell");
			reader.setCompleter(completer);
			reader.setParser(new LineParser());
			reader.setHistory(history);
			reader.setVariable(LineReader.HISTORY_FILE, historyFile);
			reader.option(LineReader.Option.HISTORY_IGNORE_SPACE, true);
			questions.useTerminal(terminal);
			screen.replStarted();
			int code;
			try {
				code = loop(terminal, reader, out);
			}
			finally {
				questions.useTerminal(null);
			}
			reader.getHistory().save();
			return code;
		}
		catch (IOException ex) {
			throw new CliException("cannot open the terminal: " + ex.getMessage(), ExitCodes.FAILURE, ex);
		}
	}

	private int loop(Terminal terminal, LineReader reader, ResultOutput out) {
		while (true) {
			String line;
			try {
				line = reader.readLine(prompt());
			}
			catch (UserInterruptException ex) {
				continue;
			}
			catch (EndOfFileException ex) {
				return 0;
			}
			if (Words.isComment(line)) {
				continue;
			}
			screen.columns(terminal.getWidth());
			CommandDispatcher.Outcome outcome = runInterruptibly(terminal, line, out);
			if (outcome.exitCode() == ExitCodes.TERMINATED) {
				return ExitCodes.TERMINATED;
			}
			SessionAction action = outcome.action();
			if (action != null && action.kind() == SessionAction.Kind.EXIT) {
				return 0;
			}
			if (action != null && action.kind() == SessionAction.Kind.CLEAR) {
				terminal.puts(InfoCmp.Capability.clear_screen);
				terminal.flush();
			}
		}
	}

	private CommandDispatcher.Outcome runInterruptibly(Terminal terminal, String line, ResultOutput out) {
		Thread worker = Thread.currentThread();
		Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> worker.interrupt());
		try {
			return dispatcher.runLine(line, out, null);
		}
		finally {
			terminal.handle(Terminal.Signal.INT, previous);
			Thread.interrupted();
		}
	}

	/**
	 * A terminal that reports no size (a pseudo-terminal nobody sized, some serial consoles) gets
	 * 80 by 24: with a width of 0 JLine cuts every prompt down to {@code >....}.
	 */
	static void giveASize(Terminal terminal) {
		if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) {
			terminal.setSize(new Size(Screen.DEFAULT_COLUMNS, 24));
		}
	}

	/** {@code NO_COLOR}: the completion menu in the terminal's plain style. */
	private static final class Colourless extends LineReaderImpl {

		Colourless(Terminal terminal) throws IOException {
			super(terminal, "influx-shell");
		}

		@Override
		protected AttributedStyle getCompletionStyle(String name, String value) {
			return AttributedStyle.DEFAULT;
		}
	}

	private String prompt() {
		String name;
		try {
			name = promptName.get();
		}
		catch (RuntimeException ex) {
			name = null;
		}
		return name == null ? "influx-shell> " : "influx-shell:" + name + "> ";
	}
}
