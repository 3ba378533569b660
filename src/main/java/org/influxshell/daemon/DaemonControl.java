package org.influxshell.daemon;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.influxshell.client.Client;
import org.influxshell.client.DaemonFolder;
import org.influxshell.client.Frames;
import org.influxshell.client.SocketStreams;

/** Talks to the user's daemon from a cold run: is it there, what is it, stop it, start one. */
public final class DaemonControl {

	private final DaemonFolder folder;

	public DaemonControl(DaemonFolder folder) {
		this.folder = folder;
	}

	public DaemonFolder folder() {
		return folder;
	}

	/** What a running daemon said. */
	public record Status(String identity, String text) {

		/** Whether it is this build on this runtime, the only daemon a client of ours uses. */
		public boolean ours() {
			return identity.equals(DaemonFolder.identity());
		}

		public String pid() {
			return text.lines().filter(l -> l.startsWith("pid:")).map(l -> l.substring(4).strip()).findFirst().orElse("?");
		}
	}

	/** The daemon's status, or {@code null} when none answers. */
	public Status status() {
		return ask(Frames.STATUS);
	}

	/** Asks the daemon to stop; its status as it was, or {@code null} when none answers. */
	public Status stop() {
		return ask(Frames.STOP);
	}

	private Status ask(byte what) {
		if (folder.unusable() != null) {
			return null;
		}
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(folder.socket()));
			DataOutputStream out = new DataOutputStream(SocketStreams.output(channel));
			Frames.write(out, what, new byte[0]);
			Frames.Frame reply = Frames.read(new DataInputStream(new BufferedInputStream(SocketStreams.input(channel))));
			if (reply == null || reply.type() != Frames.TEXT) {
				return null;
			}
			String text = reply.text();
			int eol = text.indexOf('\n');
			return new Status(text.substring(0, eol), text.substring(eol + 1));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** Whether a daemon holds the lock: running, or starting. */
	public boolean running() {
		if (!Files.isRegularFile(folder.lock())) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(folder.lock(), StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			// this very process holds it: it is the daemon
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Variables with secrets that the daemon itself never uses (each request brings its own
	 * environment): a daemon lives long, and its environment can be read as long as it runs.
	 */
	static final List<String> SECRET_VARIABLES = List.of("INFLUX_TOKEN", "HTTP_PROXY", "HTTPS_PROXY", "http_proxy",
			"https_proxy");

	/**
	 * Starts {@code launcher daemon run} in the background, in a session of its own (so the
	 * terminal's Ctrl-C and hang-up never reach it), its stderr in {@code daemon.log}, in the root
	 * folder (so it keeps no folder busy that someone may want to remove or unmount), without the
	 * secrets of the environment it was started from.
	 * @return the started process
	 */
	public Process spawn(String launcher) throws IOException {
		folder.create();
		List<String> command = new ArrayList<>();
		Path setsid = Path.of("/usr/bin/setsid");
		if (Files.isExecutable(setsid)) {
			command.add(setsid.toString());
		}
		command.add(launcher);
		command.add("daemon");
		command.add("run");
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().remove(Client.COLD_VARIABLE);
		SECRET_VARIABLES.forEach(builder.environment()::remove);
		builder.directory(new File("/"));
		builder.redirectInput(new File("/dev/null"));
		builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		// appended to: a second daemon started at the same moment fails at once ("a daemon is
		// already running"), and must neither empty the running one's log nor leave that line as its last
		builder.redirectError(ProcessBuilder.Redirect.appendTo(folder.log().toFile()));
		return builder.start();
	}
}
