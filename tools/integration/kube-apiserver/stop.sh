#!/usr/bin/env bash
# Stops what start.sh started in STATE_DIR (by the pids it recorded) and removes STATE_DIR.
set -uo pipefail
state=${1:?usage: stop.sh STATE_DIR}
[ -d "$state" ] || exit 0
for name in kube-apiserver etcd; do
  f="$state/$name.pid"
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  # only a process that still is what we started
  if kill -0 "$pid" 2>/dev/null && grep -q "$name" "/proc/$pid/cmdline" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
done
rm -rf "$state"
