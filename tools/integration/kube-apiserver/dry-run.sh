#!/usr/bin/env bash
# Server-side dry run of every *.yaml / *.yml under the given folders against the
# API server that start.sh started: `kubectl apply --dry-run=server -f FILE`,
# which runs the server's decoding, defaulting, validation and admission without
# storing anything. Fails when any file is refused.
#
#   dry-run.sh DIR...        (needs KUBECONFIG and KUBECTL, e.g. `. STATE_DIR/env`)
#
# Where the server is older than an API version we emit (autoscaling/v2 HPA,
# policy/v1 PDB on the 1.20 apiserver Debian ships), the object is converted to
# the older version of the same kind for this check only (convert-for-server.js),
# and each conversion is printed. Namespaces the manifests use are created for
# real first, since a dry-run Namespace is not stored.
# With JEST_RESULTS_DIR set, writes kube-dry-run-<pid>.json in the format of
# tools/ci/jest-results-reporter.js (one "test" per file), for .ci/run's summary.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
log() { printf '[kube-dry-run] %s\n' "$*" >&2; }
: "${KUBECONFIG:?set KUBECONFIG (source STATE_DIR/env from start.sh)}"
kubectl=${KUBECTL:-kubectl}
[ $# -gt 0 ] || { log "usage: dry-run.sh DIR..."; exit 2; }

files=()
for dir in "$@"; do
  [ -d "$dir" ] || { log "no such folder: $dir"; exit 1; }
  while IFS= read -r f; do files+=("$f"); done < <(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' \) | sort)
done
[ ${#files[@]} -gt 0 ] || { log "no *.yaml under $*"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/boomi-eks-dry-run.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$kubectl" api-versions >"$work/served" || { log "cannot reach the API server"; exit 1; }
log "server $("$kubectl" version -o json 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).serverVersion.gitVersion)}catch{console.log("?")}})')"
node "$here/convert-for-server.js" --served "$work/served" --out "$work/out" "${files[@]}" >"$work/report.json" || exit 1

# conversions, loudly
node -e '
  const r = require(process.argv[1]);
  for (const c of r.conversions)
    console.error(`[kube-dry-run] CONVERTED for this check only: ${c.kind} ${c.namespace ? c.namespace + "/" : ""}${c.name} ` +
      `${c.from} -> ${c.to} (server lacks ${c.from})` + (c.dropped.length ? `; not checked: ${c.dropped.join(", ")}` : "") + ` [${c.file}]`);
' "$work/report.json"

for ns in $(node -e 'console.log(require(process.argv[1]).namespaces.join(" "))' "$work/report.json"); do
  "$kubectl" get namespace "$ns" >/dev/null 2>&1 || "$kubectl" create namespace "$ns" --save-config >/dev/null ||
    { log "cannot create namespace $ns"; exit 1; }
done

passed=0 failed=0 objects=0
while IFS=$'\t' read -r src out count; do
  if output=$("$kubectl" apply --dry-run=server -f "$out" 2>&1); then
    accepted=$(grep -c '(server dry run)$' <<<"$output")
    if [ "$accepted" -eq "$count" ]; then
      passed=$((passed + 1)); objects=$((objects + accepted))
      log "ok   $src ($accepted objects)"
      continue
    fi
    log "FAIL $src: $accepted of $count objects reported as accepted"
  else
    log "FAIL $src"
  fi
  sed 's/^/    /' <<<"$output" >&2
  failed=$((failed + 1))
done < <(node -e 'for (const f of require(process.argv[1]).files) console.log([f.src, f.out, f.objects].join("\t"))' "$work/report.json")

log "$passed files accepted ($objects objects), $failed refused"
if [ -n "${JEST_RESULTS_DIR:-}" ]; then
  mkdir -p "$JEST_RESULTS_DIR"
  cat >"$JEST_RESULTS_DIR/kube-dry-run-$$.json" <<JSON
{"project":"kube-dry-run","numTotalTests":$((passed + failed)),"numPassedTests":$passed,"numFailedTests":$failed,"numPendingTests":0,"numFailedTestSuites":$((failed > 0 ? 1 : 0)),"numRuntimeErrorTestSuites":0,"success":$([ "$failed" -eq 0 ] && echo true || echo false)}
JSON
fi
[ "$failed" -eq 0 ]
