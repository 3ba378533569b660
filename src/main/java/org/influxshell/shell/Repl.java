package org.influxshell.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import org.influxshell.cli.CliException;
import org.influxshell.cli.ResultOutput;

/**
 * The interactive console: a JLine prompt with history in {@code ~/.influxdbv2/} and tab
 * completion. Ctrl-C at the prompt clears the line; during a command it interrupts the command
 * (cancelling its request), not the console. {@code exit}, {@code quit} or Ctrl-D leave.
 */
public class Repl {

	private final CommandDispatcher dispatcher;

	private final ConsoleCompleter completer;

	private final Path historyFile;

	private final Supplier<String> promptName;

	public Repl(CommandDispatcher dispatcher, ConsoleCompleter completer, Path historyFile,
			Supplier<String> promptName) {
		this.dispatcher = dispatcher;
		this.completer = completer;
		this.historyFile = historyFile;
		this.promptName = promptName;
	}

	/** Runs until the user leaves; returns 0. */
	public int run() {
		privateHistoryFile();
		try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
			LineReader reader = LineReaderBuilder.builder()
				.terminal(terminal)
				.appName("influx-shell")
				.completer(completer)
				.parser(new LineParser())
				.variable(LineReader.HISTORY_FILE, historyFile)
				.build();
			loop(terminal, reader, new ResultOutput(terminal.output()));
			reader.getHistory().save();
			return 0;
		}
		catch (IOException ex) {
			throw new CliException("cannot open the terminal: " + ex.getMessage(), CliException.FAILURE, ex);
		}
	}

	/** History lines may hold tokens ({@code -t ...}): the file is the user's alone, like the configs file. */
	private void privateHistoryFile() {
		try {
			if (!Files.exists(historyFile.getParent())) {
				Files.createDirectories(historyFile.getParent(),
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			if (!Files.exists(historyFile)) {
				Files.createFile(historyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
		}
		catch (IOException ex) {
			// no history file: the REPL works without one
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
			String trimmed = line.strip();
			if (trimmed.equals("exit") || trimmed.equals("quit")) {
				return;
			}
			runInterruptibly(terminal, line, out);
		}
	}

	private void runInterruptibly(Terminal terminal, String line, ResultOutput out) {
		Thread worker = Thread.currentThread();
		Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> worker.interrupt());
		try {
			dispatcher.runLine(line, out, null);
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
