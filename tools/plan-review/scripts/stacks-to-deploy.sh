#!/usr/bin/env bash
# Prints, space-separated and in dependency order, the stacks of environment $1
# whose synthesized Terraform changed since that environment's last successful
# deploy, plus every stack depending on them (a consumer must be applied again
# when a value it reads through remote state may have changed).
# `state` and `ci-access` are never listed: an administrator applies them.
# Reads the head synth from cdktf.out (run `npm run synth` first).
# Usage: tools/plan-review/scripts/stacks-to-deploy.sh ENVIRONMENT
set -euo pipefail
env_name="${1:?usage: stacks-to-deploy.sh ENVIRONMENT}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"

base="$("$here/last-deployed-sha.sh" "$env_name")"
echo "environment $env_name: last successful deploy: $base" >&2
list="$(mktemp)"
trap 'rm -f "$list"' EXIT
# Exit code 2 means "something changed", not an error.
"$root/tools/plan-review/bin/plan-review" --base "$base" --head-dir "$root/cdktf.out" \
  --affected --with-dependents --exclude state,ci-access --out "$list" || [ $? -eq 2 ]
grep "^${env_name}-" "$list" | paste -sd' ' - || true
