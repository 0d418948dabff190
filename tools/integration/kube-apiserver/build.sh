#!/usr/bin/env bash
# Builds kube-apiserver and kubectl from Debian's own `kubernetes` source package
# with Debian's Go (offline: the source package vendors every Go dependency), and
# takes etcd from Debian's etcd-server package. The binaries are cached under
#   ${KUBE_BIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/boomi-eks/kube-bin}/<source version>/
# so a second run only checks the cache. Prints that folder on stdout (last line).
#
# Needs root (apt-get install golang-go rsync jq) on the first run; the system's
# apt sources are never edited: deb-src entries are written to a private apt
# folder, derived from the mirror the machine already uses.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tools/integration/scripts/apt-mirror.sh
. "$here/../scripts/apt-mirror.sh"

log() { printf "[kube-build +%ss] %s\n" "$SECONDS" "$*" >&2; }
codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
cache_root=${KUBE_BIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/boomi-eks/kube-bin}

work=$(mktemp -d "${TMPDIR:-/tmp}/boomi-eks-kube-build.XXXXXX")
aptdir=
cleanup() { rm -rf "$work" ${aptdir:+"$aptdir"}; }
trap cleanup EXIT

# Which source version would we build? (one apt-get update of a private deb-src list)
aptdir=$(private_apt_dir "deb-src" "$codename" "$codename-security")
version=$(private_apt "$aptdir" apt-cache showsrc kubernetes 2>/dev/null |
  awk '/^Version:/ { print $2 }' | sort -V | tail -n1)
[ -n "$version" ] || { log "no kubernetes source package for $codename"; exit 1; }
out="$cache_root/$version"

if [ -x "$out/kube-apiserver" ] && [ -x "$out/kubectl" ] && [ -x "$out/etcd" ]; then
  log "cached: $out"
  echo "$out"
  exit 0
fi
log "building kubernetes $version into $out"
start=$SECONDS

# Build tools from the machine's own suite (apt-get update only if a package is missing).
need=()
for p in golang-go rsync jq dpkg-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

cd "$work"
log "apt-get source kubernetes=$version"
private_apt "$aptdir" apt-get source -qq "kubernetes=$version" >/dev/null 2>"$work/source.log" ||
  { cat "$work/source.log" >&2; exit 1; }
src=$(find "$work" -maxdepth 1 -mindepth 1 -type d -name 'kubernetes-*' | head -n1)

# etcd: Debian's etcd-server, unpacked rather than installed so no service starts.
log "apt-get download etcd-server"
mkdir -p "$work/etcd"
(cd "$work/etcd" && apt-get download -qq etcd-server 2>/dev/null) ||
  { apt-get update -qq && (cd "$work/etcd" && apt-get download -qq etcd-server); }
dpkg -x "$work"/etcd/etcd-server_*.deb "$work/etcd/root"

# Same environment as debian/rules: GOPATH inside the tree, static binaries.
log "make WHAT='cmd/kube-apiserver cmd/kubectl' (this is the long step)"
cd "$src"
mkdir -p .go/src/k8s.io
[ -L .go/src/k8s.io/kubernetes ] || ln -s ../../.. .go/src/k8s.io/kubernetes
export GOPATH="$src/.go" GOCACHE="$work/gocache" CGO_ENABLED=0
export PATH="/usr/lib/go/bin:$PATH"
make WHAT="cmd/kube-apiserver cmd/kubectl" >"$work/make.log" 2>&1 ||
  { tail -n 50 "$work/make.log" >&2; exit 1; }

mkdir -p "$out.tmp"
cp _output/bin/kube-apiserver _output/bin/kubectl "$out.tmp/"
cp "$work/etcd/root/usr/bin/etcd" "$out.tmp/etcd"
rm -rf "$out" && mv "$out.tmp" "$out"
log "built in $((SECONDS - start))s: $out"
echo "$out"
