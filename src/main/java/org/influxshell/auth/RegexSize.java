package org.influxshell.auth;

/**
 * How large a regular expression's program would be, as Go's {@code regexp/syntax} counts it
 * closely enough to refuse what Go refuses: counted repetitions multiply (a {@code x{n,m}} is
 * {@code m} copies of {@code x}), so {@code ((a{1000}){1000}){1000}} stands for a billion
 * instructions. Go stops at {@link #GO_MAX_SIZE} ("expression too large"); RE2/J has no such limit
 * and would build it, taking minutes and gigabytes before the first match.
 */
final class RegexSize {

	/** Go's limit: 128 MiB of instructions of 40 bytes each. */
	static final long GO_MAX_SIZE = (128L << 20) / 40;

	private final String re;

	private int pos;

	/** The count of the last {@link #counted()} repetition: its upper bound, or its lower one plus one when open. */
	private long count;

	private RegexSize(String re) {
		this.re = re;
	}

	/** The estimated number of instructions, saturating at {@code Long.MAX_VALUE}. */
	static long of(String regex) {
		RegexSize size = new RegexSize(regex);
		long total = 0;
		while (size.pos < regex.length()) {
			total = add(total, size.alternation());
			if (size.pos < regex.length()) {
				// a stray closing parenthesis: the parser proper says what is wrong with it
				size.pos++;
			}
		}
		return total;
	}

	private long alternation() {
		long total = concatenation();
		while (pos < re.length() && re.charAt(pos) == '|') {
			pos++;
			total = add(add(total, 1), concatenation());
		}
		return total;
	}

	private long concatenation() {
		long total = 0;
		while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
			total = add(total, repetition());
		}
		return total;
	}

	private long repetition() {
		long size = atom();
		while (pos < re.length()) {
			char c = re.charAt(pos);
			if (c == '*' || c == '+' || c == '?') {
				pos++;
				size = add(size, 1);
			}
			else if (c == '{' && counted()) {
				size = multiply(size, Math.max(1, count));
			}
			else {
				break;
			}
			if (pos < re.length() && re.charAt(pos) == '?') {
				// non-greedy
				pos++;
			}
		}
		return size;
	}

	/** Reads {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code pos}; anything else is a literal brace. */
	private boolean counted() {
		int p = pos + 1;
		int start = p;
		while (p < re.length() && Character.isDigit(re.charAt(p))) {
			p++;
		}
		if (p == start || p - start > 9 || p >= re.length()) {
			return false;
		}
		long min = Long.parseLong(re.substring(start, p));
		long max = min;
		if (re.charAt(p) == ',') {
			p++;
			int maxStart = p;
			while (p < re.length() && Character.isDigit(re.charAt(p))) {
				p++;
			}
			if (p - maxStart > 9) {
				return false;
			}
			max = p == maxStart ? min + 1 : Long.parseLong(re.substring(maxStart, p));
		}
		if (p >= re.length() || re.charAt(p) != '}') {
			return false;
		}
		pos = p + 1;
		count = Math.max(min, max);
		return true;
	}

	private long atom() {
		char c = re.charAt(pos);
		if (c == '(') {
			pos++;
			if (pos < re.length() && re.charAt(pos) == '?') {
				// flags or a name: (?i) (?:x) (?P<name>x)
				while (pos < re.length() && re.charAt(pos) != ':' && re.charAt(pos) != ')' && re.charAt(pos) != '>') {
					pos++;
				}
				if (pos < re.length() && re.charAt(pos) == ')') {
					pos++;
					return 0;
				}
				pos++;
			}
			long inner = alternation();
			if (pos < re.length()) {
				// the closing parenthesis
				pos++;
			}
			return add(inner, 2);
		}
		if (c == '[') {
			skipClass();
			return 1;
		}
		if (c == '\\') {
			skipEscape();
			return 1;
		}
		pos++;
		return 1;
	}

	private void skipClass() {
		pos++;
		if (pos < re.length() && re.charAt(pos) == '^') {
			pos++;
		}
		if (pos < re.length() && re.charAt(pos) == ']') {
			// a leading ] is a member
			pos++;
		}
		while (pos < re.length() && re.charAt(pos) != ']') {
			if (re.charAt(pos) == '\\') {
				skipEscape();
			}
			else if (re.startsWith("[:", pos)) {
				int end = re.indexOf(":]", pos + 2);
				pos = end < 0 ? pos + 1 : end + 2;
			}
			else {
				pos++;
			}
		}
		pos++;
	}

	private void skipEscape() {
		pos++;
		if (pos >= re.length()) {
			return;
		}
		char c = re.charAt(pos++);
		if ((c == 'p' || c == 'P' || c == 'x') && pos < re.length() && re.charAt(pos) == '{') {
			int end = re.indexOf('}', pos);
			pos = end < 0 ? re.length() : end + 1;
		}
	}

	private static long add(long a, long b) {
		long sum = a + b;
		return sum < 0 ? Long.MAX_VALUE : sum;
	}

	private static long multiply(long a, long b) {
		return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
	}
}
