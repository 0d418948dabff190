#!/usr/bin/env bash
# Starts a throwaway control plane on 127.0.0.1 for server-side dry runs:
# Debian's etcd and the kube-apiserver built by build.sh, on free ports, with a
# temporary data dir, a generated service-account key, a static bearer token
# and AlwaysAllow authorization. No controller-manager, scheduler or kubelet:
# the API server validates and admits objects, nothing runs.
#
#   start.sh [STATE_DIR]   (default: a new temp dir)
# Writes STATE_DIR/kubeconfig and STATE_DIR/env (KUBECONFIG, KUBECTL, pids) and
# prints STATE_DIR as its last line. Stop with stop.sh STATE_DIR.
#   KUBE_BIN_DIR  folder with kube-apiserver, kubectl, etcd (default: build.sh's cache)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
log() { printf '[kube-start] %s\n' "$*" >&2; }

bin=${KUBE_BIN_DIR:-$("$here/build.sh" | tail -n1)}
for b in etcd kube-apiserver kubectl; do
  [ -x "$bin/$b" ] || { log "missing $bin/$b (run build.sh)"; exit 1; }
done
state=${1:-$(mktemp -d "${TMPDIR:-/tmp}/boomi-eks-kube.XXXXXX")}
mkdir -p "$state"
state=$(cd "$state" && pwd)
start=$SECONDS

free_port() {
  # stdout.write, not console.log: under Nx FORCE_COLOR would colour a number
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'
}
etcd_client=$(free_port); etcd_peer=$(free_port)
while [ "$etcd_peer" = "$etcd_client" ]; do etcd_peer=$(free_port); done
api_port=$(free_port)
while [ "$api_port" = "$etcd_client" ] || [ "$api_port" = "$etcd_peer" ]; do api_port=$(free_port); done

# etcd
setsid "$bin/etcd" --name boomi-eks-check --data-dir "$state/etcd" \
  --listen-client-urls "http://127.0.0.1:$etcd_client" --advertise-client-urls "http://127.0.0.1:$etcd_client" \
  --listen-peer-urls "http://127.0.0.1:$etcd_peer" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer" \
  --initial-cluster "boomi-eks-check=http://127.0.0.1:$etcd_peer" \
  --log-level warn >"$state/etcd.log" 2>&1 </dev/null &
echo $! >"$state/etcd.pid"

wait_for() { # what pidfile seconds command...
  local what=$1 pidfile=$2 secs=$3; shift 3
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then log "$what exited"; return 1; fi
    if [ $SECONDS -ge $deadline ]; then log "timed out after ${secs}s waiting for $what"; return 1; fi
    sleep 0.5
  done
}
fail() { log "$1; last log lines:"; tail -n 30 "$state/$2" >&2; "$here/stop.sh" "$state" >&2 || true; exit 1; }

wait_for etcd "$state/etcd.pid" 60 curl -fsS "http://127.0.0.1:$etcd_client/health" || fail "etcd did not start" etcd.log
log "etcd ready on 127.0.0.1:$etcd_client after $((SECONDS - start))s"

# credentials: service-account signing key and a static bearer token
openssl genrsa -out "$state/sa.key" 2048 2>/dev/null
token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
echo "$token,boomi-eks-check,boomi-eks-check,system:masters" >"$state/tokens.csv"
chmod 600 "$state/sa.key" "$state/tokens.csv"

setsid "$bin/kube-apiserver" \
  --etcd-servers "http://127.0.0.1:$etcd_client" \
  --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$api_port" \
  --insecure-port 0 \
  --cert-dir "$state/pki" \
  --token-auth-file "$state/tokens.csv" \
  --authorization-mode AlwaysAllow \
  --service-account-key-file "$state/sa.key" \
  --service-account-signing-key-file "$state/sa.key" \
  --service-account-issuer https://kubernetes.default.svc.cluster.local \
  --service-cluster-ip-range 10.0.0.0/24 \
  --endpoint-reconciler-type none \
  --profiling=false \
  >"$state/kube-apiserver.log" 2>&1 </dev/null &
echo $! >"$state/kube-apiserver.pid"

cat >"$state/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
- name: boomi-eks-check
  cluster:
    server: https://127.0.0.1:$api_port
    # the serving certificate is self-signed by this throwaway apiserver
    insecure-skip-tls-verify: true
users:
- name: boomi-eks-check
  user:
    token: $token
contexts:
- name: boomi-eks-check
  context: {cluster: boomi-eks-check, user: boomi-eks-check}
current-context: boomi-eks-check
KUBECONFIG
chmod 600 "$state/kubeconfig"

ready() {
  curl -fsSk -H "Authorization: Bearer $token" "https://127.0.0.1:$api_port/readyz" &&
    KUBECONFIG="$state/kubeconfig" "$bin/kubectl" get namespace default
}
wait_for kube-apiserver "$state/kube-apiserver.pid" 180 ready || fail "kube-apiserver did not become ready" kube-apiserver.log

cat >"$state/env" <<ENV
export KUBECONFIG="$state/kubeconfig"
export KUBECTL="$bin/kubectl"
export KUBE_STATE_DIR="$state"
ENV
log "kube-apiserver $("$bin/kube-apiserver" --version | awk '{print $2}') ready on https://127.0.0.1:$api_port after $((SECONDS - start))s (state: $state)"
echo "$state"
