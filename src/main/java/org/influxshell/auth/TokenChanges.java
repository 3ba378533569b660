package org.influxshell.auth;

import java.util.ArrayList;
import java.util.List;

import org.influxshell.cli.CliException;
import org.influxshell.command.Notes;
import org.influxshell.command.Questions;
import org.influxshell.connection.Connection;
import org.influxshell.http.ApiCalls;
import org.influxshell.output.TabTableRenderer;

import org.springframework.shell.table.ArrayTableModel;

/**
 * {@code auth inactive}, {@code auth active} and {@code auth delete}: select the tokens, then take
 * them down the {@link ChangePath}. The plan reads the tokens named with {@code --id} (a selector's
 * are read with the list) and keeps apart those already as asked. Meant means: the credentials
 * this command uses are never picked by a selector (when the server hides token values, or the
 * command signs in with a password, and the selection holds tokens of the caller's own user,
 * {@code --force} is needed); and on a terminal, changing several tokens picked by a selector,
 * or deleting several tokens, is asked first. Scripts and stdin are never asked: there
 * {@code inactive} and {@code active} go ahead, and deleting several tokens needs {@code --force}.
 */
public class TokenChanges {

	/** How many tokens a question shows before it counts the rest. */
	static final int SHOWN = 20;

	private final TokenSelector selector;

	private final ChangePath path;

	private final DirectoryClient directory;

	private final Questions questions;

	private final Notes notes;

	public TokenChanges(TokenSelector selector, ChangePath path, DirectoryClient directory, Questions questions,
			Notes notes) {
		this.selector = selector;
		this.path = path;
		this.directory = directory;
		this.questions = questions;
		this.notes = notes;
	}

	/**
	 * The same selection rules, questions and path for another kind of credential.
	 * @param other the path of that kind ({@link ChangePath#with})
	 * @param picker how that kind is selected
	 */
	public TokenChanges with(ChangePath other, TokenSelector picker) {
		return new TokenChanges(picker, other, directory, questions, notes);
	}

	/**
	 * Selects, plans, checks, asks when it must, and runs.
	 * @param force go ahead without asking, also with the caller's own tokens when the token in use cannot be recognised
	 * @throws CliException a usage error when the change needs {@code --force}, a failure when the
	 *         answer is no, and a single token's own failure when only one was selected
	 */
	public ChangePath.Outcome apply(Connection conn, TokenSelection selection, Change change, boolean force) {
		TokenSelector.Selection picked = selector.select(conn, selection);
		for (String id : picked.skipped()) {
			notes.line("skipped " + id + ": it is the token this command uses; name it with --id to change it");
		}
		List<String> ids = picked.ids();
		if (ids.isEmpty()) {
			return ChangePath.Outcome.none();
		}
		List<String> unread = ids.stream().filter(id -> !picked.listed().containsKey(id)).toList();
		ChangePath.Read read = path.read(conn, unread);
		List<ChangePath.Step> steps = new ArrayList<>();
		List<String> notRead = new ArrayList<>();
		for (String id : ids) {
			Authorization now = picked.listed().containsKey(id) ? picked.listed().get(id) : read.get(id);
			if (now != null) {
				steps.add(new ChangePath.Step(id, now, change));
			}
			else if (!read.failedIds().contains(id)) {
				notRead.add(id);
			}
		}
		if (ids.size() == 1 && read.stop() == null && !read.failures().isEmpty()) {
			// one token: its failure is the command's, one line as upstream prints it
			throw read.failures().get(0);
		}
		if (read.stop() != null || selection.dryRun()) {
			List<Authorization> would = steps.stream().filter(s -> !s.alreadySo()).map(ChangePath.Step::now).toList();
			List<Authorization> already = steps.stream().filter(ChangePath.Step::alreadySo).map(ChangePath.Step::now).toList();
			return new ChangePath.Outcome(ids.size(), would, already, read.failedIds(), read.failures(), List.of(),
					notRead, read.stop());
		}
		if (!force) {
			refuseOwnTokens(conn, picked);
			confirm(conn, selection, steps, change);
		}
		ChangePath.Outcome done = path.execute(conn, steps);
		if (ids.size() == 1 && done.stop() == null && !done.failures().isEmpty()) {
			throw done.failures().get(0);
		}
		return path.summarise(conn, done, read);
	}

	/**
	 * On a server that hides token values the token in use cannot be recognised, and a command that
	 * signs in with a password uses its user's session: a selection that holds tokens of the
	 * caller's own user may hold what the caller depends on, so it needs {@code --force}.
	 */
	private void refuseOwnTokens(Connection conn, TokenSelector.Selection picked) {
		boolean signedIn = conn.signIn() != null && conn.token().isEmpty();
		if (!selector.guardsInUse() || !picked.valuesHidden() && !signedIn || picked.bySelector().isEmpty()) {
			return;
		}
		String me = ApiCalls.describing("could not find the user of the token (GET /api/v2/me)",
				() -> directory.myUserId(conn));
		List<Authorization> own = picked.bySelector().stream().filter(a -> a.userID().equalsIgnoreCase(me)).toList();
		if (!own.isEmpty()) {
			String why = signedIn ? "this command signs in with a password, so the tokens the signed-in user depends on "
					+ "cannot be told apart" : "this server does not return token values, so the token in use cannot be "
							+ "recognised and left out";
			throw CliException.usage("the selection holds " + own.size() + " token(s) of the user this command runs as ("
					+ own.get(0).user() + "), and " + why + ": name the tokens with --id, or add --force to go ahead");
		}
	}

	private void confirm(Connection conn, TokenSelection selection, List<ChangePath.Step> steps, Change change) {
		List<ChangePath.Step> sent = steps.stream().filter(s -> !s.alreadySo()).toList();
		int count = sent.size();
		if (count < 2 || !selection.hasSelectors() && change != Change.DELETE) {
			return;
		}
		if (!questions.canAsk()) {
			if (change == Change.DELETE) {
				throw CliException.usage("deleting " + count + " " + plural() + " needs --force when not run from a terminal");
			}
			return;
		}
		int already = steps.size() - count;
		String also = already == 0 ? "" : " (" + already + " already " + ChangePath.target(change).value() + ")";
		if (!questions.confirm(shown(sent), change.verb() + " " + count + " " + plural() + also + "? [y/N] ")) {
			throw CliException.failure("nothing " + change.done());
		}
	}

	private String plural() {
		return path.credentials().plural();
	}

	/** The tokens a question is about: ID, description and user of the first {@link #SHOWN}, and a count of the rest. */
	private static List<String> shown(List<ChangePath.Step> steps) {
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "ID", "Description", "User" });
		for (ChangePath.Step s : steps.subList(0, Math.min(SHOWN, steps.size()))) {
			rows.add(new Object[] { s.rawId(), s.now().description(), s.now().user() });
		}
		List<String> lines = new ArrayList<>(
				TabTableRenderer.render(new ArrayTableModel(rows.toArray(new Object[0][])), false).lines().toList());
		int more = steps.size() - SHOWN;
		if (more > 0) {
			lines.add("... and " + more + " more");
		}
		return lines;
	}
}
