package org.influxshell.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;

import org.influxshell.cli.CliException;
import org.influxshell.cli.Durations;
import org.influxshell.command.Notes;
import org.influxshell.command.StopSignals;
import org.influxshell.command.StopSignals.Stop;
import org.influxshell.configs.Profile;
import org.influxshell.connection.Connection;
import org.influxshell.connection.ConnectionResolver;
import org.influxshell.http.ApiErrors;
import org.influxshell.http.HttpResponse;
import org.influxshell.http.InfluxApiException;
import org.influxshell.http.InfluxHttp;
import org.influxshell.http.JsonBodies;
import org.influxshell.http.TransportException;
import org.influxshell.http.V3Api;

import org.springframework.http.HttpMethod;

/**
 * {@code config status}: asks the server of each profile, all at once, whether it is reachable
 * ({@code GET /health}, whose round trip is the latency shown), what it is ({@code X-Influxdb-Build}
 * and {@code X-Influxdb-Version} of {@code GET /ping}) and whether the profile's credentials work
 * ({@code GET /api/v2/me} with the token, or the sign-in of a profile made with {@code -p}). Each
 * profile is checked as stored, with its own URL, credentials and certificate checks; each check
 * is bounded by the response timeout. Ctrl-C or SIGTERM ends the wait: the profiles answered by
 * then are reported, the others as not checked. Nothing is changed anywhere.
 * <p>
 * An InfluxDB 3 server (the profile's {@code product = "v3"}, or a {@code /ping} answered as only
 * InfluxDB 3 answers) is asked with the profile's token, since its {@code /health} and
 * {@code /ping} need one: {@code /ping} answers {@code 200} with the build and version,
 * {@code 401} for a token it does not take (it never says whether unknown, deleted, expired or
 * replaced) or, on Enterprise, {@code 403} for a token without the permission to ping. After a
 * {@code 200}, {@code GET /api/v3/configure/token} tells a server started without authentication
 * ({@code 405}) from one that checks tokens ({@code 404} for a token it takes, {@code 401} for one it
 * does not, when {@code /ping} was opened to all), and the token's own row of {@code system.tokens},
 * found by the hash the server shows, gives its name and expiry when the token may read it.
 */
public class ProfileChecks {

	/** How long the checks run before a progress line is shown on a terminal. */
	static final Duration QUIET = Duration.ofSeconds(1);

	private final InfluxHttp http;

	private final ConnectionResolver resolver;

	private final Duration timeout;

	private final Notes notes;

	private final StopSignals signals;

	public ProfileChecks(InfluxHttp http, ConnectionResolver resolver, Duration timeout, Notes notes,
			StopSignals signals) {
		this.http = http;
		this.resolver = resolver;
		this.timeout = timeout;
		this.notes = notes;
		this.signals = signals;
	}

	/** The problem of a profile whose check a stop cut off. */
	static final String NOT_CHECKED = "not checked";

	/**
	 * The answers of a run of checks.
	 *
	 * @param checks one per profile, in the profiles' order; those a stop cut off are not checked
	 * @param notChecked the profiles a stop cut off, in order
	 * @param stop why the run stopped early, or {@code null} when it ran to the end
	 */
	record Checked(List<Check> checks, List<Profile> notChecked, Stop stop) {
	}

	/** What the credentials were found to be, in the words shown. */
	enum Credentials {
		VALID("valid"), INVALID("invalid token"), INACTIVE("inactive token"), INACTIVE_USER("inactive user"),
		REFUSED("sign-in refused"), NONE("none"), PASSWORD_ASKED("not checked (password asked at sign-in)"),
		NOT_CHECKED("not checked"),
		/** InfluxDB 3's one answer for every token it does not take. */
		NOT_ACCEPTED("token not accepted (unknown, deleted, expired or replaced)"),
		/** InfluxDB 3 Enterprise: a resource token without {@code system:ping:read}. */
		LIMITED("valid, lacks system:ping:read"),
		/** InfluxDB 3 started {@code --without-auth}: any token goes. */
		NO_AUTH("server runs without authentication");

		final String words;

		Credentials(String words) {
			this.words = words;
		}
	}

	/**
	 * One profile's answer.
	 *
	 * @param profile the profile checked
	 * @param url the base URL asked
	 * @param reachable the server answered {@code /health}
	 * @param build {@code X-Influxdb-Build} of {@code /ping}, empty when not known
	 * @param version {@code X-Influxdb-Version} of {@code /ping}, empty when not known
	 * @param user the user the credentials belong to, empty when not known
	 * @param credentials what the credentials were found to be
	 * @param latency the round trip of {@code /health}, or {@code null} when it did not come back
	 * @param problem the problem in plain words ({@code unreachable}, {@code TLS error}, ...), empty when none
	 * @param detail the request and cause behind the problem, empty when none
	 * @param product {@code v3} when the server is InfluxDB 3, else {@code v2}
	 * @param expires InfluxDB 3: the day the token expires ({@code 2026-12-31}), empty when never or not known
	 */
	record Check(Profile profile, String url, boolean reachable, String build, String version, String user,
			Credentials credentials, Duration latency, String problem, String detail, String product, String expires) {

		/** A check of an InfluxDB 2 server. */
		Check(Profile profile, String url, boolean reachable, String build, String version, String user,
				Credentials credentials, Duration latency, String problem, String detail) {
			this(profile, url, reachable, build, version, user, credentials, latency, problem, detail, Connection.V2, "");
		}

		boolean ok() {
			return problem.isEmpty();
		}

		boolean isV3() {
			return Connection.V3.equals(product);
		}

		/** {@code OSS v2.7.12}, {@code Core 3.10.0}, or the problem that kept the server from being asked. */
		String server() {
			if (!reachable) {
				return problem;
			}
			String s = (build + " " + version).strip();
			return !s.isEmpty() ? s : isV3() ? "InfluxDB 3" : "unknown";
		}

		/** {@code valid}, {@code valid, expires 2026-12-31}, {@code invalid token}... */
		String credentialsText() {
			return credentials.words + (expires.isEmpty() ? "" : ", expires " + expires);
		}

		/**
		 * The generation the profile should keep, when the server turned out to be of another one
		 * than the profile says (or the profile does not say); else empty.
		 */
		String productToKeep() {
			if (!reachable || profile.product().equals(product)) {
				return "";
			}
			return isV3() || !profile.product().isEmpty() ? product : "";
		}

		/** {@code config "lab": unreachable: GET http://...: connection refused}. */
		String message() {
			return "config \"" + profile.name() + "\": " + problem + (detail.isEmpty() ? "" : ": " + detail);
		}
	}

	/**
	 * Checks every profile given, in parallel; the answers come back in the profiles' order. A
	 * signal ends the wait at once: nothing is sent any more, and the checks still out are cancelled.
	 */
	Checked check(List<Profile> profiles, String configsPath) {
		if (profiles.isEmpty()) {
			return new Checked(List.of(), List.of(), null);
		}
		AtomicInteger n = new AtomicInteger();
		ThreadFactory threads = r -> {
			Thread t = new Thread(r, "influx-shell-status-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(profiles.size(), 32), threads);
		BlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
		AtomicReferenceArray<Check> answers = new AtomicReferenceArray<>(profiles.size());
		List<Future<?>> futures = new ArrayList<>();
		try {
			Stop stop;
			try (StopSignals.Watch watch = signals.watch()) {
				for (int i = 0; i < profiles.size(); i++) {
					int index = i;
					Profile p = profiles.get(i);
					futures.add(pool.submit(() -> {
						try {
							answers.set(index, check(p, configsPath));
						}
						catch (RuntimeException ex) {
							// check() answers every failure itself: this is a bug, shown as one line all the same
							answers.set(index, failed(p, p.url(), "not checked", String.valueOf(ex.getMessage())));
						}
						finally {
							finished.add(index);
						}
					}));
				}
				boolean cut = !waitFor(profiles.size(), finished);
				// a signal that came as the last check ended still asked the run to stop
				stop = cut && watch.received() == null ? Stop.INTERRUPT : watch.received();
			}
			// the signal, if any, was taken: the answers are collected with the thread's interrupt cleared
			Thread.interrupted();
			List<Check> checks = new ArrayList<>();
			List<Profile> notChecked = new ArrayList<>();
			for (int i = 0; i < profiles.size(); i++) {
				Check answer = answers.get(i);
				Profile p = profiles.get(i);
				if (answer == null) {
					futures.get(i).cancel(true);
					if (stop != null) {
						notChecked.add(p);
						answer = failed(p, p.url(), NOT_CHECKED, "");
					}
					else {
						answer = failed(p, p.url(), "no response", "no answer within " + Durations.text(timeout));
					}
				}
				checks.add(answer);
			}
			return new Checked(checks, notChecked, stop);
		}
		finally {
			notes.endProgress();
			pool.shutdownNow();
		}
	}

	/**
	 * Waits until every check is done or their time is up: the response timeout plus two seconds,
	 * so that a request's own timeout, which names the request, comes first (a cold HTTP client
	 * takes a moment before its request's clock starts). A progress line shows how
	 * many are done once the checks take over a second.
	 * @return {@code false} when a signal cut the wait short
	 */
	private boolean waitFor(int total, BlockingQueue<Integer> finished) {
		long start = System.nanoTime();
		long deadline = start + timeout.plusSeconds(2).toNanos();
		long quietUntil = start + QUIET.toNanos();
		int done = 0;
		try {
			while (done < total) {
				long now = System.nanoTime();
				if (now >= deadline) {
					return true;
				}
				long until = now < quietUntil ? quietUntil : deadline;
				Integer next = finished.poll(until - now, TimeUnit.NANOSECONDS);
				if (next != null) {
					done++;
				}
				if (System.nanoTime() >= quietUntil && done < total) {
					notes.progress("checking " + total + " configs: " + done + " done");
				}
			}
			return true;
		}
		catch (InterruptedException ex) {
			return false;
		}
	}

	private static Check failed(Profile p, String url, String problem, String detail) {
		return new Check(p, url, false, "", "", "", Credentials.NOT_CHECKED, null, problem, detail);
	}

	/** One profile, start to end; never throws. */
	Check check(Profile p, String configsPath) {
		Connection conn;
		try {
			conn = resolver.stored(p, configsPath);
		}
		catch (CliException ex) {
			return failed(p, p.url(), "not checked", ex.getMessage());
		}
		String url = conn.baseUrl();
		// reachable: /health needs no credentials on a 2.x server, and no sign-in is made before it is known
		Connection plain = conn.signIn() == null ? conn : conn.withToken("");
		long start = System.nanoTime();
		HttpResponse health;
		try {
			health = http.exchange(plain, HttpMethod.GET, "/health", null);
		}
		catch (TransportException ex) {
			return failed(p, url, transportProblem(ex), ex.getMessage());
		}
		catch (CliException ex) {
			// a CA file that is missing or not PEM: the server was not asked
			return failed(p, url, "not checked", ex.getMessage());
		}
		Duration latency = Duration.ofNanos(System.nanoTime() - start);
		HttpResponse ping = null;
		CliException pingFailure = null;
		try {
			ping = http.exchange(plain, HttpMethod.GET, "/ping", null);
		}
		catch (CliException ex) {
			// the version is a detail: the server answered /health
			pingFailure = ex;
		}
		boolean healthy = health.isSuccess() || health.status() == 401 || health.status() == 403;
		String problem = healthy ? "" : "not healthy";
		String detail = healthy ? "" : "GET " + url + "/health: " + ApiErrors.statusLine(health.status());
		if (isV3(ping, p.product())) {
			return checkV3(p, conn, ping, pingFailure, latency, problem, detail);
		}
		return checkV2(p, conn, ping, latency, problem, detail);
	}

	/**
	 * The rest of the check of an InfluxDB 2 server, after {@code /health} and {@code /ping}: the
	 * credentials, by {@code GET /api/v2/me} (signing in first for a profile made with {@code -p}).
	 * @param ping the answer to {@code /ping}, or {@code null} when none came
	 * @param problem {@code /health}'s problem, empty when none: it comes before the credentials'
	 */
	private Check checkV2(Profile p, Connection conn, HttpResponse ping, Duration latency, String problem,
			String detail) {
		String url = conn.baseUrl();
		String build = ping == null ? "" : ping.header("X-Influxdb-Build");
		String version = ping == null ? "" : ping.header("X-Influxdb-Version");
		Credentials credentials;
		String user = "";
		if (conn.signIn() != null && conn.signIn().kept() == null) {
			credentials = Credentials.PASSWORD_ASKED;
		}
		else if (conn.signIn() == null && conn.token().isEmpty()) {
			credentials = Credentials.NONE;
		}
		else {
			try {
				JsonNode me = JsonBodies.tree(http.send(conn, HttpMethod.GET, "/api/v2/me", null), HttpMethod.GET,
						"/api/v2/me");
				user = me.path("name").asText("");
				credentials = Credentials.VALID;
			}
			catch (InfluxApiException ex) {
				credentials = credentials(ex);
				if (problem.isEmpty()) {
					problem = credentials == Credentials.NOT_CHECKED ? "credentials not checked" : credentials.words;
					detail = "GET " + url + "/api/v2/me: " + ex.getMessage();
				}
			}
			catch (CliException ex) {
				boolean signIn = conn.signIn() != null && ex.getMessage().startsWith("error creating session");
				credentials = signIn ? Credentials.REFUSED : Credentials.NOT_CHECKED;
				if (problem.isEmpty()) {
					problem = signIn ? "sign-in refused" : isTls(ex) ? "TLS error" : "credentials not checked";
					detail = ex.getMessage();
				}
			}
		}
		return new Check(p, url, true, build, version, user, credentials, latency, problem, detail);
	}

	/**
	 * Whether the server is InfluxDB 3: its {@code /ping} says so (a {@code 200} from build
	 * {@code Core} or {@code Enterprise}, or a refusal with the {@code cluster-uuid} header that
	 * InfluxDB 3 puts on every answer and without the version header InfluxDB 2 puts on every
	 * answer), or it did not say what it is and the profile says {@code v3}.
	 */
	static boolean isV3(HttpResponse ping, String stored) {
		if (ping != null) {
			String build = ping.header("x-influxdb-build").toLowerCase(Locale.ROOT);
			if (ping.status() == 200 && (build.equals("core") || build.equals("enterprise"))) {
				return true;
			}
			boolean refused = ping.status() == 400 || ping.status() == 401 || ping.status() == 403;
			if (refused && !ping.header("cluster-uuid").isEmpty() && ping.header("x-influxdb-version").isEmpty()) {
				return true;
			}
			if (ping.status() == 204) {
				return false;
			}
		}
		return Connection.V3.equals(stored);
	}

	/** Said for a profile made with {@code -p USER:PASSWORD} whose server is InfluxDB 3. */
	static final String NO_SIGN_IN = "InfluxDB 3 has no sign-in with a user and password: give the profile a token "
			+ "(config set -n NAME -t TOKEN)";

	/**
	 * The rest of the check of an InfluxDB 3 server, after {@code /health} and {@code /ping}: what
	 * {@code /ping} said of the token, then for a token it took whether the server checks tokens at
	 * all, and the token's name and expiry.
	 * @param ping the answer to {@code /ping}, or {@code null} when none came ({@code pingFailure} says why)
	 * @param healthProblem {@code /health}'s problem, empty when none: it comes before the credentials'
	 */
	private Check checkV3(Profile p, Connection conn, HttpResponse ping, CliException pingFailure, Duration latency,
			String healthProblem, String healthDetail) {
		String url = conn.baseUrl();
		if (conn.signIn() != null || ping == null) {
			String why = conn.signIn() != null ? NO_SIGN_IN : pingFailure.getMessage();
			// a /ping answered to a sign-in profile still says nothing of its credentials: no build shown either
			return v3Check(p, url, null, Credentials.NOT_CHECKED, latency, OwnRow.UNKNOWN,
					healthProblem.isEmpty() ? "credentials not checked" : healthProblem,
					healthProblem.isEmpty() ? why : healthDetail);
		}
		// after a 200 of /ping the token endpoints tell the rest; else /ping's refusal is the verdict
		String asked = ping.status() == 200 ? V3Api.TOKEN : "/ping";
		HttpResponse answer = ping.status() == 200 ? tokenEndpoint(conn) : ping;
		Credentials credentials = v3Verdict(ping, ping.status() == 200 ? answer : null, !conn.token().isEmpty());
		String problem = healthProblem;
		String detail = healthDetail;
		boolean refused = credentials == Credentials.NOT_ACCEPTED || credentials == Credentials.INVALID
				|| credentials == Credentials.NOT_CHECKED;
		if (refused && problem.isEmpty()) {
			problem = credentials == Credentials.NOT_CHECKED ? "credentials not checked" : credentials.words;
			detail = "GET " + url + asked + ": " + http.v3Error(conn, asked, answer).getMessage();
		}
		OwnRow row = credentials == Credentials.VALID ? ownRow(conn) : OwnRow.UNKNOWN;
		return v3Check(p, url, ping, credentials, latency, row, problem, detail);
	}

	/**
	 * A check of an InfluxDB 3 server that answered {@code /health}; its build and version only
	 * from a {@code 200} of {@code /ping}, the one answer that carries them.
	 */
	private static Check v3Check(Profile p, String url, HttpResponse ping, Credentials credentials, Duration latency,
			OwnRow row, String problem, String detail) {
		boolean pinged = ping != null && ping.status() == 200;
		return new Check(p, url, true, pinged ? ping.header("x-influxdb-build") : "",
				pinged ? ping.header("x-influxdb-version") : "", row.name(), credentials, latency, problem, detail,
				Connection.V3, row.expires());
	}

	/**
	 * What an InfluxDB 3 server's answers say of a token. {@code /ping} {@code 200}: the server took
	 * the token, or runs without authentication ({@code 405 ... without auth} from the token
	 * endpoints), or opened {@code /ping} to all, and then the token endpoints' {@code 401} is the
	 * token's verdict. Else {@code /ping}'s refusal: {@code 401} for a token it does not take (never
	 * saying why), {@code 400} for a header it cannot read, on Enterprise {@code 403} for a token
	 * without the permission to ping.
	 * @param ping the answer to {@code /ping}
	 * @param tokens the token endpoints' answer after a {@code 200} of {@code /ping}, or {@code null}
	 *        when none came or none was asked
	 * @param hasToken whether the profile has a token
	 */
	static Credentials v3Verdict(HttpResponse ping, HttpResponse tokens, boolean hasToken) {
		if (ping.status() == 200) {
			if (tokens != null && tokens.status() == 405 && tokens.text().contains("without auth")) {
				return Credentials.NO_AUTH;
			}
			if (!hasToken) {
				return Credentials.NONE;
			}
			// /ping is open to all on this server (--disable-authz ping): this is the token's verdict
			return tokens != null && tokens.status() == 401 ? Credentials.NOT_ACCEPTED : Credentials.VALID;
		}
		return switch (ping.status()) {
			case 401 -> hasToken ? Credentials.NOT_ACCEPTED : Credentials.NONE;
			case 400 -> Credentials.INVALID;
			case 403 -> Credentials.LIMITED;
			default -> Credentials.NOT_CHECKED;
		};
	}

	/**
	 * After {@code /ping} answered {@code 200}: {@code GET /api/v3/configure/token}, which changes
	 * nothing (there is no such route), is {@code 405 endpoint disabled, started without auth} on a
	 * server without authentication, {@code 401} for a token the server does not take (its
	 * {@code /ping} is then open to all) and {@code 404} for one it takes.
	 * @return the answer, or {@code null} when none came: {@code /ping}'s then stands
	 */
	private HttpResponse tokenEndpoint(Connection conn) {
		try {
			return http.exchange(conn, HttpMethod.GET, V3Api.TOKEN, null);
		}
		catch (CliException ex) {
			return null;
		}
	}

	/**
	 * A token's own row of {@code system.tokens}, as far as it was read.
	 *
	 * @param name the token's name, empty when not known
	 * @param expires the day it expires ({@code 2026-12-31}), empty when never or not known
	 */
	private record OwnRow(String name, String expires) {

		static final OwnRow UNKNOWN = new OwnRow("", "");
	}

	/**
	 * The name and expiry day of the token's own row of {@code system.tokens}, found by the first
	 * nine hex characters of its SHA-512 (the hash the server shows), or nothing when the token may
	 * not read the table or no one row has that hash. A token that expired is not taken at all, so
	 * the day is never past.
	 */
	private OwnRow ownRow(Connection conn) {
		String body = V3Api.tokensQuery("name, expiry", V3Api.shownHash(Connection.asSent(conn.token())));
		try {
			HttpResponse r = http.exchange(conn, HttpMethod.POST, V3Api.QUERY_SQL, body);
			if (!r.isSuccess()) {
				return OwnRow.UNKNOWN;
			}
			JsonNode rows = JsonBodies.tree(r, HttpMethod.POST, V3Api.QUERY_SQL);
			if (!rows.isArray() || rows.size() != 1) {
				return OwnRow.UNKNOWN;
			}
			String expiry = rows.get(0).path("expiry").asText("");
			return new OwnRow(rows.get(0).path("name").asText(""), expiry.length() >= 10 ? expiry.substring(0, 10) : "");
		}
		catch (CliException ex) {
			return OwnRow.UNKNOWN;
		}
	}

	/**
	 * The server's verdict on the credentials: a 2.x server answers an unknown token early and
	 * compactly ({@code 401 unauthorized access}), an inactive one from the handler
	 * ({@code 401 token is inactive}), and a token of an inactive user {@code 403 User is inactive}.
	 */
	private static Credentials credentials(InfluxApiException ex) {
		String message = ex.serverMessage().toLowerCase(Locale.ROOT);
		if (ex.status() == 401) {
			return message.contains("inactive") ? Credentials.INACTIVE : Credentials.INVALID;
		}
		if (ex.status() == 403 && message.contains("user is inactive")) {
			return Credentials.INACTIVE_USER;
		}
		return Credentials.NOT_CHECKED;
	}

	/** {@code TLS error}, {@code no response} (it connected, then said nothing in time) or {@code unreachable}. */
	private static String transportProblem(TransportException ex) {
		if (isTls(ex)) {
			return "TLS error";
		}
		return ex.getMessage().contains(": no response within ") ? "no response" : "unreachable";
	}

	private static boolean isTls(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SSLException) {
				return true;
			}
		}
		return false;
	}
}
