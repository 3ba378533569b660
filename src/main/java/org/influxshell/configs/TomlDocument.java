package org.influxshell.configs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.influxshell.configs.TomlCodec.Cursor;
import org.influxshell.configs.TomlCodec.TomlException;

/**
 * A configs file as the user wrote it, line by line, and the profiles it holds. A change of the
 * profiles is written back by changing only the lines it must: a changed value is replaced on
 * its own line (key spelling, spacing and a trailing comment stay), a new key goes after the
 * table's last key, a removed table takes its header and keys with it, and a new table goes at
 * its sorted place among the tables. Everything else (comments, blank lines, key order, unknown
 * keys, the byte-order mark, line endings) stays as it was. Upstream rewrites the whole file and
 * drops what it does not know; keeping it is deliberate.
 */
final class TomlDocument {

	/** The keys of a profile, in the order upstream writes them. */
	private static final List<String> KNOWN = List.of("url", "token", "org", "active", "previous", "cookie",
			"skip-verify", "ca-cert", "product");

	private static final Set<String> STRINGS = Set.of("url", "token", "org", "cookie", "ca-cert", "product");

	private static final Set<String> BOOLEANS = Set.of("active", "previous", "skip-verify");

	private static final List<String> TRAILER = List.of(TomlCodec.TRAILER.split("\n"));

	private static final String BOM = "\uFEFF";

	/**
	 * One line of the file.
	 *
	 * @param text the line without its end
	 * @param end the line end it had ({@code \n}, {@code \r\n} or {@code \r})
	 * @param kind what the line is
	 * @param table the table a header or key line belongs to
	 * @param key a key line's key: a profile key in lower case, any other key as written
	 * @param valueStart where a key line's value starts in {@code text}
	 * @param valueEnd where it ends
	 */
	private record Line(String text, String end, Kind kind, String table, String key, int valueStart, int valueEnd) {

		static Line other(String text, String end) {
			return new Line(text, end, Kind.OTHER, null, null, 0, 0);
		}

		boolean isBlank() {
			return kind == Kind.OTHER && text.isBlank();
		}

		boolean isComment() {
			return kind == Kind.OTHER && text.strip().startsWith("#");
		}

		int indent() {
			int i = 0;
			while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
				i++;
			}
			return i;
		}

		Line withValue(String value) {
			return new Line(text.substring(0, valueStart) + value + text.substring(valueEnd), end, kind, table, key,
					valueStart, valueStart + value.length());
		}
	}

	private enum Kind {
		TABLE, KEY, OTHER
	}

	private final boolean bom;

	private final String newline;

	private final boolean finalNewline;

	private final List<Line> lines;

	private final Profiles profiles;

	private TomlDocument(boolean bom, String newline, boolean finalNewline, List<Line> lines, Profiles profiles) {
		this.bom = bom;
		this.newline = newline;
		this.finalNewline = finalNewline;
		this.lines = lines;
		this.profiles = profiles;
	}

	/** The profiles the file holds. */
	Profiles profiles() {
		return profiles;
	}

	/** Whether the file holds nothing but blanks: it is then written like a new file. */
	boolean isBlank() {
		return lines.stream().allMatch(Line::isBlank);
	}

	/**
	 * Parses a configs file.
	 * @throws TomlException with the 1-based line of the first problem
	 */
	static TomlDocument parse(String text) {
		boolean bom = text.startsWith(BOM);
		String body = bom ? text.substring(1) : text;
		List<String[]> raw = split(body);
		String newline = raw.isEmpty() || raw.get(0)[1].isEmpty() ? "\n" : raw.get(0)[1];
		boolean finalNewline = raw.isEmpty() || !raw.get(raw.size() - 1)[1].isEmpty();
		List<Line> lines = new ArrayList<>();
		Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
		Map<String, String> spellings = new HashMap<>();
		Map<String, Object> current = null;
		String table = null;
		for (int i = 0; i < raw.size(); i++) {
			int lineNo = i + 1;
			String s = raw.get(i)[0];
			String end = raw.get(i)[1].isEmpty() ? newline : raw.get(i)[1];
			Cursor c = new Cursor(s, lineNo);
			c.skipSpace();
			if (c.atEnd() || c.peek() == '#') {
				lines.add(Line.other(s, end));
				continue;
			}
			if (c.peek() == '[') {
				table = header(c, lineNo);
				if (tables.containsKey(table)) {
					throw new TomlException(lineNo, "table [" + table + "] is defined twice");
				}
				current = new HashMap<>();
				spellings.clear();
				tables.put(table, current);
				lines.add(new Line(s, end, Kind.TABLE, table, null, 0, 0));
				continue;
			}
			String written = c.key();
			c.skipSpace();
			c.expect('=');
			c.skipSpace();
			int valueStart = c.pos;
			Object value = c.value();
			int valueEnd = c.pos;
			c.endOfLine();
			if (current == null) {
				throw new TomlException(lineNo, "key \"" + written + "\" is outside any config table");
			}
			String key = KNOWN.stream().filter(written::equalsIgnoreCase).findFirst().orElse(written);
			if (current.containsKey(key)) {
				String first = spellings.get(key);
				throw new TomlException(lineNo, "key \"" + written + "\" is defined twice"
						+ (first.equals(written) ? "" : " (also as \"" + first + "\")"));
			}
			checkType(key, written, value, lineNo);
			current.put(key, value);
			spellings.put(key, written);
			lines.add(new Line(s, end, Kind.KEY, table, key, valueStart, valueEnd));
		}
		List<Profile> list = new ArrayList<>();
		tables.forEach((name, t) -> list.add(new Profile(name, string(t, "url"), string(t, "token"), string(t, "org"),
				Boolean.TRUE.equals(t.get("active")), Boolean.TRUE.equals(t.get("previous")), string(t, "cookie"),
				Boolean.TRUE.equals(t.get("skip-verify")), string(t, "ca-cert"), string(t, "product"))));
		return new TomlDocument(bom, newline, finalNewline, lines, new Profiles(list));
	}

	/** Splits text into lines and their ends; a last line without an end gets an empty one. */
	private static List<String[]> split(String text) {
		List<String[]> out = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (ch == '\n' || ch == '\r') {
				String end = ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : String.valueOf(ch);
				out.add(new String[] { text.substring(start, i), end });
				i += end.length() - 1;
				start = i + 1;
			}
		}
		if (start < text.length()) {
			out.add(new String[] { text.substring(start), "" });
		}
		return out;
	}

	private static String header(Cursor c, int lineNo) {
		c.next();
		if (!c.atEnd() && c.peek() == '[') {
			throw new TomlException(lineNo, "arrays of tables are not supported");
		}
		c.skipSpace();
		String name = c.key();
		c.skipSpace();
		if (!c.atEnd() && c.peek() == '.') {
			throw new TomlException(lineNo, "dotted table names are not supported");
		}
		c.expect(']');
		c.endOfLine();
		return name;
	}

	private static void checkType(String key, String written, Object value, int lineNo) {
		if (STRINGS.contains(key) && !(value instanceof String)) {
			throw new TomlException(lineNo, "\"" + written + "\" must be a string");
		}
		if (BOOLEANS.contains(key) && !(value instanceof Boolean)) {
			throw new TomlException(lineNo, "\"" + written + "\" must be a boolean");
		}
	}

	private static String string(Map<String, Object> table, String key) {
		Object v = table.get(key);
		return v == null ? "" : (String) v;
	}

	/** The file with {@code after} in place of {@link #profiles()}, changed only where the profiles differ. */
	String edit(Profiles after) {
		List<Line> out = new ArrayList<>(lines);
		Map<String, Profile> old = new TreeMap<>();
		profiles.all().forEach(p -> old.put(p.name(), p));
		for (Profile p : after.all()) {
			Profile was = old.get(p.name());
			if (was != null && !was.equals(p)) {
				change(out, was, p);
			}
		}
		for (Profile p : profiles.all()) {
			if (after.get(p.name()).isEmpty()) {
				remove(out, p.name());
			}
		}
		for (Profile p : after.all()) {
			if (!old.containsKey(p.name())) {
				add(out, p);
			}
		}
		return render(out);
	}

	private String render(List<Line> out) {
		StringBuilder text = new StringBuilder(bom ? BOM : "");
		for (int i = 0; i < out.size(); i++) {
			text.append(out.get(i).text());
			if (finalNewline || i < out.size() - 1) {
				text.append(out.get(i).end());
			}
		}
		return text.toString();
	}

	private void change(List<Line> out, Profile was, Profile now) {
		String table = now.name();
		setString(out, table, "url", was.url(), now.url(), false);
		setString(out, table, "token", was.token(), now.token(), false);
		setString(out, table, "org", was.org(), now.org(), false);
		setFlag(out, table, "active", was.active(), now.active());
		setFlag(out, table, "previous", was.previous(), now.previous());
		setString(out, table, "cookie", was.cookie(), now.cookie(), true);
		setFlag(out, table, "skip-verify", was.skipVerify(), now.skipVerify());
		setString(out, table, "ca-cert", was.caCert(), now.caCert(), true);
		setString(out, table, "product", was.product(), now.product(), true);
	}

	private void setString(List<Line> out, String table, String key, String was, String now, boolean dropEmpty) {
		if (was.equals(now)) {
			return;
		}
		if (now.isEmpty() && dropEmpty) {
			removeKey(out, table, key);
		}
		else {
			setKey(out, table, key, TomlCodec.quote(now));
		}
	}

	private void setFlag(List<Line> out, String table, String key, boolean was, boolean now) {
		if (was == now) {
			return;
		}
		if (now) {
			setKey(out, table, key, "true");
		}
		else {
			removeKey(out, table, key);
		}
	}

	private void setKey(List<Line> out, String table, String key, String value) {
		int header = header(out, table);
		int end = tableEnd(out, header);
		for (int i = header + 1; i < end; i++) {
			if (key.equals(out.get(i).key())) {
				out.set(i, out.get(i).withValue(value));
				return;
			}
		}
		int last = lastKey(out, header);
		int at = last + 1;
		int order = KNOWN.indexOf(key);
		for (int i = header + 1; i <= last; i++) {
			Line l = out.get(i);
			if (l.kind() == Kind.KEY && KNOWN.indexOf(l.key()) > order) {
				at = i;
				break;
			}
		}
		Line neighbour = out.get(at <= last ? at : last);
		String indent = neighbour.kind() == Kind.KEY ? neighbour.text().substring(0, neighbour.indent()) : "  ";
		String text = indent + key + " = " + value;
		out.add(at, new Line(text, newline, Kind.KEY, table, key, text.length() - value.length(), text.length()));
	}

	private void removeKey(List<Line> out, String table, String key) {
		int header = header(out, table);
		int end = tableEnd(out, header);
		for (int i = header + 1; i < end; i++) {
			if (key.equals(out.get(i).key())) {
				out.remove(i);
				return;
			}
		}
	}

	/** Takes out a table's header, its keys and the comments among them, and one blank line beside it. */
	private void remove(List<Line> out, String table) {
		int header = header(out, table);
		int last = ownLines(out, header);
		out.subList(header, last + 1).clear();
		if (header > 0 && out.get(header - 1).isBlank()) {
			out.remove(header - 1);
		}
		else if (header < out.size() && out.get(header).isBlank()) {
			out.remove(header);
		}
	}

	/**
	 * Puts a new table before the first table whose name sorts after it (and before comments that
	 * lead up to that table), else after the last table, else before upstream's commented block,
	 * else at the end.
	 */
	private void add(List<Line> out, Profile p) {
		List<Line> block = new ArrayList<>();
		for (String text : TomlCodec.table(p)) {
			Cursor c = new Cursor(text, 0);
			c.skipSpace();
			if (block.isEmpty()) {
				block.add(new Line(text, newline, Kind.TABLE, p.name(), null, 0, 0));
				continue;
			}
			String key = c.key();
			int valueStart = text.indexOf(" = ") + 3;
			block.add(new Line(text, newline, Kind.KEY, p.name(), key, valueStart, text.length()));
		}
		Line blank = Line.other("", newline);
		int next = -1;
		int lastTable = -1;
		for (int i = 0; i < out.size(); i++) {
			if (out.get(i).kind() == Kind.TABLE) {
				lastTable = i;
				if (next < 0 && out.get(i).table().compareTo(p.name()) > 0) {
					next = i;
				}
			}
		}
		if (next >= 0) {
			int at = next;
			while (at > 0 && out.get(at - 1).isComment() && out.get(at - 1).indent() == 0) {
				at--;
			}
			block.add(blank);
			out.addAll(at, block);
		}
		else if (lastTable >= 0) {
			block.add(0, blank);
			out.addAll(ownLines(out, lastTable) + 1, block);
		}
		else if (endsWithTrailer(out)) {
			out.addAll(out.size() - TRAILER.size(), block);
		}
		else {
			if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
				block.add(0, blank);
			}
			out.addAll(block);
		}
	}

	private static boolean endsWithTrailer(List<Line> out) {
		if (out.size() < TRAILER.size()) {
			return false;
		}
		List<String> tail = out.subList(out.size() - TRAILER.size(), out.size()).stream().map(Line::text).toList();
		return tail.equals(TRAILER);
	}

	private static int header(List<Line> out, String table) {
		for (int i = 0; i < out.size(); i++) {
			if (out.get(i).kind() == Kind.TABLE && out.get(i).table().equals(table)) {
				return i;
			}
		}
		throw new IllegalStateException("no table [" + table + "]");
	}

	/** The index after a table's lines: the next header, or the end. */
	private static int tableEnd(List<Line> out, int header) {
		int i = header + 1;
		while (i < out.size() && out.get(i).kind() != Kind.TABLE) {
			i++;
		}
		return i;
	}

	/** The table's last key line, or its header when it has no keys. */
	private static int lastKey(List<Line> out, int header) {
		int last = header;
		int end = tableEnd(out, header);
		for (int i = header + 1; i < end; i++) {
			if (out.get(i).kind() == Kind.KEY) {
				last = i;
			}
		}
		return last;
	}

	/**
	 * The table's last own line: its last key, or the comments right after it that are indented like
	 * its keys (a commented-out backup token, say). What follows at the left margin, such as
	 * upstream's commented block, belongs to no table.
	 */
	private static int ownLines(List<Line> out, int header) {
		int last = lastKey(out, header);
		int indent = Math.max(1, out.get(last).kind() == Kind.KEY ? out.get(last).indent() : 1);
		int end = tableEnd(out, header);
		while (last + 1 < end && out.get(last + 1).isComment() && out.get(last + 1).indent() >= indent) {
			last++;
		}
		return last;
	}
}
