#!/bin/sh
# Compiles the warm console's native client (src/main/c/influx-shell-client.c) when a C compiler
# is here; without one it leaves the client out (and removes an old one, which would name an
# older build), and the launcher uses the JDK client. The build's version and time, which the
# daemon must find in every request, are compiled in from the build-info file.
# Usage: build-client.sh SOURCE BUILD_INFO_PROPERTIES OUTPUT [CFLAG...]
set -eu
source=$1 info=$2 output=$3
shift 3
cc=
for c in "${CC:-}" cc gcc; do
	if [ -n "$c" ] && command -v "$c" > /dev/null 2>&1; then
		cc=$c
		break
	fi
done
if [ -z "$cc" ]; then
	rm -f "$output"
	echo "no C compiler (cc, gcc): the native client is left out, the JDK client serves the warm console"
	exit 0
fi
[ -f "$info" ] || { echo "no build information: $info" >&2; exit 1; }
# a properties file escapes ':' and '=' with a backslash
property() { sed -n "s/^$1=//p" "$info" | sed 's/\\\(.\)/\1/g'; }
build="$(property build.version) $(property build.time)"
case $build in
	*[\"\\]*) echo "unexpected build information: $build" >&2; exit 1 ;;
esac
tmp=$output.tmp.$$
"$cc" -std=gnu11 -O2 -Wall -Wextra -Werror "-DINFLUX_SHELL_BUILD=\"$build\"" "$@" -o "$tmp" "$source"
mv -f "$tmp" "$output"
