package org.influxshell.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which proxy a request goes through, by Go's {@code http.ProxyFromEnvironment} rules:
 * {@code HTTPS_PROXY}/{@code https_proxy} for https URLs, {@code HTTP_PROXY}/{@code http_proxy}
 * for http (the upper-case name wins), and {@code NO_PROXY}/{@code no_proxy}: a comma list of
 * host names ({@code example.com} also matches its subdomains, {@code .example.com} only them),
 * IP addresses, CIDR ranges, {@code host:port}, or {@code *} for all. {@code localhost} and
 * loopback addresses never use a proxy.
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

	private final Proxy http;

	private final Proxy https;

	private final List<String> noProxy;

	Proxies(Proxy http, Proxy https, List<String> noProxy) {
		this.http = http;
		this.https = https;
		this.noProxy = noProxy;
	}

	/** From the process environment. */
	public static Proxies fromEnvironment() {
		return from(System.getenv());
	}

	/** From these variables (a test's). */
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
		return new Proxies(parse(first(env, "HTTP_PROXY", "http_proxy")), parse(first(env, "HTTPS_PROXY", "https_proxy")),
				entries);
	}

	/** Whether any proxy is set at all. */
	public boolean isEmpty() {
		return http == null && https == null;
	}

	/** The proxy for a request to {@code target}, if it uses one. */
	public Optional<Proxy> forTarget(URI target) {
		Proxy proxy = "https".equals(target.getScheme()) ? https : http;
		if (proxy == null) {
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
		return Optional.of(proxy);
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

	/** A proxy variable's value as Go reads it: a URL, or a bare {@code host:port} meaning http. */
	private static Proxy parse(String value) {
		if (value == null) {
			return null;
		}
		String text = value.contains("://") ? value : "http://" + value;
		URI uri;
		try {
			uri = URI.create(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (uri.getHost() == null) {
			return null;
		}
		String user = null;
		String password = null;
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			user = URLDecoder.decode(parts[0].replace("+", "%2B"), StandardCharsets.UTF_8);
			password = parts.length > 1 ? URLDecoder.decode(parts[1].replace("+", "%2B"), StandardCharsets.UTF_8) : "";
		}
		int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
		String host = uri.getHost().replaceFirst("^\\[(.*)]$", "$1");
		return new Proxy(host, port, user, password);
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
