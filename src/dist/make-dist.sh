#!/bin/bash
# Makes the self-contained distribution from the extracted application:
#   target/influx-shell-VERSION-linux-x64.tar.gz   a jlinked Java runtime, the application, the
#       launcher and the warm console's native client (when the build had a C compiler), the man
#       page, completion scripts for bash, zsh and fish, a class-data archive and the licence
#   target/influx-shell_VERSION_amd64.deb          the same, installed under /usr/lib/influx-shell
# The runtime comes from the newest JDK found: the one the influxshell.jdk property or the
# INFLUX_SHELL_JDK variable names, else the newest in the system's JDK folders. With JDK 25 or
# later its AOT cache is made here, from a training run; it stays valid wherever the folder is
# moved. An older JDK cannot do that, and the launcher makes an archive on the first run instead.
# HOMEPAGE and MAINTAINER ("Name <address>") are the POM's url and first developer, for the .deb.
# Usage: make-dist.sh TARGET VERSION BASEDIR TRAINING_SCRIPT HOMEPAGE MAINTAINER [JDK]
set -euo pipefail
target=$1 version=$2 basedir=$3 training=$4 homepage=$5 maintainer=$6 jdk=${7:-${INFLUX_SHELL_JDK:-}}

java_version() { sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null; }

if [ -z "$jdk" ]; then
	best=
	for d in /usr/lib/jvm/* /usr/java/* /opt/java/*; do
		[ -x "$d/bin/jlink" ] && [ -f "$d/release" ] || continue
		v=$(java_version "$d")
		[ -n "$v" ] && best="$best$v $d"$'\n'
	done
	jdk=$(printf '%s' "$best" | sort -V | tail -n 1 | cut -d' ' -f2-)
	[ -n "$jdk" ] || { echo "no JDK with jlink found in /usr/lib/jvm, /usr/java or /opt/java: set -Dinfluxshell.jdk=DIR" >&2; exit 1; }
fi
[ -x "$jdk/bin/jlink" ] || { echo "$jdk is not a JDK with jlink" >&2; exit 1; }
jv=$(java_version "$jdk")
major=${jv%%.*}
echo "runtime: jlink from $jdk (Java $jv)"

app=$target/influx-shell
name=influx-shell-$version
dist=$target/dist/$name
rm -rf "$target/dist"
mkdir -p "$dist/bin" "$dist/app" "$dist/share/man/man1" "$dist/share/bash-completion/completions" \
	"$dist/share/zsh/vendor-completions" "$dist/share/fish/vendor_completions.d"
cp "$app/influx-shell.jar" "$app/influx-shell-client.jar" "$dist/app/"
cp -r "$app/lib" "$dist/app/"
install -m 0755 "$basedir/src/main/launcher/influx-shell" "$dist/bin/influx-shell"
cp "$basedir/LICENSE" "$dist/LICENSE"
# the native client of the warm console, when the build had a C compiler to make it
if [ -f "$app/influx-shell-client" ]; then
	install -m 0755 "$app/influx-shell-client" "$dist/app/influx-shell-client"
fi

# the modules the classes use, and those only reached by name at run time: elliptic-curve TLS
# (a module of its own before JDK 22), the charsets of non-UTF-8 terminals, Unsafe for Netty
modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$major" \
	--class-path "$app/lib/*" "$app/influx-shell.jar")
modules="$modules,java.net.http,jdk.unsupported,jdk.charsets,jdk.zipfs"
[ "$major" -lt 22 ] && modules="$modules,jdk.crypto.ec"
compress=zip-6
[ "$major" -lt 21 ] && compress=2
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
	--compress="$compress" --output "$dist/runtime"
echo "modules: $modules"

# The AOT cache, trained with the launcher's own flags for a one-shot, as the JVM requires; the
# daemon's compiler flags differ, which the JVM accepts (checked on JDK 25 with warnings on: silent).
if [ "$major" -ge 25 ]; then
	home=$target/aot-training-home
	rm -rf "$home" && mkdir -p "$home"
	set +e
	HOME=$home INFLUX_SHELL_JAVA_OPTS="-XX:AOTCacheOutput=$dist/app/influx-shell.aot -Dinflux.connect-timeout=1s" \
		"$dist/bin/influx-shell" "--spring.shell.script=$training" > "$target/aot-training.log" 2>&1
	rc=$?
	set -e
	# the training script ends on a refused connection on purpose (exit 1)
	if [ "$rc" -gt 1 ] || [ ! -s "$dist/app/influx-shell.aot" ]; then
		echo "the AOT training run failed ($rc): see $target/aot-training.log" >&2
		exit 1
	fi
	cp "$dist/runtime/release" "$dist/app/influx-shell.aot.release"
fi

# the warm console's client: an archive of its own, made by this runtime
sh "$basedir/src/dist/client-training.sh" "$dist/bin/influx-shell" "$dist/app" "$dist/runtime/release"

# man page and completion scripts, written by the packaged console itself from its command model
run() { HOME="$target/aot-training-home" "$dist/bin/influx-shell" "$@"; }
run __man > "$dist/share/man/man1/influx-shell.1"
run completion bash > "$dist/share/bash-completion/completions/influx-shell"
run completion zsh > "$dist/share/zsh/vendor-completions/_influx-shell"
run completion fish > "$dist/share/fish/vendor_completions.d/influx-shell.fish"
cp "$dist/share/man/man1/influx-shell.1" "$app/influx-shell.1"

tarball=$target/$name-linux-x64.tar.gz
tar -C "$target/dist" --owner=0 --group=0 -czf "$tarball" "$name"
echo "tarball: $tarball ($(du -h "$tarball" | cut -f1))"

# The Debian package: the same folder under /usr/lib, the command, completions and man page
# where the shells and man look.
if ! command -v dpkg-deb > /dev/null; then
	echo "no dpkg-deb here: the .deb is left out"
	exit 0
fi
root=$target/deb/influx-shell
rm -rf "$target/deb"
mkdir -p "$root/DEBIAN" "$root/usr/lib" "$root/usr/bin" "$root/usr/share/man/man1" \
	"$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
	"$root/usr/share/fish/vendor_completions.d" "$root/usr/share/doc/influx-shell"
cp -a "$dist" "$root/usr/lib/influx-shell"
rm -rf "$root/usr/lib/influx-shell/share"
ln -s ../lib/influx-shell/bin/influx-shell "$root/usr/bin/influx-shell"
gzip -9n < "$dist/share/man/man1/influx-shell.1" > "$root/usr/share/man/man1/influx-shell.1.gz"
cp "$dist/share/bash-completion/completions/influx-shell" "$root/usr/share/bash-completion/completions/"
cp "$dist/share/zsh/vendor-completions/_influx-shell" "$root/usr/share/zsh/vendor-completions/"
cp "$dist/share/fish/vendor_completions.d/influx-shell.fish" "$root/usr/share/fish/vendor_completions.d/"
# the machine-readable copyright format Debian's policy names
cat > "$root/usr/share/doc/influx-shell/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: influx-shell
Upstream-Contact: $maintainer
Source: $homepage

Files: *
Copyright: influx-shell developers
License: Apache-2.0
 Licensed under the Apache License, Version 2.0 (the "License"); you may not
 use this software except in compliance with the License. Unless required by
 applicable law or agreed to in writing, software distributed under the
 License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS
 OF ANY KIND, either express or implied. See the License for the specific
 language governing permissions and limitations under the License.
 .
 On Debian systems, the full text of the Apache License, Version 2.0 is in
 /usr/share/common-licenses/Apache-2.0; the package also holds it as
 /usr/lib/influx-shell/LICENSE.
COPYRIGHT
cat > "$root/DEBIAN/control" <<CONTROL
Package: influx-shell
Version: $version
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Section: utils
Priority: optional
Homepage: $homepage
Description: console for InfluxDB 2.x and 3 API tokens and connection profiles
 Re-creates the auth and config commands of InfluxData's Go influx CLI,
 as one-shot commands, scripts or a REPL. Brings its own Java runtime.
CONTROL
# before an upgrade or a removal, the daemons running from the old files are told to stop
install -m 0755 "$basedir/src/dist/deb-prerm.sh" "$root/DEBIAN/prerm"
deb=$target/influx-shell_${version}_amd64.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" > /dev/null
echo "deb: $deb ($(du -h "$deb" | cut -f1))"
