package org.influxshell.configs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and writes the configs file's TOML. Writing a whole file produces exactly what upstream
 * {@code influx} writes. Reading accepts what upstream reads of it: what upstream writes plus the
 * usual hand edits (comments, literal strings, key names in any case, unknown keys of any
 * single-line type, a byte-order mark, CRLF or CR line endings); anything else is an error naming
 * the line. {@link TomlDocument} changes an existing file line by line.
 */
public final class TomlCodec {

	private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

	static final String TRAILER = """
			# \n\
			# [eu-central]
			#   url = "https://eu-central-1-1.aws.cloud2.influxdata.com"
			#   token = "XXX"
			#   org = ""
			# \n\
			# [us-central]
			#   url = "https://us-central1-1.gcp.cloud2.influxdata.com"
			#   token = "XXX"
			#   org = ""
			# \n\
			# [us-west]
			#   url = "https://us-west-2-1.aws.cloud2.influxdata.com"
			#   token = "XXX"
			#   org = ""
			""";

	private TomlCodec() {
	}

	/** The whole file for these profiles, tables sorted by name, trailer included. */
	public static String write(Profiles profiles) {
		StringBuilder out = new StringBuilder();
		String sep = "";
		for (Profile p : profiles.all()) {
			out.append(sep);
			table(p).forEach(line -> out.append(line).append('\n'));
			sep = "\n";
		}
		return out.append(TRAILER).toString();
	}

	/** The lines of one profile's table as upstream writes them, without line ends. */
	static List<String> table(Profile p) {
		List<String> lines = new ArrayList<>();
		lines.add("[" + key(p.name()) + "]");
		lines.add(keyLine("url", quote(p.url())));
		lines.add(keyLine("token", quote(p.token())));
		lines.add(keyLine("org", quote(p.org())));
		if (p.active()) {
			lines.add(keyLine("active", "true"));
		}
		if (p.previous()) {
			lines.add(keyLine("previous", "true"));
		}
		if (!p.cookie().isEmpty()) {
			lines.add(keyLine("cookie", quote(p.cookie())));
		}
		// plain key = value lines of the profile's table: upstream's reader skips keys it does not know
		if (p.skipVerify()) {
			lines.add(keyLine("skip-verify", "true"));
		}
		if (!p.caCert().isEmpty()) {
			lines.add(keyLine("ca-cert", quote(p.caCert())));
		}
		if (!p.product().isEmpty()) {
			lines.add(keyLine("product", quote(p.product())));
		}
		return lines;
	}

	/** A key line as upstream indents it. */
	static String keyLine(String key, String value) {
		return "  " + key + " = " + value;
	}

	private static String key(String name) {
		return BARE_KEY.matcher(name).matches() ? name : quote(name);
	}

	static String quote(String s) {
		StringBuilder out = new StringBuilder("\"");
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\f' -> out.append("\\f");
				case '\r' -> out.append("\\r");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/**
	 * Parses a configs file.
	 * @throws TomlException with the 1-based line of the first problem
	 */
	public static Profiles read(String text) {
		return TomlDocument.parse(text).profiles();
	}

	/** A syntax or type problem at one line of the file. */
	public static final class TomlException extends RuntimeException {

		private final int line;

		TomlException(int line, String message) {
			super(message);
			this.line = line;
		}

		public int line() {
			return line;
		}
	}

	/** A value that is valid TOML but of no type the configs file uses. */
	record Other(String text) {
	}

	/** Reads one line of TOML from left to right. */
	static final class Cursor {

		private final String s;

		private final int line;

		int pos;

		Cursor(String s, int line) {
			this.s = s;
			this.line = line;
		}

		boolean atEnd() {
			return pos >= s.length();
		}

		char peek() {
			return s.charAt(pos);
		}

		char next() {
			if (atEnd()) {
				throw error("unexpected end of line");
			}
			return s.charAt(pos++);
		}

		void skipSpace() {
			while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
				pos++;
			}
		}

		void expect(char c) {
			if (atEnd() || peek() != c) {
				throw error("expected '" + c + "'" + (atEnd() ? " before the end of the line" : ", found '" + peek() + "'"));
			}
			pos++;
		}

		void endOfLine() {
			skipSpace();
			if (!atEnd() && peek() != '#') {
				throw error("unexpected '" + peek() + "' after the value");
			}
		}

		TomlException error(String message) {
			return new TomlException(line, message);
		}

		String key() {
			if (atEnd()) {
				throw error("expected a key");
			}
			if (peek() == '"') {
				return basicString();
			}
			if (peek() == '\'') {
				return literalString();
			}
			int start = pos;
			while (!atEnd() && (Character.isLetterOrDigit(peek()) && peek() < 128 || peek() == '_' || peek() == '-')) {
				pos++;
			}
			if (start == pos) {
				throw error("expected a key, found '" + peek() + "'");
			}
			return s.substring(start, pos);
		}

		Object value() {
			if (atEnd()) {
				throw error("expected a value");
			}
			char c = peek();
			if (s.startsWith("\"\"\"", pos) || s.startsWith("'''", pos)) {
				throw error("multi-line strings are not supported");
			}
			if (c == '"') {
				return basicString();
			}
			if (c == '\'') {
				return literalString();
			}
			if (c == '[' || c == '{') {
				return new Other(bracketed());
			}
			int start = pos;
			while (!atEnd() && peek() != ' ' && peek() != '\t' && peek() != '#') {
				pos++;
			}
			String word = s.substring(start, pos);
			if (word.equals("true") || word.equals("false")) {
				return Boolean.valueOf(word);
			}
			if (word.matches("[-+0-9.:TZa-z_]+") && !word.isEmpty() && word.matches(".*[0-9].*|[+-]?(inf|nan)")) {
				return new Other(word);
			}
			// the word itself is not repeated: it may be a token written without its quotes
			throw error("a value that is not a quoted string, a boolean or a number");
		}

		private String bracketed() {
			int start = pos;
			int depth = 0;
			while (!atEnd()) {
				char c = peek();
				if (c == '"') {
					basicString();
					continue;
				}
				if (c == '\'') {
					literalString();
					continue;
				}
				pos++;
				if (c == '[' || c == '{') {
					depth++;
				}
				else if (c == ']' || c == '}') {
					depth--;
					if (depth == 0) {
						return s.substring(start, pos);
					}
				}
			}
			throw error("unterminated array or inline table (values over several lines are not supported)");
		}

		private String literalString() {
			pos++;
			int end = s.indexOf('\'', pos);
			if (end < 0) {
				throw error("unterminated string");
			}
			String value = s.substring(pos, end);
			pos = end + 1;
			return value;
		}

		private String basicString() {
			pos++;
			StringBuilder out = new StringBuilder();
			while (true) {
				if (atEnd()) {
					throw error("unterminated string");
				}
				char c = next();
				if (c == '"') {
					return out.toString();
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char e = next();
				switch (e) {
					case 'b' -> out.append('\b');
					case 't' -> out.append('\t');
					case 'n' -> out.append('\n');
					case 'f' -> out.append('\f');
					case 'r' -> out.append('\r');
					case 'e' -> out.append('\u001b');
					case '"' -> out.append('"');
					case '\\' -> out.append('\\');
					case 'u' -> out.appendCodePoint(hex(4));
					case 'U' -> out.appendCodePoint(hex(8));
					default -> throw error("invalid escape '\\" + e + "'");
				}
			}
		}

		private int hex(int digits) {
			if (pos + digits > s.length()) {
				throw error("unterminated escape");
			}
			String h = s.substring(pos, pos + digits);
			pos += digits;
			try {
				int cp = Integer.parseInt(h, 16);
				if (!Character.isValidCodePoint(cp)) {
					throw error("invalid escape '\\u" + h + "'");
				}
				return cp;
			}
			catch (NumberFormatException ex) {
				throw error("invalid escape '\\u" + h + "'");
			}
		}
	}
}
