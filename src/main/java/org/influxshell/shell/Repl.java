package org.influxshell.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ResultOutput;
import org.influxshell.command.SessionAction;

/**
 * The interactive console: a JLine prompt with history in {@code ~/.influxdbv2/} and tab
 * completion. The prompt and line editing use the terminal (stderr when stdout is piped, so
 * {@code influx-shell | tee log} works); results go to stdout. Ctrl-C at the prompt clears the
 * line; during a command it interrupts the command (cancelling its request), not the console.
 * {@code exit}, {@code quit} or Ctrl-D leave. {@code NO_COLOR} turns colours off.
 */
public class Repl {

	/** JLine's style variables of the completion menu: emptied under {@code NO_COLOR}. */
	private static final String[] COMPLETION_STYLES = { LineReader.COMPLETION_STYLE_STARTING,
			LineReader.COMPLETION_STYLE_DESCRIPTION, LineReader.COMPLETION_STYLE_GROUP,
			LineReader.COMPLETION_STYLE_SELECTION, LineReader.COMPLETION_STYLE_BACKGROUND,
			LineReader.COMPLETION_STYLE_LIST_STARTING, LineReader.COMPLETION_STYLE_LIST_DESCRIPTION,
			LineReader.COMPLETION_STYLE_LIST_GROUP, LineReader.COMPLETION_STYLE_LIST_SELECTION,
			LineReader.COMPLETION_STYLE_LIST_BACKGROUND };

	private final CommandDispatcher dispatcher;

	private final ConsoleCompleter completer;

	private final HistoryFile history;

	private final Path historyFile;

	private final Supplier<String> promptName;

	private final Screen screen;

	private final boolean noColor;

	public Repl(CommandDispatcher dispatcher, ConsoleCompleter completer, SecretMask mask, Path historyFile,
			Supplier<String> promptName, Screen screen, boolean noColor) {
		this.dispatcher = dispatcher;
		this.completer = completer;
		this.history = new HistoryFile(mask);
		this.historyFile = historyFile;
		this.promptName = promptName;
		this.screen = screen;
		this.noColor = noColor;
	}

	/** Runs until the user leaves; returns 0. */
	public int run(ResultOutput out) {
		HistoryFile.makePrivate(historyFile);
		try (Terminal terminal = TerminalBuilder.builder().system(true)
			.systemOutput(TerminalBuilder.SystemOutput.SysOutOrSysErr)
			.build()) {
			LineReader reader = LineReaderBuilder.builder()
				.terminal(terminal)
				.appName("influx-shell")
				.completer(completer)
				.parser(new LineParser())
				.history(history)
				.variable(LineReader.HISTORY_FILE, historyFile)
				.option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
				.build();
			if (noColor) {
				for (String style : COMPLETION_STYLES) {
					reader.setVariable(style, "");
				}
				reader.option(LineReader.Option.DISABLE_HIGHLIGHTER, true);
			}
			loop(terminal, reader, out);
			reader.getHistory().save();
			return 0;
		}
		catch (IOException ex) {
			throw new CliException("cannot open the terminal: " + ex.getMessage(), CliException.FAILURE, ex);
		}
	}

	private void loop(Terminal terminal, LineReader reader, ResultOutput out) {
		while (true) {
			String line;
			try {
				line = reader.readLine(prompt());
			}
			catch (UserInterruptException ex) {
				continue;
			}
			catch (EndOfFileException ex) {
				return;
			}
			if (Words.isComment(line)) {
				continue;
			}
			screen.columns(terminal.getWidth());
			SessionAction action = runInterruptibly(terminal, line, out).action();
			if (action != null && action.kind() == SessionAction.Kind.EXIT) {
				return;
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
