package org.influxshell.client;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Handlers for process signals, with the JDK's {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}), reached by reflection: compiled against directly, javac warns about
 * it on every build and the warning cannot be suppressed. Where a signal cannot be handled (the
 * JVM runs with {@code -Xrs}, or the class is missing) it keeps its default action.
 */
public final class Signals {

	private Signals() {
	}

	/**
	 * Runs {@code action} on the JVM's signal thread whenever {@code name} ({@code INT},
	 * {@code TERM}, {@code HUP}) arrives, instead of its default action.
	 * @return whether the handler is installed
	 */
	public static boolean handle(String name, Runnable action) {
		try {
			Class<?> signal = Class.forName("sun.misc.Signal");
			Class<?> handler = Class.forName("sun.misc.SignalHandler");
			Method handle = signal.getMethod("handle", signal, handler);
			Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] { handler },
					new Handler(name, action));
			handle.invoke(null, signal.getConstructor(String.class).newInstance(name), proxy);
			return true;
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
			return false;
		}
	}

	/** The handler's methods, as the proxy is asked for them (a class, not a lambda: quicker to start). */
	private static final class Handler implements InvocationHandler {

		private final String name;

		private final Runnable action;

		Handler(String name, Runnable action) {
			this.name = name;
			this.action = action;
		}

		@Override
		public Object invoke(Object self, Method method, Object[] args) {
			switch (method.getName()) {
				case "handle":
					action.run();
					return null;
				case "hashCode":
					return System.identityHashCode(self);
				case "equals":
					return self == args[0];
				default:
					return "Signals[".concat(name).concat("]");
			}
		}
	}
}
