#!/usr/bin/env bash
# The whole Kubernetes check, as CI runs it: build (or take from cache) the
# kube-apiserver, start it beside etcd on 127.0.0.1, server-side dry-run every
# manifest under the given folders, stop everything.
#   check.sh [DIR...]    (default: dist/manifests, the exported manifests)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
log() { printf '[kube-check] %s\n' "$*" >&2; }
[ $# -gt 0 ] || set -- "$root/dist/manifests"
for d in "$@"; do
  [ -d "$d" ] || { log "no manifests at $d (export them first)"; exit 1; }
done

t0=$SECONDS
bin=$("$here/build.sh" | tail -n1) || { log "build failed"; exit 1; }
t1=$SECONDS
state=$(KUBE_BIN_DIR="$bin" "$here/start.sh" | tail -n1) || { log "API server did not start"; exit 1; }
trap '"$here/stop.sh" "$state"' EXIT
t2=$SECONDS
# shellcheck disable=SC1091
. "$state/env"
"$here/dry-run.sh" "$@"
status=$?
log "build/cache $((t1 - t0))s, start $((t2 - t1))s, dry run $((SECONDS - t2))s"
exit $status
