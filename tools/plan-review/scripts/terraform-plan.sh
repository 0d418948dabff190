#!/usr/bin/env bash
# Plans one synthesized stack with Terraform (CI, plan role credentials in the
# environment) and writes to OUT_DIR:
#   init.txt, plan.txt  Terraform's text output (it hides sensitive values)
#   summary.json        addresses per action (plan-review --summarize-plan)
# The binary plan and its JSON, which hold sensitive values in clear, stay in a
# temporary folder that is deleted. A failure is recorded in summary.json too,
# so the PR comment shows it; the exit status is then 1.
# Usage: tools/plan-review/scripts/terraform-plan.sh STACK OUT_DIR
set -uo pipefail
stack="${1:?usage: terraform-plan.sh STACK OUT_DIR}"
out="${2:?usage: terraform-plan.sh STACK OUT_DIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
review="$root/tools/plan-review/bin/plan-review"
dir="$root/cdktf.out/stacks/$stack"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fail() {
  "$review" --plan-error "$1" --stack "$stack" --out "$out/summary.json"
  echo "::error title=terraform plan ${stack}::$1"
  exit 1
}

[ -f "$dir/cdk.tf.json" ] || fail "no synthesized stack at cdktf.out/stacks/$stack (run npm run synth first)"

if ! terraform -chdir="$dir" init -input=false -no-color >"$out/init.txt" 2>&1; then
  cat "$out/init.txt"
  fail "terraform init failed (init.txt in the plan-$stack artifact)"
fi
# -lock-timeout: wait for a running deploy of this stack instead of failing.
if ! terraform -chdir="$dir" plan -input=false -no-color -lock-timeout=10m -out="$tmp/tfplan" >"$out/plan.txt" 2>&1; then
  cat "$out/plan.txt"
  fail "terraform plan failed (plan.txt in the plan-$stack artifact)"
fi
cat "$out/plan.txt"
terraform -chdir="$dir" show -json "$tmp/tfplan" >"$tmp/plan.json" || fail "terraform show -json failed"
"$review" --summarize-plan "$tmp/plan.json" --stack "$stack" --out "$out/summary.json"
