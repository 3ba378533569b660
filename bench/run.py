#!/usr/bin/env python3
"""influx-shell benchmark: start-up, one-shot, script, bulk (by IDs and by --user) and REPL prompt, against a stub
InfluxDB running as a separate process on loopback; then the same one-shots and shell TAB completion
of token IDs answered warm, by a daemon (influx-shell daemon start). Prints medians and ratios to the
JVM floor (a plain `java Hello`), so figures compare across machines.

    python3 bench/run.py [--runs 5] [--tokens 1000] [--skip-build] [--vs-root DIR]

Then the targets, each with its verdict: warm one-shot through the native client at most 2x upstream's Go
`influx` doing the same (INFLUX_PEER names its binary; upstream's auth inactive takes no --host nor
INFLUX_HOST, so its one-shot is auth list --id), through the JDK client at most 1.3x the floor, warm
TAB completion at most 2x the Go one-shot (a TAB again within influx.completion-reuse, which takes the
list an earlier TAB fetched, and a first TAB, which fetches it), and cold one-shots no more than 5% slower than those of another
checkout (--vs-root DIR, built there: each command of both is run in turn, A B A B ..., in this one run).
"""
import argparse
import fcntl
import os
import pty
import select
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(ROOT, "target", "influx-shell", "influx-shell")


def measure(cmd, env, stdin_data=None):
    """Runs cmd; returns (wall seconds, peak RSS in MB, exit code, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    out, err = proc.communicate(stdin_data)
    # communicate() has reaped the child; its rusage is the last one reported to us
    wall = time.perf_counter() - start
    rss_kb = _last_child_rss(proc)
    if proc.returncode != 0:
        sys.exit("command failed (%d): %s\n%s" % (proc.returncode, " ".join(cmd[:6]), err.decode()[-2000:]))
    return wall, rss_kb / 1024.0, out


_children_rss = {"last": 0}


def _last_child_rss(proc):
    # ru_maxrss of RUSAGE_CHILDREN is the largest of all reaped children so far, so each
    # measured process is run through wait4 below instead.
    return proc.rss_kb


class Popen(subprocess.Popen):
    """A Popen that records the child's own peak RSS when it is reaped."""
    rss_kb = 0

    def _try_wait(self, wait_flags):
        pid, sts, usage = os.wait4(self.pid, wait_flags)
        if pid == self.pid:
            self.rss_kb = usage.ru_maxrss
        return (pid, sts)


subprocess.Popen = Popen


def flipped(cmd, i):
    """An inactivating command alternates with its activating twin: the console sends nothing for
    tokens already in the asked state, so each counted run must change them for real."""
    if "inactive" not in cmd or "__complete" in cmd:
        return cmd
    verb = "active" if i % 2 == 0 else "inactive"
    return [verb if w == "inactive" else w for w in cmd]


def repeat(cmd, env, runs, stdin_data=None):
    # warm-up (page cache, CDS archive mapped once), leaving the tokens active for the first counted run
    measure(flipped(cmd, 0), env, stdin_data)
    walls, rss = [], []
    for i in range(runs):
        w, r, _ = measure(flipped(cmd, i + 1), env, stdin_data)
        walls.append(w)
        rss.append(r)
    return statistics.median(walls), max(rss)


def prompt_time(env, runs):
    times = []
    for _ in range(runs + 1):
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(LAUNCHER, [LAUNCHER], env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        start = time.perf_counter()
        seen = b""
        while b"influx-shell" not in seen or not seen.rstrip().endswith(b">"):
            r, _, _ = select.select([fd], [], [], 30)
            if not r:
                sys.exit("no REPL prompt within 30 s")
            seen += os.read(fd, 4096)
        times.append(time.perf_counter() - start)
        os.write(fd, b"exit\r")
        os.waitpid(pid, 0)
        os.close(fd)
    return statistics.median(times[1:])


def warm_rows(launcher, ids, tab_cmd, env, runs, floor_cmd, peer_cmd=None):
    """One-shots and TAB completion through a daemon started by this launcher, stopped after;
    the targets' figures timed in turn with the JVM floor (floor_cmd) or, given peer_cmd, the Go
    influx's one-shot."""
    one_cmd = [launcher, "auth", "inactive", "--id", ids[0], "--hide-headers"]
    # the token active, by a cold run that the daemon does not count: each of its first requests below changes it
    measure(flipped(one_cmd, 0), dict(env, INFLUX_SHELL_COLD="1"))
    started = subprocess.run([launcher, "daemon", "start"], env=env, capture_output=True, text=True)
    if started.returncode != 0:
        sys.exit("daemon start failed: " + started.stderr)
    pid = started.stdout.split("pid ")[1].split(",")[0].rstrip(")\n")
    try:
        list_cmd = [launcher, "auth", "list", "--id", ids[0], "--hide-headers"]
        # what an operator meets just after the daemon started: its first ten requests
        first = [measure(flipped(one_cmd, i + 1), env)[0] for i in range(10)]
        # the daemon's JIT warms on the first requests, as it would over a working day (each auth
        # inactive or active changes the token: a GET, a PATCH and a journal line)
        for i in range(30):
            measure(flipped(one_cmd, i + 1), env)
            measure(list_cmd, env)
            measure([launcher, "config", "list"], env)
            measure([launcher] + tab_cmd, env)
        rows = {"first": statistics.median(first), "one": repeat(one_cmd, env, runs), "list": repeat(list_cmd, env, runs),
                "local": repeat([launcher, "config", "list"], env, runs), "tab": repeat([launcher] + tab_cmd, dict(env, INFLUX_COMPLETION_REUSE="10s"), runs),
                # a first Tab: the list is fetched, not taken from an earlier Tab's (influx.completion-reuse off)
                "tab_fetch": repeat([launcher] + tab_cmd, dict(env, INFLUX_COMPLETION_REUSE="0s"), runs)}
        if peer_cmd:
            # the targets' ratios: each command in turn with the Go one-shot, so that the machine's
            # drift (the Go one-shot takes 5 ms on a quiet machine, 8 on a busy one) reaches both alike
            turns = max(15, runs)
            rows["vs_go"] = {
                "one": in_turn(one_cmd, peer_cmd, env, turns, flip_a=True),
                "list": in_turn(list_cmd, peer_cmd, env, turns),
                # (the pairs may take longer than 10 s: the list kept as long as they last)
                "tab": in_turn([launcher] + tab_cmd, peer_cmd, dict(env, INFLUX_COMPLETION_REUSE="10m"), turns),
                "tab_fetch": in_turn([launcher] + tab_cmd, peer_cmd, dict(env, INFLUX_COMPLETION_REUSE="0s"), turns),
                "turns": turns}
        if native_client(launcher):
            # the launcher takes the native client when it is there: the JDK client, asked for, beside it
            java_env = dict(env, INFLUX_SHELL_CLIENT="java")
            for _ in range(5):
                measure(one_cmd, java_env)
            rows["one_java"] = repeat(one_cmd, java_env, runs)
        # the JDK client's target, in turn with the floor
        rows["java_vs_floor"] = in_turn(one_cmd, floor_cmd, dict(env, INFLUX_SHELL_CLIENT="java"), max(15, runs),
                                        flip_a=True)
        out = measure([launcher] + tab_cmd, env)[2]
        assert out.count(b"\n") >= len(ids), "completion offered %d lines" % out.count(b"\n")
        with open("/proc/%s/status" % pid) as f:
            rows["daemon_rss"] = next(int(l.split()[1]) for l in f if l.startswith("VmHWM")) / 1024.0
        return rows
    finally:
        subprocess.run([launcher, "daemon", "stop"], env=env, capture_output=True)


def native_client(launcher):
    """Whether the launcher's folder holds the warm console's native client (built where a C compiler was)."""
    here = os.path.dirname(launcher)
    app = here if os.path.exists(os.path.join(here, "influx-shell.jar")) else os.path.join(os.path.dirname(here), "app")
    return os.access(os.path.join(app, "influx-shell-client"), os.X_OK)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def packaged_launcher():
    """The unpacked tarball's launcher in target/dist, or None when the build made none."""
    dist = os.path.join(ROOT, "target", "dist")
    if not os.path.isdir(dist):
        return None
    for name in sorted(os.listdir(dist)):
        launcher = os.path.join(dist, name, "bin", "influx-shell")
        if os.access(launcher, os.X_OK):
            return launcher
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tokens", type=int, default=1000)
    ap.add_argument("--list-tokens", type=int, default=20000)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--vs-root", help="another checkout, built: its cold one-shots are timed in turn with ours")
    args = ap.parse_args()
    if not args.skip_build:
        subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-DskipTests", "package"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="influx-shell-bench-")
    classes = os.path.join(work, "classes")
    here = os.path.dirname(os.path.abspath(__file__))
    subprocess.run(["javac", "-d", classes, os.path.join(here, "Hello.java"), os.path.join(here, "StubInflux.java")],
                   check=True)
    port = free_port()
    stub = subprocess.Popen(["java", "-Dsun.net.httpserver.nodelay=true", "-cp", classes, "StubInflux", str(port), str(args.tokens)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    # a second server with a long token list (about 900 bytes of JSON a token)
    list_port = free_port()
    list_stub = subprocess.Popen(["java", "-Dsun.net.httpserver.nodelay=true", "-cp", classes, "StubInflux", str(list_port),
                                  str(args.list_tokens)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        if stub.stdout.readline().strip() != b"ready" or list_stub.stdout.readline().strip() != b"ready":
            sys.exit("the stub server did not start")
        ids = ["0d0%013x" % (0x99b627e605000 + i) for i in range(args.tokens)]
        env = dict(os.environ)
        for k in list(env):
            if k.startswith("INFLUX_"):
                del env[k]
        env.update({"INFLUX_HOST": "http://127.0.0.1:%d" % port, "INFLUX_TOKEN": "bench-token",
                    "HOME": os.path.join(work, "home"), "TERM": "xterm",
                    # the daemon's folder: the bench's own, where none runs until the warm rows start one
                    "XDG_RUNTIME_DIR": os.path.join(work, "run")})

        script = os.path.join(work, "script.txt")
        lines = args.tokens
        with open(script, "w") as f:
            for i in range(lines):
                verb = "inactive" if i % 2 == 0 else "active"
                f.write("auth %s --id %s --hide-headers\n" % (verb, ids[(i // 2) % len(ids)]))
        # a first script run warms the stub server's JIT, as a long-running server would be
        script_cmd = [LAUNCHER, "--spring.shell.script=" + script]
        out = measure(script_cmd, env)[2]
        assert out.count(b"\n") == lines, "script printed %d rows" % out.count(b"\n")

        floor, floor_rss = repeat(["java", "-cp", classes, "Hello"], env, args.runs)
        one, one_rss = repeat([LAUNCHER, "auth", "inactive", "--id", ids[0], "--hide-headers"], env, args.runs)
        local, local_rss = repeat([LAUNCHER, "config", "list"], env, args.runs)
        packaged = packaged_launcher()
        if packaged:
            pone, pone_rss = repeat([packaged, "auth", "inactive", "--id", ids[0], "--hide-headers"], env, args.runs)
            plocal, plocal_rss = repeat([packaged, "config", "list"], env, args.runs)
        peer = os.environ.get("INFLUX_PEER")
        if peer:
            # upstream's Go influx, for comparison, against the same stub: its auth inactive takes
            # neither --hide-headers nor the host and token from the environment (only from the
            # configs file of the passwd home), so the one-shot both can do is auth list --id
            peer_one, peer_rss = repeat([peer, "auth", "list", "--id", ids[0], "--hide-headers"], env, args.runs)
            cold_list, cold_list_rss = repeat([LAUNCHER, "auth", "list", "--id", ids[0], "--hide-headers"], env,
                                              args.runs)
        script_wall, script_rss = repeat(script_cmd, env, 3)

        bulk_cmd = [LAUNCHER, "auth", "inactive", "--id", ",".join(ids), "--hide-headers"]
        out = measure(bulk_cmd, env)[2]
        assert out.count(b"\n") == len(ids), "bulk printed %d rows" % out.count(b"\n")
        bulk_wall, bulk_rss = repeat(bulk_cmd, env, 3)

        # the same tokens picked by a selector: the list, GET /api/v2/me (the stub hides token
        # values, so the console checks that none is the caller's own), then 1,000 changes
        user_cmd = [LAUNCHER, "auth", "inactive", "--user", "bench", "--hide-headers"]
        out = measure(user_cmd, env)[2]
        assert out.count(b"\n") == len(ids), "--user printed %d rows" % out.count(b"\n")
        user_wall, user_rss = repeat(user_cmd, env, 3)

        list_cmd = [LAUNCHER, "auth", "list", "--hide-headers", "--host", "http://127.0.0.1:%d" % list_port]
        out = measure(list_cmd, env)[2]
        assert out.count(b"\n") == args.list_tokens, "list printed %d rows" % out.count(b"\n")
        list_wall, list_rss = repeat(list_cmd, env, 3)

        prompt = prompt_time(env, max(3, args.runs))

        tab_cmd = ["__complete", "--", "auth", "inactive", "--id", ""]
        cold_tab, cold_tab_rss = repeat([LAUNCHER] + tab_cmd, env, args.runs)
        peer_cmd = [peer, "auth", "list", "--id", ids[0], "--hide-headers"] if peer else None
        hello = ["java", "-cp", classes, "Hello"]
        warm = {"dev": warm_rows(LAUNCHER, ids, tab_cmd, env, args.runs, hello, peer_cmd)}
        if packaged:
            warm["packaged"] = warm_rows(packaged, ids, tab_cmd, env, args.runs, hello, peer_cmd)
        versus = {}
        if args.vs_root:
            other = os.path.join(os.path.abspath(args.vs_root), "target", "influx-shell", "influx-shell")
            for name, words in (("one-shot auth inactive", ["auth", "inactive", "--id", ids[0], "--hide-headers"]),
                                ("one-shot config list", ["config", "list"])):
                versus[name] = in_turn([LAUNCHER] + words, [other] + words, env, max(15, args.runs))
    finally:
        for s in (stub, list_stub):
            s.stdin.close()
            s.wait()

    print("influx-shell benchmark: %s, %d cores, %s" % (
        subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0],
        os.cpu_count(), time.strftime("%Y-%m-%d")))
    print("%-44s %10s %10s %9s" % ("measure", "wall", "peak RSS", "x floor"))
    rows = [
        ("java Hello (JVM floor), median of %d" % args.runs, floor, floor_rss, 1.0),
        ("one-shot auth inactive, median of %d" % args.runs, one, one_rss, one / floor),
    ] + ([("  the same, packaged runtime (tarball)", pone, pone_rss, pone / floor)] if packaged else []) + (
        [("one-shot auth list --id, median of %d" % args.runs, cold_list, cold_list_rss, cold_list / floor),
         ("  the same, upstream Go influx ($INFLUX_PEER)", peer_one, peer_rss, peer_one / floor)] if peer else []) + [
        ("one-shot config list (no HTTP), median of %d" % args.runs, local, local_rss, local / floor),
    ] + ([("  the same, packaged runtime (tarball)", plocal, plocal_rss, plocal / floor)] if packaged else []) + [
        ("script of %d auth lines, total, median of 3" % lines, script_wall, script_rss, script_wall / floor),
        ("bulk auth inactive of %d IDs, median of 3" % len(ids), bulk_wall, bulk_rss, bulk_wall / floor),
        ("auth inactive --user of %d tokens, median of 3" % len(ids), user_wall, user_rss, user_wall / floor),
        ("auth list of %d tokens, median of 3" % args.list_tokens, list_wall, list_rss, list_wall / floor),
        ("REPL prompt appears, median of %d" % max(3, args.runs), prompt, None, prompt / floor),
        ("TAB completion of token IDs, cold", cold_tab, cold_tab_rss, cold_tab / floor),
    ]
    for name, label in (("dev", "development launcher"), ("packaged", "packaged runtime")):
        if name not in warm:
            continue
        w = warm[name]
        rows += [
            ("warm (daemon), %s:" % label, None, None, None),
            ("  auth inactive, a new daemon's first 10, median", w["first"], None, w["first"] / floor),
            ("  one-shot auth inactive%s, median of %d" % (", native client" if "one_java" in w else "", args.runs),
             w["one"][0], w["one"][1], w["one"][0] / floor),
        ] + ([("  the same, JDK client", w["one_java"][0], w["one_java"][1], w["one_java"][0] / floor)]
             if "one_java" in w else []) + [
            ("  one-shot auth list --id, median of %d" % args.runs, w["list"][0], w["list"][1], w["list"][0] / floor),
            ("  one-shot config list, median of %d" % args.runs, w["local"][0], w["local"][1], w["local"][0] / floor),
            ("  TAB completion of token IDs, again within 10 s, median of %d" % args.runs, w["tab"][0], w["tab"][1],
             w["tab"][0] / floor),
            ("  the same, list fetched (a first TAB)", w["tab_fetch"][0], w["tab_fetch"][1], w["tab_fetch"][0] / floor),
            ("  the daemon's own peak RSS", None, w["daemon_rss"], None),
        ]
    for name, wall, rss, ratio in rows:
        if wall is None and rss is None:
            print(name)
            continue
        print("%-44s %10s %10s %9s" % (name, "-" if wall is None else "%.3fs" % wall,
                                       "-" if rss is None else "%.0f MB" % rss,
                                       "-" if ratio is None else "%.1fx" % ratio))
    print("%-44s %9.0f/s" % ("script throughput (commands/s)", lines / script_wall))
    print("%-44s %9.0f/s" % ("bulk throughput (tokens/s)", len(ids) / bulk_wall))
    print("%-44s %9.0f/s" % ("--user throughput (tokens/s)", len(ids) / user_wall))
    print("%-44s %9s" % ("--user within 100x the floor", "yes" if user_wall / floor <= 100 else "NO"))

    targets(warm, peer_one if peer else None, versus)


def in_turn(cmd_a, cmd_b, env, runs, flip_a=False):
    """Two commands run in turn, A B A B ...: the machine's drift reaches both alike. Returns the
    median of each and the median of the pairs' ratios A/B (what the verdicts hold to their limit).
    Both changing a token: A inactivates what B activated, and back; with flip_a, A alone
    changes it, inactivating and activating in turn (B reads)."""
    measure(flipped(cmd_a, 1), env)
    measure(flipped(cmd_b, 0), env)
    a, b = [], []
    for i in range(runs):
        a.append(measure(flipped(cmd_a, i if flip_a else 1), env)[0])
        b.append(measure(flipped(cmd_b, 0), env)[0])
    return statistics.median(a), statistics.median(b), statistics.median(x / y for x, y in zip(a, b))


def targets(warm, peer_one, versus):
    """The warm console's targets and the cold start's, each with its figures and verdict."""
    print("targets:")

    def verdict(name, value, limit, against, pair=None):
        print("  %-58s %6.2fx %s (<= %.2fx %s)%s" % (name, value, "met" if value <= limit else "MISSED", limit, against,
                                                    "" if pair is None else ", %.4fs / %.4fs" % pair))

    def against_go(label, w, key):
        ours, go, ratio = w["vs_go"][key]
        verdict(label, ratio, 2.0, "Go", (ours, go))

    for name, w in warm.items():
        native = "one_java" in w
        if peer_one is not None:
            print("  %s: each against Go's auth list --id, in turn, the median of %d pairs' ratios:"
                  % (name, w["vs_go"]["turns"]))
        if peer_one is not None and native:
            against_go("warm auth inactive, native client, %s / Go auth list" % name, w, "one")
            against_go("warm auth list --id, native client, %s / Go's" % name, w, "list")
        elif native:
            print("  %-58s %s" % ("warm one-shot, native client, %s / Go influx" % name, "not measured: set INFLUX_PEER"))
        java_one, hello, ratio = w["java_vs_floor"]
        verdict("warm one-shot, JDK client, %s / java Hello, in turn" % name, ratio, 1.3, "floor", (java_one, hello))
        if peer_one is not None:
            against_go("warm TAB completion, %s / Go influx one-shot" % name, w, "tab")
            against_go("  a first TAB (list fetched), %s / Go influx one-shot" % name, w, "tab_fetch")
        else:
            print("  %-58s %s" % ("warm TAB completion, %s / Go influx one-shot" % name, "not measured: set INFLUX_PEER"))
    if versus:
        for name, (ours, theirs, ratio) in versus.items():
            verdict("cold %s / --vs-root's, in turn" % name, ratio, 1.05, "--vs-root", (ours, theirs))
    else:
        print("  %-58s %s" % ("cold one-shots / another checkout", "not compared: give --vs-root DIR"))


if __name__ == "__main__":
    main()
