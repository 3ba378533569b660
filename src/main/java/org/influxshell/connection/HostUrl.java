package org.influxshell.connection;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.influxshell.cli.CliException;

/**
 * Server URLs as upstream reads and stores them, with Go's {@code url.Parse} and
 * {@code url.String}: the scheme in lower case, the host as typed, the path percent-encoded where
 * it must be ({@code /a b} → {@code /a%20b}; valid escapes kept), the query as typed.
 */
public final class HostUrl {

	private HostUrl() {
	}

	/**
	 * The URL as upstream would store it.
	 * @throws CliException {@code host URL "X" is invalid: ...} when it is not an http(s) URL with a host
	 */
	public static String normalize(String host) {
		int sep = host.indexOf("://");
		String scheme = sep < 0 ? "" : host.substring(0, sep).toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw invalid(host, "a scheme of http or https must be provided for host url");
		}
		String rest = host.substring(sep + 3);
		String authority = rest.substring(0, indexOfAny(rest, "/?#"));
		String path = pathOf(host);
		// the server part must be valid; the query is kept as typed, as Go keeps it
		base(host);
		return scheme + "://" + authority + escapedPath(host, path) + rest.substring(authority.length() + path.length());
	}

	/**
	 * Where the console sends its requests: scheme, host, port and path of {@code host}, without
	 * a trailing slash. The path is kept (a gateway may route by it); upstream drops it.
	 */
	public static String base(String host) {
		URI uri;
		try {
			int sep = host.indexOf("://");
			// only the server part: a path or query may hold what Go accepts and java.net.URI does not
			uri = new URI(sep < 0 ? host : host.substring(0, sep + 3 + indexOfAny(host.substring(sep + 3), "/?#")));
		}
		catch (URISyntaxException ex) {
			throw invalid(host, ex.getReason());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw invalid(host, "a scheme of http or https must be provided for host url");
		}
		if (uri.getHost() == null) {
			throw invalid(host, uri.getRawAuthority() == null ? "missing host" : "invalid host or port");
		}
		if (uri.getPort() > 65535) {
			throw invalid(host, "port out of range");
		}
		String path = escapedPath(host, pathOf(host));
		return scheme + "://" + uri.getRawAuthority().replaceFirst("^.*@", "") + path.replaceFirst("/+$", "");
	}

	/** The raw path of an http(s) URL: after the authority, before the query or fragment. */
	private static String pathOf(String host) {
		String rest = host.substring(host.indexOf("://") + 3);
		String tail = rest.substring(indexOfAny(rest, "/?#"));
		return tail.substring(0, indexOfAny(tail, "?#"));
	}

	/** Go's {@code URL.EscapedPath}: the path as typed when it is validly escaped, else re-escaped. */
	private static String escapedPath(String host, String raw) {
		String decoded = unescape(host, raw);
		return isValidEscaped(raw) ? raw : escape(decoded);
	}

	private static String unescape(String host, String s) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '%') {
				if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
					throw invalid(host, "invalid URL escape \"" + s.substring(i, Math.min(s.length(), i + 3)) + "\"");
				}
				out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
					bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
					i++;
				}
				out.write(bytes, 0, bytes.length);
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	/** Go's {@code shouldEscape} in path mode: all but letters, digits, {@code -_.~} and {@code $&+,/:;=@}. */
	private static String escape(String path) {
		StringBuilder out = new StringBuilder();
		for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.~$&+,/:;=@".indexOf(c) >= 0)) {
				out.append((char) c);
			}
			else {
				out.append('%').append(String.format("%02X", c));
			}
		}
		return out.toString();
	}

	/** Go's {@code validEncoded} in path mode. */
	private static boolean isValidEscaped(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean ok = c < 0x80 && (Character.isLetterOrDigit(c) || "-_.~!$&'()*+,;=:@[]%/".indexOf(c) >= 0);
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static int indexOfAny(String s, String chars) {
		for (int i = 0; i < s.length(); i++) {
			if (chars.indexOf(s.charAt(i)) >= 0) {
				return i;
			}
		}
		return s.length();
	}

	private static CliException invalid(String host, String why) {
		return CliException.failure("host URL \"" + host + "\" is invalid: " + why);
	}
}
