#!/bin/sh
# The class-data archive of the warm console's client: a daemon is started in a folder of its
# own, the client runs one command through it with the JVM recording every class it loads, and
# the daemon is stopped. The archive fits only the runtime that made it (its release file is kept
# beside it, for the launcher): a dynamic CDS archive (influx-shell-client.jsa) on the JDK the
# build runs on, an AOT cache (influx-shell-client.aot) on a JDK 25 or later, such as the
# packaged runtime (jlink leaves out the base archive a dynamic one needs).
# Usage: client-training.sh LAUNCHER APP_DIR RUNTIME_RELEASE
set -eu
launcher=$1
app=$2
release=$3
work=$(mktemp -d)
trap 'XDG_RUNTIME_DIR=$work/run HOME=$work/home "$launcher" daemon stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mkdir -p "$work/run" "$work/home"
chmod 700 "$work/run"
export XDG_RUNTIME_DIR="$work/run" HOME="$work/home"
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
if [ "${major:-0}" -ge 25 ]; then
	archive=$app/influx-shell-client.aot
	record="-XX:AOTCacheOutput=$archive"
else
	archive=$app/influx-shell-client.jsa
	record="-XX:ArchiveClassesAtExit=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
rm -f "$archive" "$archive.release"
"$launcher" daemon start >/dev/null
# a script on stdin, through the JDK client even where the native one is built: the request, stdin read on demand, results, the exit code
printf 'config list\nconfig list --json\n' | INFLUX_SHELL_CLIENT=java INFLUX_SHELL_JAVA_OPTS="$record" \
	"$launcher" > "$work/out" 2>&1
if [ ! -s "$archive" ]; then
	echo "the client's training run made no archive:" >&2
	cat "$work/out" >&2
	exit 1
fi
cp "$release" "$archive.release"
