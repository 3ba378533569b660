package org.influxshell.shell;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Which standard streams are terminals: a question or prompt needs stdin and stderr on a terminal; stdout may be redirected.
 * The launcher knows it for free ({@code [ -t N ]}) and passes it as {@code -Dinfluxshell.tty=012}
 * (the terminal streams' numbers); started some other way ({@code java -jar}), the console asks
 * {@code test -t} with the stream handed down. Never {@code System.console()}, which needs stdout
 * to be a terminal too.
 */
public final class Terminals {

	static final String PROPERTY = "influxshell.tty";

	private Terminals() {
	}

	/** Whether stdin is a terminal. */
	public static boolean stdin() {
		return isTerminal(0);
	}

	/** Whether stderr is a terminal. */
	public static boolean stderr() {
		return isTerminal(2);
	}

	static boolean isTerminal(int fd) {
		String known = System.getProperty(PROPERTY);
		if (known != null) {
			return known.indexOf(Character.forDigit(fd, 10)) >= 0;
		}
		return ask(fd);
	}

	/**
	 * The width of the process's controlling terminal (the {@code TIOCGWINSZ} that {@code stty size}
	 * reads from {@code /dev/tty}), or 0 when there is none.
	 */
	static int columns() {
		ProcessBuilder stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
			.redirectError(ProcessBuilder.Redirect.DISCARD);
		try {
			Process p = stty.start();
			String size = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
			if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
				return 0;
			}
			String[] rowsAndColumns = size.split("\\s+");
			return rowsAndColumns.length == 2 ? Math.max(Integer.parseInt(rowsAndColumns[1]), 0) : 0;
		}
		catch (IOException | NumberFormatException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private static boolean ask(int fd) {
		ProcessBuilder test = new ProcessBuilder("test", "-t", String.valueOf(fd));
		switch (fd) {
			case 0 -> test.redirectInput(ProcessBuilder.Redirect.INHERIT);
			case 1 -> test.redirectOutput(ProcessBuilder.Redirect.INHERIT);
			default -> test.redirectError(ProcessBuilder.Redirect.INHERIT);
		}
		try {
			Process p = test.start();
			return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
