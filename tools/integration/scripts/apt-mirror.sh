#!/usr/bin/env bash
# Sourced helper: derives the Debian mirror this machine's apt already uses and
# builds private apt configurations (own sources list, own lists folder) so the
# system's apt setup is never changed. No host name is written here: the mirror
# is read at run time from /etc/apt/sources.list and /etc/apt/sources.list.d.
#
#   debian_mirror            -> prints the URI serving "<codename>" (e.g. bookworm)
#   debian_keyring           -> prints the Signed-By keyring of that entry (may be empty)
#   private_apt_dir TYPES SUITES...  -> prints a folder holding sources.list and lists/,
#                                       already `apt-get update`d
#   private_apt DIR TOOL ARGS... -> runs TOOL (apt-get, apt-cache) with that private configuration

# Prints "URI<TAB>SUITE<TAB>KEYRING" for every plain 'deb' entry of the apt config.
_apt_entries() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    awk '
      /^[[:space:]]*deb[[:space:]]/ {
        i = 2; key = ""
        if ($i ~ /^\[/) {
          while (i <= NF) {
            if (match($i, /signed-by=[^] ]+/)) key = substr($i, RSTART + 10, RLENGTH - 10)
            if ($i ~ /\]$/) { i++; break }
            i++
          }
        }
        print $i "\t" $(i + 1) "\t" key
      }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    # deb822: blank-line separated stanzas
    awk '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && enabled != "no")
          for (u = 1; u <= nu; u++) for (s = 1; s <= ns; s++) print uris[u] "\t" suites[s] "\t" key
        types = ""; nu = 0; ns = 0; key = ""; enabled = ""
      }
      /^#/ { next }
      /^[[:space:]]*$/ { flush(); next }
      {
        field = tolower($1); sub(/:$/, "", field)
        $1 = ""; sub(/^ +/, "")
        if (field == "types") types = $0
        else if (field == "uris") nu = split($0, uris, " ")
        else if (field == "suites") ns = split($0, suites, " ")
        else if (field == "signed-by") key = $0
        else if (field == "enabled") enabled = tolower($0)
      }
      END { flush() }' "$f"
  done
}

_codename() { . /etc/os-release && echo "${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}"; }

debian_mirror() {
  local codename; codename=$(_codename)
  _apt_entries | awk -F'\t' -v c="$codename" '$2 == c { print $1; exit }'
}

debian_keyring() {
  local codename; codename=$(_codename)
  _apt_entries | awk -F'\t' -v c="$codename" '$2 == c { print $3; exit }'
}

# private_apt_dir "deb deb-src" trixie            -> folder with an updated private config
# Suites are taken literally; the mirror is the one serving this machine's codename.
# Security suites (<codename>-security) come from the URI apt already uses for them.
private_apt_dir() {
  local types=$1; shift
  local mirror key dir suite type uri
  mirror=$(debian_mirror)
  if [ -z "$mirror" ]; then
    echo "apt-mirror: no 'deb' entry for $(_codename) in /etc/apt/sources.list(.d)" >&2
    return 1
  fi
  key=$(debian_keyring)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/boomi-eks-apt.XXXXXX")
  mkdir -p "$dir/lists/partial" "$dir/archives/partial"
  : >"$dir/sources.list"
  for suite in "$@"; do
    uri=$mirror
    case $suite in
      *-security)
        uri=$(_apt_entries | awk -F'\t' -v s="$suite" '$2 == s { print $1; exit }')
        [ -n "$uri" ] || continue ;;
    esac
    for type in $types; do
      echo "$type ${key:+[signed-by=$key] }$uri $suite main" >>"$dir/sources.list"
    done
  done
  private_apt "$dir" apt-get update -qq >&2 || { rm -rf "$dir"; return 1; }
  echo "$dir"
}

private_apt() {
  local dir=$1 tool=$2; shift 2
  "$tool" -o Dir::Etc::sourcelist="$dir/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$dir/lists" -o Dir::Cache::archives="$dir/archives" \
    -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= \
    -o APT::Get::List-Cleanup=0 -o APT::Sandbox::User=root "$@"
}
