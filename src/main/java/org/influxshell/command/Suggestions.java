package org.influxshell.command;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?": the known spelling nearest to a mistyped one. */
public final class Suggestions {

	private Suggestions() {
	}

	/**
	 * The spelling of {@code known} with as many words as {@code typed} that is nearest to it, when
	 * it is near enough to be what was meant: one or two typing mistakes (a swapped pair counts one),
	 * fewer for short words.
	 */
	public static Optional<String> closest(String typed, Collection<String> known) {
		int words = typed.split(" ").length;
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String spelling : known) {
			if (spelling.split(" ").length != words) {
				continue;
			}
			int d = distance(typed, spelling);
			if (d < bestDistance) {
				best = spelling;
				bestDistance = d;
			}
		}
		String lastWord = typed.substring(typed.lastIndexOf(' ') + 1);
		return best != null && bestDistance <= Math.max(1, Math.min(2, lastWord.length() / 2)) ? Optional.of(best)
				: Optional.empty();
	}

	/** Damerau-Levenshtein (optimal string alignment) distance. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}
}
