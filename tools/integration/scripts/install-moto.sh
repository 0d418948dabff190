#!/usr/bin/env bash
# Installs the S3 emulator used by the s3-backend integration test: Debian's
# python3-moto (moto server). Debian bookworm has no python3-moto, so the one
# .deb (Architecture: all) is fetched from the next suite (trixie) through a
# private apt configuration on the same mirror this machine's apt already uses,
# unpacked with `dpkg -x` into a cache folder (nothing of trixie is installed),
# and its dependencies are installed from the machine's own suite with apt-get.
#
# Idempotent: exits at once when moto's server already imports.
# Prints, as its last line, the PYTHONPATH to use with /usr/bin/python3.
#   MOTO_HOME   where the .deb is unpacked (default ~/.cache/boomi-eks/moto)
#   MOTO_SUITE  the suite to take python3-moto from (default trixie)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tools/integration/scripts/apt-mirror.sh
. "$here/apt-mirror.sh"

log() { printf '[install-moto] %s\n' "$*" >&2; }
python=/usr/bin/python3            # Debian's python: the one apt's python3-* packages serve
moto_home=${MOTO_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/boomi-eks/moto}
suite=${MOTO_SUITE:-trixie}
site="$moto_home/root/usr/lib/python3/dist-packages"

importable() { PYTHONPATH="$site" "$python" -c 'import moto.server, flask_cors, boto3' 2>/dev/null; }

if [ -x "$python" ] && importable; then
  log "moto already importable ($(PYTHONPATH="$site" "$python" -c 'import moto; print(moto.__version__)'))"
  echo "$site"
  exit 0
fi
start=$SECONDS

aptdir=
tmp=$(mktemp -d "${TMPDIR:-/tmp}/boomi-eks-moto.XXXXXX")
trap 'rm -rf "$tmp" ${aptdir:+"$aptdir"}' EXIT

log "fetching python3-moto from $suite (private apt list, same mirror as the system's)"
aptdir=$(private_apt_dir deb "$suite")
(cd "$tmp" && private_apt "$aptdir" apt-get download -qq python3-moto)
deb=$(ls "$tmp"/python3-moto_*.deb)

# Dependencies: the .deb's own Depends (versions dropped: bookworm's satisfy them),
# plus the optional modules the server imports (flask-cors, yaml).
deps=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -E 's/\(.*\)//; s/\|.*//; s/[[:space:]]//g' |
  grep -v -e '^python3:any$' -e '^python3$' -e '^$' || true)
deps="$deps python3 python3-flask-cors python3-yaml python3-dateutil python3-requests"
missing=()
# shellcheck disable=SC2086 # word splitting of the package list is intended
for p in $(printf '%s\n' $deps | sort -u); do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

rm -rf "$moto_home.tmp"
mkdir -p "$moto_home.tmp"
dpkg -x "$deb" "$moto_home.tmp/root"
rm -rf "$moto_home" && mv "$moto_home.tmp" "$moto_home"

if ! importable; then
  log "moto does not import after install:"
  PYTHONPATH="$site" "$python" -c 'import moto.server, flask_cors, boto3' >&2 || true
  exit 1
fi
log "installed moto $(PYTHONPATH="$site" "$python" -c 'import moto; print(moto.__version__)') in $((SECONDS - start))s"
echo "$site"
