#!/usr/bin/env bash
# The plan job's matrix (.github/workflows/plan.yml): one entry per stack to
# plan, in the order of AFFECTED, routed as the synth's ci-plan-routes.json
# says (apps/platform/src/ci-plan-access.ts): {stack, runner, runs-on, reason}.
#   runner  github-hosted | self-hosted | none (not planned: the comment says why)
#   runs-on the job's runs-on, as JSON (a label or a list of labels)
# A stack missing from ROUTES is not planned, with the reason saying so.
# Prints {"include":[...]} on one line.
# Usage: tools/plan-review/scripts/plan-matrix.sh AFFECTED_FILE ROUTES_FILE
set -euo pipefail
affected="${1:?usage: plan-matrix.sh AFFECTED_FILE ROUTES_FILE}"
routes="${2:?usage: plan-matrix.sh AFFECTED_FILE ROUTES_FILE}"
jq -c --rawfile affected "$affected" '
  . as $routes
  | {include: ($affected | split("\n") | map(select(length > 0)) | map(
      . as $stack
      | (first($routes[] | select(.stack == $stack))
         // {stack: $stack, runner: "none", runsOn: "ubuntu-24.04",
             reason: "no route for this stack in cdktf.out/ci-plan-routes.json: run npm run synth with this version"})
      | {stack, runner, "runs-on": (.runsOn | tojson), reason: (.reason // "")}))}
' "$routes"
