package org.influxshell.connection;

/**
 * The options of every command that talks to a server. A {@code null}
 * field was not given on the command line.
 *
 * @param local configs path and output options
 * @param host {@code --host}
 * @param token {@code -t/--token}
 * @param activeConfig {@code -c/--active-config}
 * @param skipVerify {@code --skip-verify}
 * @param httpDebug {@code --http-debug}
 * @param caCert {@code --ca-cert}
 */
public record ServerOptions(LocalOptions local, String host, String token, String activeConfig, Boolean skipVerify,
		boolean httpDebug, String caCert) {

	/** Options without {@code --ca-cert}. */
	public ServerOptions(LocalOptions local, String host, String token, String activeConfig, Boolean skipVerify,
			boolean httpDebug) {
		this(local, host, token, activeConfig, skipVerify, httpDebug, null);
	}

	public static ServerOptions none() {
		return new ServerOptions(LocalOptions.none(), null, null, null, null, false);
	}

	/** Never shows the token. */
	@Override
	public String toString() {
		return "ServerOptions[" + local + ", host=" + host + ", token=" + (token == null ? "unset" : "***")
				+ ", activeConfig=" + activeConfig + ", skipVerify=" + skipVerify + ", httpDebug=" + httpDebug
				+ ", caCert=" + caCert + "]";
	}
}
