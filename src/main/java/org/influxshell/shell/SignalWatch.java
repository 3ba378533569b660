package org.influxshell.shell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.influxshell.command.StopSignals;

/**
 * {@link StopSignals} with the JDK's {@code sun.misc.Signal} (module {@code jdk.unsupported}):
 * while a watch is open, SIGINT and SIGTERM interrupt the watching thread instead of ending the
 * process, and the handlers found before are put back when it closes (in the REPL, JLine's).
 * The class is reached by reflection: compiled against directly, javac warns about it on every
 * build and the warning cannot be suppressed. Where the signals cannot be handled (the JVM runs
 * with {@code -Xrs}, or the class is missing), a watch sees no signal and the defaults apply.
 */
public class SignalWatch implements StopSignals {

	private static final Api API = Api.find();

	@Override
	public Watch watch() {
		OpenWatch watch = new OpenWatch();
		if (API != null) {
			watch.install("INT", Stop.INTERRUPT);
			watch.install("TERM", Stop.TERMINATE);
		}
		return watch;
	}

	/** The reflective handles on {@code sun.misc.Signal} and {@code sun.misc.SignalHandler}. */
	private record Api(Class<?> signal, Class<?> handler, Method handle) {

		static Api find() {
			try {
				Class<?> signal = Class.forName("sun.misc.Signal");
				Class<?> handler = Class.forName("sun.misc.SignalHandler");
				return new Api(signal, handler, signal.getMethod("handle", signal, handler));
			}
			catch (ReflectiveOperationException | LinkageError ex) {
				return null;
			}
		}

		/** Installs {@code handler} for the signal; returns the one it replaces, or {@code null} when refused. */
		Object swap(Object signalObject, Object newHandler) {
			try {
				return handle.invoke(null, signalObject, newHandler);
			}
			catch (InvocationTargetException | IllegalAccessException ex) {
				// the signal is the JVM's own (-Xrs) or reserved by the OS: leave it as it is
				return null;
			}
		}

		Object newSignal(String name) throws ReflectiveOperationException {
			return signal.getConstructor(String.class).newInstance(name);
		}
	}

	private static final class OpenWatch extends ThreadWatch {

		private final List<Object[]> replaced = new ArrayList<>();

		void install(String name, Stop stop) {
			Object signal;
			try {
				signal = API.newSignal(name);
			}
			catch (ReflectiveOperationException ex) {
				return;
			}
			Object handler = Proxy.newProxyInstance(SignalWatch.class.getClassLoader(), new Class<?>[] { API.handler() },
					(proxy, method, args) -> switch (method.getName()) {
						case "handle" -> {
							signalled(stop);
							yield null;
						}
						case "hashCode" -> System.identityHashCode(proxy);
						case "equals" -> proxy == args[0];
						default -> "SignalWatch[" + name + "]";
					});
			Object previous = API.swap(signal, handler);
			if (previous != null) {
				replaced.add(new Object[] { signal, previous });
			}
		}

		@Override
		public void close() {
			for (Object[] r : replaced) {
				API.swap(r[0], r[1]);
			}
			replaced.clear();
		}
	}
}
