#!/bin/sh
# The .deb's prerm: before an upgrade or a removal, the warm-console daemons (any user's) that
# run from this package's files are told to stop with SIGTERM, as "influx-shell daemon stop"
# would: each finishes the commands it is running, then exits, and none goes on serving from
# replaced or deleted files. It never fails: most of the time none runs, and dpkg must go on.
jar=/usr/lib/influx-shell/app/influx-shell.jar
case ${1-} in
	remove | upgrade | deconfigure) ;;
	*) exit 0 ;;
esac
for cmdline in /proc/[0-9]*/cmdline; do
	pid=${cmdline#/proc/}
	pid=${pid%/cmdline}
	# the daemon's command line: java ... -jar JAR daemon run
	# (a process may end meanwhile: the redirection's error goes with the rest)
	words=$( { tr '\000' '\n' < "$cmdline"; } 2> /dev/null) || continue
	[ "$(printf '%s\n' "$words" | tail -n 2 | tr '\n' ' ')" = "daemon run " ] || continue
	if printf '%s\n' "$words" | grep -qxF -- "$jar"; then
		kill -s TERM "$pid" 2> /dev/null || true
	fi
done
exit 0
