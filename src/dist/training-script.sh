#!/bin/sh
# Waits for the build's training server to name the port it took, then writes the training
# script with that port. Fails the build when the server never comes up: an archive trained
# without it would silently cover fewer classes.
# Usage: training-script.sh PORT_FILE TEMPLATE OUTPUT
set -eu
i=0
while [ ! -s "$1" ]; do
	i=$((i + 1))
	if [ "$i" -gt 600 ]; then
		echo "the training server did not start within 60 s (see target/cds-training-server.log)" >&2
		exit 1
	fi
	sleep 0.1
done
port=$(cat "$1")
sed "s/@PORT@/$port/g" "$2" > "$3"
