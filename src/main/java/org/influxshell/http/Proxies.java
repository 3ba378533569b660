package org.influxshell.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.influxshell.cli.CliException;

/**
 * Which proxy a request goes through, by Go's {@code http.ProxyFromEnvironment} rules:
 * {@code HTTPS_PROXY}/{@code https_proxy} for https URLs, {@code HTTP_PROXY}/{@code http_proxy}
 * for http (the upper-case name wins), and {@code NO_PROXY}/{@code no_proxy}: a comma list of
 * host names ({@code example.com} also matches its subdomains, {@code .example.com} only them),
 * IP addresses, CIDR ranges, {@code host:port}, or {@code *} for all. {@code localhost} and
 * loopback addresses never use a proxy. A proxy variable that holds no usable http proxy URL is
 * an error for every request that would use it, never a silent way around the proxy.
 */
public final class Proxies {

	/**
	 * A proxy server; {@link #toString()} never shows its credentials.
	 *
	 * @param host the proxy's host
	 * @param port its port
	 * @param user the user of {@code user:pass@}, or {@code null}
	 * @param password the password, or {@code null}
	 */
	public record Proxy(String host, int port, String user, String password) {

		@Override
		public String toString() {
			return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
		}
	}

	/**
	 * One proxy variable as read: the proxy, or why its value is not one ({@code problem}, a
	 * sentence that names the variable and never shows a password).
	 */
	private record Setting(Proxy proxy, String problem) {
	}

	private final Setting http;

	private final Setting https;

	private final List<String> noProxy;

	private Proxies(Setting http, Setting https, List<String> noProxy) {
		this.http = http;
		this.https = https;
		this.noProxy = noProxy;
	}

	/** From these variables: a run's ({@code Invocation.environment()}), or a test's. */
	public static Proxies from(Map<String, String> env) {
		String noProxy = first(env, "NO_PROXY", "no_proxy");
		List<String> entries = new ArrayList<>();
		if (noProxy != null) {
			for (String e : noProxy.split(",")) {
				String t = e.strip().toLowerCase(Locale.ROOT);
				if (!t.isEmpty()) {
					entries.add(t);
				}
			}
		}
		return new Proxies(setting(env, "HTTP_PROXY", "http_proxy"), setting(env, "HTTPS_PROXY", "https_proxy"), entries);
	}

	/** Whether any proxy is set at all. */
	public boolean isEmpty() {
		return http == null && https == null;
	}

	/**
	 * The proxy for a request to {@code target}, if it uses one.
	 * @throws CliException when the variable that applies holds no usable proxy URL (a request
	 *         must not silently go direct when the user asked for a proxy)
	 */
	public Optional<Proxy> forTarget(URI target) {
		Setting setting = "https".equals(target.getScheme()) ? https : http;
		if (setting == null) {
			return Optional.empty();
		}
		String host = target.getHost().toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		int port = target.getPort() >= 0 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
		if (host.equals("localhost") || isLoopback(host) || excluded(host, port)) {
			return Optional.empty();
		}
		if (setting.problem() != null) {
			throw CliException.failure(setting.problem());
		}
		return Optional.of(setting.proxy());
	}

	private boolean excluded(String host, int port) {
		byte[] ip = literal(host);
		for (String entry : noProxy) {
			if (entry.equals("*")) {
				return true;
			}
			if (entry.contains("/")) {
				if (ip != null && inCidr(ip, entry)) {
					return true;
				}
				continue;
			}
			String entryHost = entry;
			String entryPort = "";
			int colon = entry.lastIndexOf(':');
			if (colon > 0 && entry.indexOf(':') == colon && !entry.endsWith("]")) {
				entryHost = entry.substring(0, colon);
				entryPort = entry.substring(colon + 1);
			}
			else if (entry.startsWith("[") && entry.contains("]:")) {
				entryHost = entry.substring(1, entry.indexOf("]:"));
				entryPort = entry.substring(entry.indexOf("]:") + 2);
			}
			entryHost = entryHost.replaceFirst("^\\[(.*)]$", "$1");
			boolean portMatches = entryPort.isEmpty() || entryPort.equals(String.valueOf(port));
			byte[] entryIp = literal(entryHost);
			if (entryIp != null) {
				if (ip != null && java.util.Arrays.equals(ip, entryIp) && portMatches) {
					return true;
				}
				continue;
			}
			if (entryHost.startsWith("*.")) {
				entryHost = entryHost.substring(1);
			}
			boolean subdomainsOnly = entryHost.startsWith(".");
			String suffix = subdomainsOnly ? entryHost : "." + entryHost;
			if ((host.endsWith(suffix) || !subdomainsOnly && host.equals(entryHost)) && portMatches) {
				return true;
			}
		}
		return false;
	}

	private static boolean isLoopback(String host) {
		byte[] ip = literal(host);
		if (ip == null) {
			return false;
		}
		try {
			return InetAddress.getByAddress(ip).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** The bytes of an IP literal, or {@code null} for a name (never a DNS look-up). */
	private static byte[] literal(String host) {
		if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
			String[] parts = host.split("\\.");
			byte[] out = new byte[4];
			for (int i = 0; i < 4; i++) {
				int v = Integer.parseInt(parts[i]);
				if (v > 255) {
					return null;
				}
				out[i] = (byte) v;
			}
			return out;
		}
		if (host.contains(":") && host.matches("[0-9a-f:.]+")) {
			try {
				return InetAddress.getByName(host).getAddress();
			}
			catch (UnknownHostException ex) {
				return null;
			}
		}
		return null;
	}

	private static boolean inCidr(byte[] ip, String cidr) {
		int slash = cidr.indexOf('/');
		byte[] net = literal(cidr.substring(0, slash));
		int bits;
		try {
			bits = Integer.parseInt(cidr.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (net == null || net.length != ip.length || bits < 0 || bits > ip.length * 8) {
			return false;
		}
		BigInteger mask = bits == 0 ? BigInteger.ZERO
				: BigInteger.ONE.shiftLeft(ip.length * 8).subtract(BigInteger.ONE).shiftRight(ip.length * 8 - bits)
					.shiftLeft(ip.length * 8 - bits);
		return new BigInteger(1, ip).and(mask).equals(new BigInteger(1, net).and(mask));
	}

	/** The first of these variables that is set, read as a proxy URL; {@code null} when none is set. */
	private static Setting setting(Map<String, String> env, String... names) {
		for (String name : names) {
			String value = env.get(name);
			if (value != null && !value.isEmpty()) {
				try {
					return new Setting(parse(value), null);
				}
				catch (IllegalArgumentException ex) {
					return new Setting(null, name + " is not a usable proxy URL (\"" + withoutPassword(value) + "\": "
							+ ex.getMessage() + ")");
				}
			}
		}
		return null;
	}

	/**
	 * A proxy variable's value as Go reads it: a URL, or a bare {@code host:port} meaning http. An
	 * {@code https://} proxy is spoken to as an http one.
	 * @throws IllegalArgumentException saying what is wrong with it
	 */
	private static Proxy parse(String value) {
		String text = value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? value : "http://" + value;
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("not a URL");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IllegalArgumentException("unsupported proxy scheme \"" + scheme + "\", use http://");
		}
		if (uri.getHost() == null) {
			// java.net.URI leaves the host out when the authority is not host[:port], a bad port included
			String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().replaceFirst("^.*@", "");
			int colon = authority.lastIndexOf(':');
			boolean badPort = colon > authority.lastIndexOf(']') && !authority.substring(colon + 1).matches("[0-9]*");
			throw new IllegalArgumentException(badPort ? "invalid port" : "missing or invalid host");
		}
		if (uri.getPort() > 65535) {
			throw new IllegalArgumentException("port out of range");
		}
		String user = null;
		String password = null;
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			try {
				user = URLDecoder.decode(parts[0].replace("+", "%2B"), StandardCharsets.UTF_8);
				password = parts.length > 1 ? URLDecoder.decode(parts[1].replace("+", "%2B"), StandardCharsets.UTF_8) : "";
			}
			catch (IllegalArgumentException ex) {
				// the decoder's message quotes the text: never the password
				throw new IllegalArgumentException("invalid %-escape in the user or password");
			}
		}
		int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
		String host = uri.getHost().replaceFirst("^\\[(.*)]$", "$1");
		return new Proxy(host, port, user, password);
	}

	/** A proxy variable's value fit to show: the password of {@code user:password@} replaced by {@code ***}. */
	static String withoutPassword(String value) {
		int at = value.lastIndexOf('@');
		if (at < 0) {
			return value;
		}
		int start = value.indexOf("://") >= 0 && value.indexOf("://") < at ? value.indexOf("://") + 3 : 0;
		int colon = value.indexOf(':', start);
		return colon < 0 || colon > at ? value : value.substring(0, colon + 1) + "***" + value.substring(at);
	}

	private static String first(Map<String, String> env, String... names) {
		for (String n : names) {
			String v = env.get(n);
			if (v != null && !v.isEmpty()) {
				return v;
			}
		}
		return null;
	}
}
