package org.influxshell.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import org.influxshell.cli.CliException;
import org.influxshell.cli.Escapes;
import org.influxshell.cli.RunStopped;
import org.influxshell.cli.ExitCodes;
import org.influxshell.command.Questions;
import org.influxshell.command.StopSignals;

/**
 * {@link Questions} on the terminal: asked only when stdin and stderr are terminals (never
 * {@code System.console()}, which needs stdout too, so {@code auth delete ... > file} still
 * asks) and never for a line of a script or of stdin. The answer is read with JLine, so Ctrl-C
 * interrupts the question itself and a line typed afterwards is never taken for the answer: in
 * the REPL on the REPL's own terminal, otherwise on a terminal opened for the question, with
 * its output on stderr.
 *
 * <p>That terminal is never closed: JLine closes a system terminal's output stream, and with it
 * the process's file descriptor 2, so every line after the question (the error that follows
 * "no") would be lost. Nothing is left to undo: reading a line puts the terminal's modes back
 * when it returns, and the terminal is built without JLine's own signal handlers; Ctrl-C reaches
 * the question through {@link StopSignals} instead.
 */
public class TerminalQuestions implements Questions {

	private final BooleanSupplier terminals;

	private final StopSignals signals;

	private final ThreadLocal<Boolean> scriptLine = ThreadLocal.withInitial(() -> false);

	private volatile Boolean onTerminals;

	private volatile Terminal replTerminal;

	private final Runnable beforeAsking;

	/**
	 * @param terminals whether stdin and stderr are terminals; asked once, when first needed
	 * @param signals how Ctrl-C reaches a question asked outside the REPL
	 */
	public TerminalQuestions(BooleanSupplier terminals, StopSignals signals) {
		this(terminals, signals, () -> {
		});
	}

	/**
	 * @param beforeAsking told when a question is about to be asked; it may stop the command by
	 *        throwing (a daemon, which has no terminal to ask on, does)
	 */
	public TerminalQuestions(BooleanSupplier terminals, StopSignals signals, Runnable beforeAsking) {
		this.terminals = terminals;
		this.signals = signals;
		this.beforeAsking = beforeAsking;
	}

	@Override
	public boolean canAsk() {
		if (scriptLine.get()) {
			return false;
		}
		Boolean known = onTerminals;
		if (known == null) {
			known = terminals.getAsBoolean();
			onTerminals = known;
		}
		if (known) {
			beforeAsking.run();
		}
		return known;
	}

	/** Runs {@code line} as a script line ({@code scripted}) or a typed one: script lines are never asked about. */
	<T> T running(boolean scripted, Supplier<T> line) {
		boolean before = scriptLine.get();
		scriptLine.set(scripted);
		try {
			return line.get();
		}
		finally {
			scriptLine.set(before);
		}
	}

	/** The REPL's terminal, where questions are asked while the REPL runs; {@code null} when it ends. */
	void useTerminal(Terminal terminal) {
		this.replTerminal = terminal;
	}

	@Override
	public boolean confirm(List<String> lines, String question) {
		String answer = onTerminal(terminal -> {
			PrintWriter out = terminal.writer();
			for (String line : lines) {
				out.println(visibleWithTabs(line));
			}
			out.flush();
			return readLine(terminal, question, null);
		});
		String word = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
		return word.equals("y") || word.equals("yes");
	}

	/**
	 * A password a profile does not keep, asked without echo under the same rules as a question:
	 * stdin and stderr terminals, never for a script line; {@code null} when it cannot be asked
	 * or the person answers Ctrl-C or end of input.
	 */
	@Override
	public String ask(String question) {
		return canAsk() ? onTerminal(terminal -> readLine(terminal, question, '\0')) : null;
	}

	/** Both questions on one terminal: a second terminal opened for the same process would not read. */
	@Override
	public List<String> askTwice(String question, String again) {
		if (!canAsk()) {
			return null;
		}
		return onTerminal(terminal -> {
			String first = readLine(terminal, question, '\0');
			String second = first == null ? null : readLine(terminal, again, '\0');
			return second == null ? null : List.of(first, second);
		});
	}

	/** Runs {@code asking} on the REPL's terminal, or on one opened for it (never closed: see above). */
	private <T> T onTerminal(java.util.function.Function<Terminal, T> asking) {
		Terminal repl = replTerminal;
		if (repl != null) {
			// the REPL's terminal turns Ctrl-C into an interrupted question by itself
			return asking.apply(repl);
		}
		Terminal terminal;
		try {
			terminal = TerminalBuilder.builder().system(true)
				.systemOutput(TerminalBuilder.SystemOutput.SysErr)
				.nativeSignals(false)
				.build();
		}
		catch (IOException ex) {
			throw new CliException("cannot open the terminal to ask: " + ex.getMessage(), ExitCodes.FAILURE, ex);
		}
		Repl.giveASize(terminal);
		// Ctrl-C interrupts this thread, and an interrupted read is an interrupted question
		try (StopSignals.Watch watch = signals.watch()) {
			T answer = asking.apply(terminal);
			if (watch.received() == StopSignals.Stop.TERMINATE) {
				// SIGTERM ends the process as SIGTERM should (143), not as a "no" would
				throw new RunStopped("terminated: nothing was changed", ExitCodes.TERMINATED);
			}
			return answer;
		}
		finally {
			Thread.interrupted();
			terminal.reader().shutdown();
		}
	}

	/** One line read on {@code terminal}; {@code null} for Ctrl-C or end of input. */
	private static String readLine(Terminal terminal, String question, Character mask) {
		LineReader reader = LineReaderBuilder.builder().terminal(terminal)
			.variable(LineReader.DISABLE_HISTORY, true)
			.variable(LineReader.DISABLE_COMPLETION, true)
			.build();
		try {
			return reader.readLine(question, mask);
		}
		catch (UserInterruptException | EndOfFileException ex) {
			// the answer line was left open: the error line that follows starts on a line of its own
			terminal.writer().println();
			terminal.writer().flush();
			return null;
		}
	}

	/** Control characters escaped, but the TABs that align a table's columns kept. */
	private static String visibleWithTabs(String line) {
		String[] cells = line.split("\t", -1);
		for (int i = 0; i < cells.length; i++) {
			cells[i] = Escapes.visible(cells[i]);
		}
		return String.join("\t", cells);
	}
}
