/*
 * influx-shell-client: the warm console's native client. The launcher starts it, when the
 * user's daemon socket exists, as
 *
 *     influx-shell-client LAUNCHER JAVA_HOME [ARGUMENT...]
 *
 * It hands the daemon the command (arguments, working folder, environment, which streams are
 * terminals), writes what comes back to stdout and stderr, feeds stdin when the command reads
 * it, forwards SIGINT and SIGTERM, and exits with the command's code. When no daemon of this
 * build and user answers, or the daemon says so, it runs LAUNCHER again, cold, in its place.
 * The frames and every rule it follows: PROTOCOL.md beside this file (the JDK client follows
 * the same). POSIX and Linux's SO_PEERCRED; nothing beyond the C library.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#ifndef INFLUX_SHELL_BUILD
#define INFLUX_SHELL_BUILD "dev unknown" /* the build writes "VERSION BUILD_TIME" here */
#endif

#define MAX_FRAME (1 << 20)

extern char **environ;

static char **cold_argv;  /* LAUNCHER ARGUMENT... */
static char *identity, *home, *folder;
static const char *sock_path;
static int sock = -1;
static int started;       /* the daemon has begun: from here on no cold run, ever */
static int signals[2] = { -1, -1 };
static unsigned char in[MAX_FRAME];
static unsigned char out[5 + MAX_FRAME];

/* Runs the command cold: the launcher, in this process, on the same streams. */
static void cold(void)
{
	if (sock >= 0)
		close(sock);
	signal(SIGPIPE, SIG_DFL);
	if (setenv("INFLUX_SHELL_COLD", "1", 1) == 0)
		execv(cold_argv[0], cold_argv);
	fprintf(stderr, "Error: cannot run %s: %s\n", cold_argv[0], strerror(errno));
	exit(1);
}

/* The conversation ended early: cold while nothing has happened, else an error. */
static void gone(const char *reason)
{
	if (!started)
		cold();
	fprintf(stderr, "Error: the influx-shell daemon went away before the command ended%s%s\n",
		reason ? ": " : "", reason ? reason : "");
	exit(1);
}

static int write_all(int fd, const void *data, size_t n)
{
	const char *p = data;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t) w;
	}
	return 0;
}

/* 0 when all n bytes were read, 1 at the end of the stream before any, -1 on an error (errno). */
static int read_all(int fd, void *data, size_t n)
{
	char *p = data;
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, p + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0) {
			errno = 0;
			return got == 0 ? 1 : -1;
		}
		got += (size_t) r;
	}
	return 0;
}

static void put_int(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) (v >> 24);
	p[1] = (unsigned char) (v >> 16);
	p[2] = (unsigned char) (v >> 8);
	p[3] = (unsigned char) v;
}

static uint32_t get_int(const unsigned char *p)
{
	return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

/* Sends one frame of at most MAX_FRAME bytes; -1 when the daemon is gone (errno). */
static int send_frame(char type, const void *payload, size_t n)
{
	out[0] = (unsigned char) type;
	put_int(out + 1, (uint32_t) n);
	memcpy(out + 5, payload, n);
	return write_all(sock, out, 5 + n);
}

/* The request under construction: a frame header's room, then the payload. */
static unsigned char *req;
static size_t req_len, req_cap;

static void put(const void *data, size_t n)
{
	if (req_len + n > req_cap) {
		size_t cap = (req_len + n) * 2 + 4096;
		unsigned char *p = realloc(req, cap);
		if (p == NULL)
			cold();
		req = p;
		req_cap = cap;
	}
	memcpy(req + req_len, data, n);
	req_len += n;
}

static void put_count(size_t n)
{
	unsigned char b[4];
	put_int(b, (uint32_t) n);
	put(b, 4);
}

static void put_string(const char *s, size_t n)
{
	put_count(n);
	put(s, n);
}

/* The JVM options' -D words the client's JVM would get (INFLUX_SHELL_JAVA_OPTS, split as sh splits it). */
struct option { const char *key, *value; size_t key_len, value_len; };
static struct option options[256];
static size_t option_count;

static void read_options(void)
{
	const char *s = getenv("INFLUX_SHELL_JAVA_OPTS");
	while (s != NULL && *s) {
		size_t n = strcspn(s, " \t\n");
		if (n > 2 && s[0] == '-' && s[1] == 'D' && option_count < sizeof options / sizeof options[0]) {
			const char *eq = memchr(s, '=', n);
			struct option *o = &options[option_count++];
			o->key = s + 2;
			o->key_len = (eq ? (size_t) (eq - s) : n) - 2;
			o->value = eq ? eq + 1 : s + n;
			o->value_len = eq ? n - (size_t) (eq + 1 - s) : 0;
		}
		s += n;
		s += strspn(s, " \t\n");
	}
}

/* The value of -Dkey=..., the last one given, or NULL. */
static char *option(const char *key)
{
	for (size_t i = option_count; i-- > 0;)
		if (options[i].key_len == strlen(key) && memcmp(options[i].key, key, options[i].key_len) == 0)
			return strndup(options[i].value, options[i].value_len);
	return NULL;
}

/* An option passed on to the daemon: a console setting, and not overridden by a later word. */
static int forwarded(size_t i)
{
	const struct option *o = &options[i];
	if (!(o->key_len > 7 && strncmp(o->key, "influx.", 7) == 0) && !(o->key_len > 7 && strncmp(o->key, "spring.", 7) == 0)
			&& !(o->key_len > 8 && strncmp(o->key, "logging.", 8) == 0))
		return 0;
	for (size_t j = i + 1; j < option_count; j++)
		if (options[j].key_len == o->key_len && memcmp(options[j].key, o->key, o->key_len) == 0)
			return 0;
	return 1;
}

/* An environment entry passed on: it has a name, given here for the first time (as the JDK reads environ). */
static int first_definition(size_t i)
{
	const char *eq = strchr(environ[i], '=');
	if (eq == NULL)
		return 0;
	size_t n = (size_t) (eq - environ[i]) + 1;
	for (size_t j = 0; j < i; j++)
		if (strncmp(environ[j], environ[i], n) == 0)
			return 0;
	return 1;
}

static void put_request(const char *identity, int argc, char **argv, const char *folder, const char *home)
{
	char terminals[4] = "";
	for (int fd = 0; fd < 3; fd++)
		if (isatty(fd))
			terminals[strlen(terminals)] = (char) ('0' + fd);
	put("R\0\0\0\0", 5);
	put_string(identity, strlen(identity));
	put_count((size_t) argc);
	for (int i = 0; i < argc; i++)
		put_string(argv[i], strlen(argv[i]));
	put_string(folder, strlen(folder));
	put_string(home, strlen(home));
	put_string(terminals, strlen(terminals));
	size_t count = 0;
	for (size_t i = 0; environ[i]; i++)
		count += (size_t) first_definition(i);
	put_count(count);
	for (size_t i = 0; environ[i]; i++) {
		if (first_definition(i)) {
			const char *eq = strchr(environ[i], '=');
			put_string(environ[i], (size_t) (eq - environ[i]));
			put_string(eq + 1, strlen(eq + 1));
		}
	}
	count = 0;
	for (size_t i = 0; i < option_count; i++)
		count += (size_t) forwarded(i);
	put_count(count);
	for (size_t i = 0; i < option_count; i++) {
		if (forwarded(i)) {
			put_string(options[i].key, options[i].key_len);
			put_string(options[i].value, options[i].value_len);
		}
	}
	put_int(req + 1, (uint32_t) (req_len - 5));
}

/* The socket's path, or NULL when its folder is not this user's own with mode 0700. */
static char *socket_path(const char *home)
{
	static char path[PATH_MAX + 32];
	const char *runtime = getenv("XDG_RUNTIME_DIR"), *h = getenv("HOME");
	int n;
	if (runtime != NULL && runtime[0] == '/')
		n = snprintf(path, PATH_MAX, "%s/influx-shell", runtime);
	else
		n = snprintf(path, PATH_MAX, "%s/.influxdbv2/influx-shell-daemon", h != NULL && h[0] == '/' ? h : home);
	if (n < 0 || n >= PATH_MAX)
		return NULL;
	/* as the JDK names it: no doubled nor trailing slashes */
	char *w = path;
	for (const char *r = path; *r; r++)
		if (*r != '/' || (w > path && w[-1] != '/') || w == path)
			*w++ = *r;
	*w = '\0';
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() || (st.st_mode & 0777) != 0700)
		return NULL;
	strcat(path, "/daemon.sock");
	return path;
}

/* The user's name (copied: getpwuid's answer lasts until its next call), else the number. */
static const char *user_name(uid_t uid, char *name, size_t size)
{
	struct passwd *pw = getpwuid(uid);
	if (pw != NULL && pw->pw_name != NULL)
		snprintf(name, size, "%s", pw->pw_name);
	else
		snprintf(name, size, "%u", (unsigned) uid);
	return name;
}

/* Connects to the daemon, or runs the command cold: no daemon listens, or one of another user. */
static void connect_daemon(const char *path)
{
	struct sockaddr_un address = { .sun_family = AF_UNIX };
	if (path == NULL || strlen(path) >= sizeof address.sun_path)
		cold();
	strcpy(address.sun_path, path);
	sock_path = path;
	sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (sock < 0 || connect(sock, (struct sockaddr *) &address, sizeof address) != 0)
		cold();
	struct ucred peer;
	socklen_t size = sizeof peer;
	if (getsockopt(sock, SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0)
		cold();
	if (peer.uid != getuid()) {
		char a[64], b[64];
		const char *them = user_name(peer.uid, a, sizeof a);
		fprintf(stderr, "Warning: the process listening on %s runs as %s, not as %s: the command runs without it\n",
			path, them, user_name(getuid(), b, sizeof b));
		cold();
	}
}

/* The first line of the daemon's answer to 'S' or 'Q' (its identity) into `in`, or NULL. */
static const char *ask(char what)
{
	struct sockaddr_un address = { .sun_family = AF_UNIX };
	strcpy(address.sun_path, sock_path);
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct ucred peer;
	socklen_t size = sizeof peer;
	unsigned char head[5] = { (unsigned char) what, 0, 0, 0, 0 };
	const char *line = NULL;
	if (s >= 0 && connect(s, (struct sockaddr *) &address, sizeof address) == 0
			&& getsockopt(s, SOL_SOCKET, SO_PEERCRED, &peer, &size) == 0 && peer.uid == getuid()
			&& write_all(s, head, 5) == 0 && read_all(s, head, 5) == 0 && head[0] == 'T') {
		uint32_t n = get_int(head + 1);
		if (n < MAX_FRAME && read_all(s, in, n) == 0) {
			in[n] = '\0';
			in[strcspn((char *) in, "\n")] = '\0';
			line = (const char *) in;
		}
	}
	if (s >= 0)
		close(s);
	return line;
}

/* VERSION BUILD_TIME of an identity: its length (the runtime's path follows, and may hold blanks). */
static size_t build_part(const char *id)
{
	const char *blank = strchr(id, ' ');
	blank = blank ? strchr(blank + 1, ' ') : NULL;
	return blank ? (size_t) (blank - id) : strlen(id);
}

/*
 * Sent away before anything ran: a daemon of another build or runtime (built again, upgraded) is
 * asked to stop, so that only this run pays for it (with auto-start on, the cold run starts a
 * current one), and the user is told in one line.
 */
static void retire_stale(void)
{
	const char *theirs = ask('S');
	if (theirs == NULL || strcmp(theirs, identity) == 0)
		return;
	size_t a = build_part(theirs), b = build_part(identity);
	int build = a != b || strncmp(theirs, identity, a) != 0;
	int runtime = strcmp(theirs + a, identity + b) != 0;
	if (ask('Q') != NULL)
		fprintf(stderr, "Warning: the daemon listening on %s was of another %s: it was asked to stop, and the command runs without it\n",
			sock_path, build && runtime ? "build and runtime" : runtime ? "runtime" : "build");
}

static void on_signal(int number)
{
	int saved = errno;
	char c = (char) number;
	if (write(signals[1], &c, 1) < 0) {
		/* a full pipe holds signals enough */
	}
	errno = saved;
}

static void forward_signals(void)
{
	struct sigaction action = { .sa_handler = on_signal, .sa_flags = SA_RESTART };
	sigemptyset(&action.sa_mask);
	if (pipe2(signals, O_CLOEXEC | O_NONBLOCK) != 0)
		return; /* then they keep their default action, as in a JVM that cannot handle them */
	sigaction(SIGINT, &action, NULL);
	sigaction(SIGTERM, &action, NULL);
}

/* One frame from the daemon into `in`; returns its type, 0 at the end of the stream. */
static int read_frame(size_t *length)
{
	unsigned char head[5];
	int r = read_all(sock, head, 5);
	if (r == 1)
		return 0;
	if (r < 0)
		gone(errno ? strerror(errno) : NULL);
	uint32_t n = get_int(head + 1);
	if (n > MAX_FRAME) {
		static char reason[40];
		snprintf(reason, sizeof reason, "bad frame length %d", (int) n);
		gone(reason);
	}
	if (read_all(sock, in, n) != 0)
		gone(errno ? strerror(errno) : NULL);
	*length = n;
	return head[0];
}

static void converse(void)
{
	size_t wanted = 0; /* stdin bytes the daemon asked for, 0: none */
	for (;;) {
		struct pollfd fds[3] = { { sock, POLLIN, 0 }, { signals[0], POLLIN, 0 }, { 0, POLLIN, 0 } };
		if (poll(fds, wanted ? 3 : 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			gone(strerror(errno));
		}
		if (fds[1].revents & POLLIN) {
			char c;
			while (read(signals[0], &c, 1) == 1) {
				const char *name = c == SIGINT ? "INT" : "TERM";
				send_frame('G', name, strlen(name)); /* a daemon gone is found by the reading below */
			}
		}
		if (wanted && fds[2].revents) {
			ssize_t n;
			do
				n = read(0, in, wanted);
			while (n < 0 && errno == EINTR);
			wanted = 0;
			if (send_frame('I', in, n > 0 ? (size_t) n : 0) != 0)
				gone(strerror(errno));
		}
		if (!fds[0].revents)
			continue;
		size_t n = 0;
		int type = read_frame(&n);
		switch (type) {
		case 0:
			gone(NULL);
			break;
		case 'B':
			started = 1;
			break;
		case 'O': {
			started = 1;
			const char *failure = write_all(1, in, n) == 0 ? "" : strerror(errno);
			if (send_frame('A', failure, strlen(failure)) != 0)
				gone(strerror(errno));
			break;
		}
		case 'E':
			started = 1;
			write_all(2, in, n); /* stderr is gone: nothing else to tell it with */
			break;
		case 'N':
			started = 1;
			if (n < 4)
				gone("bad frame");
			wanted = get_int(in) > MAX_FRAME ? MAX_FRAME : get_int(in);
			if (wanted == 0)
				wanted = 1;
			break;
		case 'X':
			if (n < 4)
				gone("bad frame");
			exit((int) get_int(in));
		case 'C':
			if (!started)
				retire_stale();
			cold();
			break;
		default: {
			char reason[32];
			snprintf(reason, sizeof reason, "unexpected frame '%c'", type);
			gone(reason);
		}
		}
	}
}

/*
 * The Java runtime of the java on the PATH, its links followed (DIR of DIR/bin/java), as the
 * launcher finds it when JAVA_HOME names none: looked up here, where it costs no process. Empty
 * when there is none.
 */
static void java_on_path(char *home, size_t size)
{
	home[0] = '\0';
	const char *path = getenv("PATH");
	if (path == NULL)
		return;
	char candidate[PATH_MAX];
	char real[PATH_MAX];
	while (*path) {
		size_t n = strcspn(path, ":");
		/* an empty entry is the working folder, as the shell reads it */
		int written = n == 0 ? snprintf(candidate, sizeof candidate, "java")
			: snprintf(candidate, sizeof candidate, "%.*s/java", (int) n, path);
		if (written > 0 && (size_t) written < sizeof candidate && access(candidate, X_OK) == 0
			&& realpath(candidate, real) != NULL) {
			for (int up = 0; up < 2; up++) {
				char *slash = strrchr(real, '/');
				if (slash == NULL)
					return;
				*slash = '\0';
			}
			snprintf(home, size, "%s", real[0] ? real : "/");
			return;
		}
		path += n;
		if (*path == ':')
			path++;
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: influx-shell-client LAUNCHER JAVA_HOME [ARGUMENT...] (the influx-shell launcher starts it;\n"
			"an empty JAVA_HOME is the java on the PATH's)\n", stderr);
		return 2;
	}
	char java_home[PATH_MAX];
	if (argv[2][0] == '\0')
		java_on_path(java_home, sizeof java_home);
	else if (realpath(argv[2], java_home) == NULL)
		snprintf(java_home, sizeof java_home, "%s", argv[2]);
	argv[2] = argv[1];
	cold_argv = argv + 2;
	/* writes to a closed pipe fail with EPIPE, which the daemon is told, as the JVM does */
	signal(SIGPIPE, SIG_IGN);

	read_options();
	home = option("user.home");
	folder = option("user.dir");
	if (home == NULL) {
		struct passwd *pw = getpwuid(getuid());
		home = pw != NULL && pw->pw_dir != NULL && pw->pw_dir[0] ? pw->pw_dir : "?";
	}
	if (folder == NULL && (folder = getcwd(NULL, 0)) == NULL)
		cold();
	connect_daemon(socket_path(home));

	size_t identity_size = strlen(INFLUX_SHELL_BUILD) + strlen(java_home) + 2;
	identity = malloc(identity_size);
	if (identity == NULL)
		cold();
	snprintf(identity, identity_size, "%s %s", INFLUX_SHELL_BUILD, java_home);
	put_request(identity, argc - 3, argv + 3, folder, home);
	if (req_len - 5 > MAX_FRAME || write_all(sock, req, req_len) != 0)
		gone(NULL);
	forward_signals();
	converse();
	return 1;
}
