package org.influxshell.daemon;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.influxshell.cli.CliException;
import org.influxshell.cli.UserHome;
import org.influxshell.client.Frames;
import org.influxshell.command.Invocation;
import org.influxshell.command.Launch;
import org.influxshell.command.StopSignals;

/**
 * One client's command, run in the daemon: the {@link Invocation} its run is made from
 * (the client's environment, folders and terminals; stdout, stderr and stdin over the socket;
 * the signals it forwards), and the conversation that carries them.
 *
 * <p>A cold run would ask a question on the terminal (a confirmation, a password); the daemon
 * has none, so such a command is stopped where it would ask, before it has changed anything, and
 * the client runs it cold. To make that invisible, stderr is held back while a question is still
 * possible: a one-shot command (not a script) with stdin and stderr on terminals, until it first
 * writes a result.
 */
final class RequestRun implements Invocation {

	private static final byte[] EMPTY = {};

	private static final Path DEV_NULL = Path.of("/dev/null");

	/** The variables the JVM options of the client's JVM, and of a cold one, come from: the launcher's, and the JVM's own. */
	private static final List<String> JVM_OPTIONS = List.of("INFLUX_SHELL_JAVA_OPTS", "JAVA_TOOL_OPTIONS",
			"JDK_JAVA_OPTIONS");

	/** The daemon's own, read once: the JVM's system properties do not change while it runs. */
	private static final Set<String> DAEMON_JVM_PROPERTIES = jvmProperties(System.getenv());

	private final Frames.Request request;

	/** The request's arguments, read once. */
	private final Launch launch;

	private final DataOutputStream out;

	private final Map<String, String> environment;

	private final ForwardedSignals signals = new ForwardedSignals();

	private final BlockingQueue<byte[]> acks = new LinkedBlockingQueue<>();

	private final BlockingQueue<byte[]> stdinChunks = new LinkedBlockingQueue<>();

	private final ClientStderr stderr;

	private final ClientStdin stdin = new ClientStdin();

	private final Thread runner;

	/** The command was stopped to be run cold. */
	private volatile boolean handover;

	/** The reply that ends the conversation was sent (or the client is gone): later output goes nowhere. */
	private volatile boolean ended;

	private volatile boolean gone;

	RequestRun(Frames.Request request, DataOutputStream out) {
		this.request = request;
		this.launch = Launch.parse(request.args());
		this.out = out;
		this.environment = Map.copyOf(request.environment());
		this.stderr = new ClientStderr(mayAsk());
		this.runner = Thread.currentThread();
	}

	/**
	 * Runs the command and replies {@code EXIT} or {@code COLD}; {@code frames} is read on a thread
	 * of its own meanwhile (acknowledgements, stdin, signals). {@code begun} is told when the
	 * command is taken (not sent away to run cold at once).
	 */
	void run(DataInputStream frames, WarmConsole console, Runnable begun) {
		Thread reader = new Thread(() -> read(frames), "influx-shell-request-reader");
		reader.setDaemon(true);
		reader.start();
		RequestEnvironment environment = new RequestEnvironment(launch, this, request.properties());
		String cold = coldReason();
		if (cold == null) {
			cold = console.coldReason(environment);
		}
		if (cold != null) {
			end(Frames.COLD, EMPTY);
			return;
		}
		begun.run();
		try {
			// from here on, the client never runs the command again cold should this daemon die
			send(Frames.BEGUN, EMPTY);
		}
		catch (IOException ex) {
			// the client is gone: its reader says so
		}
		try {
			console.run(launch, this, environment, stdin, new ClientStdout(), () -> isTerminal(0), this::ended);
		}
		catch (RuntimeException ex) {
			stderr.writeQuietly(("Error: " + ex.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
			ended(1);
		}
	}

	/** The command is over: the client may exit (or run it cold) while the run's objects are let go. */
	private void ended(int code) {
		if (handover && !stderr.released()) {
			end(Frames.COLD, EMPTY);
		}
		else {
			stderr.release();
			end(Frames.EXIT, Frames.number(code));
		}
	}

	/**
	 * Why this command must run cold, or {@code null}: the REPL (it needs the terminal), the
	 * {@code daemon} commands, a relative configs or journal path (its messages would name the
	 * file by its absolute path, where a cold run names it as typed), a file of the process that
	 * opens it ({@code /dev/stdin}, {@code /dev/fd/63} from {@code <(...)}, {@code /proc/self/...}:
	 * opened here, it would be the daemon's own) as a script, configs or journal path, decided on
	 * the path as the client resolves it ({@code //dev/stdin}, a link to it) and for the scripts a
	 * script's lines run ({@link ClientPaths}), and JVM
	 * system properties other than the daemon's ({@code INFLUX_SHELL_JAVA_OPTS} naming a trust
	 * store, say: they hold for the whole JVM, so a request cannot bring its own).
	 */
	String coldReason() {
		if (launch.mode(() -> isTerminal(0)) == Launch.Mode.REPL) {
			return "the REPL";
		}
		if (launch.daemonCommand()) {
			return "a daemon command";
		}
		List<String> words = launch.words();
		if (!words.isEmpty() && words.get(0).equals("script") && ClientPaths.scriptOf(words) == null) {
			return "a script command this console does not check";
		}
		for (String path : scriptPaths(launch)) {
			String unfit = ClientPaths.scriptUnfit(request.folder(), path);
			if (unfit != null) {
				return unfit;
			}
		}
		for (String path : configsAndJournalPaths()) {
			if (relative(path)) {
				return "a relative path";
			}
			if (path != null && !path.isEmpty() && ClientPaths.ofTheOpeningProcess(ClientPaths.resolve(request.folder(), path))) {
				return "a file of the process that opens it";
			}
		}
		if (!jvmProperties(environment).equals(DAEMON_JVM_PROPERTIES)) {
			return "JVM options other than the daemon's";
		}
		return null;
	}

	/**
	 * The system properties ({@code -Dname=value}) these variables give a JVM, less those a
	 * request brings along itself (the home folder, the console's settings). Other options
	 * ({@code -XX:}, {@code -Xmx}) change how the JVM runs, not what a command does.
	 */
	static Set<String> jvmProperties(Map<String, String> environment) {
		Set<String> properties = new TreeSet<>();
		for (String name : JVM_OPTIONS) {
			String options = environment.get(name);
			if (options == null) {
				continue;
			}
			for (String word : options.strip().split("\\s+")) {
				if (word.startsWith("-D")) {
					int eq = word.indexOf('=');
					String key = eq < 0 ? word.substring(2) : word.substring(2, eq);
					if (!key.equals("user.home") && !RequestEnvironment.forwarded(key)) {
						properties.add(word);
					}
				}
			}
		}
		return properties;
	}

	/** The script files the arguments name: {@code @FILE}, {@code --spring.shell.script=FILE}, {@code script FILE}. */
	private static List<String> scriptPaths(Launch launch) {
		List<String> paths = new ArrayList<>();
		if (launch.script() != null) {
			paths.add(launch.script());
		}
		List<String> words = launch.words();
		if (words.size() > 1 && words.get(0).equals("script")) {
			paths.add(ClientPaths.scriptOf(words));
		}
		return paths;
	}

	/** The configs and journal paths the arguments, the environment and the JVM options give. */
	private List<String> configsAndJournalPaths() {
		List<String> paths = new ArrayList<>(launch.paths());
		paths.add(environment.get("INFLUX_CONFIGS_PATH"));
		paths.add(environment.get("INFLUX_JOURNAL_PATH"));
		paths.add(request.properties().get("influx.configs-path"));
		paths.add(request.properties().get("influx.journal-path"));
		return paths;
	}

	private static boolean relative(String path) {
		return path != null && !path.isEmpty() && !path.startsWith("/");
	}

	/** A question is possible: a one-shot command, stdin and stderr on terminals. */
	private boolean mayAsk() {
		return !launch.runsScript() && isTerminal(0) && isTerminal(2);
	}

	/** Reads what the client sends while the command runs. */
	private void read(DataInputStream frames) {
		try {
			while (true) {
				Frames.Frame frame = Frames.read(frames);
				if (frame == null) {
					break;
				}
				switch (frame.type()) {
					case Frames.ACK -> acks.add(frame.payload());
					case Frames.STDIN -> stdinChunks.add(frame.payload());
					case Frames.SIGNAL -> signal(frame.text());
					default -> {
						// nothing else is sent during a command
					}
				}
			}
		}
		catch (IOException ex) {
			// the client is gone
		}
		gone = true;
		acks.add(new byte[] { 0 });
		stdinChunks.add(EMPTY);
		if (!ended && !signals.abandon()) {
			// as when a cold run's terminal goes away: the command ends where it is (a run that
			// watches for signals was stopped instead, at once, its requests in flight cancelled)
			runner.interrupt();
		}
	}

	private void signal(String name) {
		StopSignals.Stop stop = name.equals("TERM") ? StopSignals.Stop.TERMINATE : StopSignals.Stop.INTERRUPT;
		if (!signals.deliver(stop)) {
			// nothing watches: a cold process would end here, with the signal's code and nothing more said
			stderr.release();
			end(Frames.EXIT, Frames.number(stop.exitCode()));
			runner.interrupt();
		}
	}

	private synchronized void end(byte type, byte[] payload) {
		if (ended) {
			return;
		}
		ended = true;
		try {
			send(type, payload);
		}
		catch (IOException ex) {
			// the client is gone
		}
	}

	private void send(byte type, byte[] payload) throws IOException {
		synchronized (out) {
			Frames.write(out, type, payload);
		}
	}

	private void send(byte type, byte[] payload, int offset, int length) throws IOException {
		synchronized (out) {
			Frames.write(out, type, payload, offset, length);
		}
	}

	@Override
	public Map<String, String> environment() {
		return environment;
	}

	@Override
	public String home() {
		return UserHome.of(environment, request.home());
	}

	@Override
	public Path folder() {
		return Path.of(request.folder());
	}

	/**
	 * A script that a script's line, or a line read from stdin, names: the client's stdin for a
	 * path that means it; any other file of the opening process is the client's, which the daemon
	 * cannot open (the scripts the arguments name were checked before the command was taken).
	 */
	@Override
	public InputStream openScript(Path path) throws IOException {
		Path resolved = ClientPaths.resolve(path);
		if (ClientPaths.meansStdin(resolved)) {
			return new FilterInputStream(stdin) {

				@Override
				public void close() {
					// the run's stdin stays open for what comes after the script
				}
			};
		}
		if (ClientPaths.ofTheOpeningProcess(resolved) && !resolved.equals(DEV_NULL)) {
			throw new IOException("a file of the client's process, which the daemon cannot open (INFLUX_SHELL_COLD=1 runs the command without it)");
		}
		return Files.newInputStream(path);
	}

	@Override
	public boolean isTerminal(int fd) {
		return request.terminals().indexOf(Character.forDigit(fd, 10)) >= 0;
	}

	@Override
	public OutputStream stderr() {
		return stderr;
	}

	@Override
	public StopSignals signals() {
		return signals;
	}

	/**
	 * The daemon cannot measure the client's terminal: help for a terminal (stdout one, no
	 * {@code $COLUMNS}) runs cold, where it can, like a question; else it is 80 columns wide.
	 */
	@Override
	public int terminalColumns() {
		if (isTerminal(1)) {
			beforeQuestion();
		}
		return 0;
	}

	@Override
	public void beforeQuestion() {
		if (!stderr.released()) {
			handover = true;
			throw CliException.failure("the daemon cannot ask; the command runs cold");
		}
	}

	/** Stdout: each write waits for the client to say it was written, or why not. */
	private final class ClientStdout extends OutputStream {

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			stderr.release();
			for (int at = off; at < off + len; at += Frames.MAX_FRAME) {
				if (ended || gone) {
					throw new IOException("Broken pipe");
				}
				send(Frames.STDOUT, b, at, Math.min(Frames.MAX_FRAME, off + len - at));
				byte[] ack;
				try {
					ack = acks.take();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted");
				}
				if (ack.length > 0) {
					throw new IOException(gone ? "Broken pipe" : new String(ack, StandardCharsets.UTF_8));
				}
			}
		}
	}

	/** Stderr: held back while a question may still come (see the class comment), then passed on as written. */
	private final class ClientStderr extends OutputStream {

		private ByteArrayOutputStream held;

		ClientStderr(boolean hold) {
			this.held = hold ? new ByteArrayOutputStream() : null;
		}

		synchronized boolean released() {
			return held == null;
		}

		synchronized void release() {
			if (held != null) {
				byte[] bytes = held.toByteArray();
				held = null;
				writeQuietly(bytes);
			}
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public synchronized void write(byte[] b, int off, int len) {
			if (held != null) {
				held.write(b, off, len);
				return;
			}
			if (ended || gone || len == 0) {
				return;
			}
			try {
				for (int at = off; at < off + len; at += Frames.MAX_FRAME) {
					send(Frames.STDERR, b, at, Math.min(Frames.MAX_FRAME, off + len - at));
				}
			}
			catch (IOException ex) {
				// as a PrintStream on a closed stderr: nothing to tell it with
			}
		}

		void writeQuietly(byte[] bytes) {
			write(bytes, 0, bytes.length);
		}
	}

	/** Stdin: read from the client only when, and only as much as, the command reads. */
	private final class ClientStdin extends InputStream {

		private boolean atEnd;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return n < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public synchronized int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (gone || ended || atEnd) {
				return -1;
			}
			send(Frames.READ, Frames.number(len));
			byte[] chunk;
			try {
				chunk = stdinChunks.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted");
			}
			if (chunk.length == 0) {
				atEnd = gone;
				return -1;
			}
			System.arraycopy(chunk, 0, b, off, chunk.length);
			return chunk.length;
		}
	}
}
