#!/usr/bin/env bash
# Deploys the given stacks one at a time, in the order given (dependency order,
# from stacks-to-deploy.sh), with `cdktf deploy` on the synthesized cdktf.out.
# Credentials: the deploy role, assumed by the workflow through GitHub OIDC.
# Usage: tools/plan-review/scripts/deploy-stacks.sh STACK...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$root"
if [ "$#" -eq 0 ]; then
  echo "nothing to deploy"
  exit 0
fi
# Wait for a state lock held by a plan instead of failing at once.
export TF_CLI_ARGS_plan="-lock-timeout=10m" TF_CLI_ARGS_apply="-lock-timeout=10m"
export CI=true CHECKPOINT_DISABLE=1
for stack in "$@"; do
  [ -f "cdktf.out/stacks/$stack/cdk.tf.json" ] || { echo "::error::no synthesized stack $stack in cdktf.out"; exit 1; }
  echo "::group::cdktf deploy $stack"
  node_modules/.bin/cdktf deploy "$stack" --auto-approve --skip-synth --ignore-missing-stack-dependencies --no-color
  echo "::endgroup::"
done
