#!/usr/bin/env bash
# Bootstraps the `state` stack: the bucket that holds every stack's state,
# including (afterwards) its own.
#   1. applies the stack with local state kept at a stable path outside cdktf.out
#      (default .terraform-bootstrap/state.tfstate at the repository root, git-ignored),
#      through a backend override file that lives only for this step;
#   2. removes the override and migrates that state into the bucket it just made
#      (`terraform init -migrate-state`), at the key the stack declares
#      (`state/state.tfstate`); from then on the stack is like every other one.
#   3. checks the bucket's copy lists the same resources, then removes the local file.
# Run once per account, as an administrator, after `npm run synth`:
#   tools/deploy/bootstrap-state.sh [STACK_DIR]      (default cdktf.out/stacks/state)
# Environment: BOOTSTRAP_STATE_FILE (the local state path), AUTO_APPROVE=1 (no prompt),
# TERRAFORM_BIN (default terraform), BOOTSTRAP_APPLY_ARGS (more `terraform apply` arguments,
# e.g. -target=...; the emulator check uses it). Re-running is safe: step 1 then finds nothing to change.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
stack_dir=$(cd "${1:-$root/cdktf.out/stacks/state}" && pwd)
state_file=${BOOTSTRAP_STATE_FILE:-$root/.terraform-bootstrap/state.tfstate}
tf=${TERRAFORM_BIN:-terraform}
export CHECKPOINT_DISABLE=1 AWS_EC2_METADATA_DISABLED=true TF_IN_AUTOMATION=1
override="$stack_dir/zz_bootstrap_local_override.tf.json"
log() { printf '[bootstrap-state] %s\n' "$*" >&2; }
trap 'rm -f "$override"' EXIT

[ -f "$stack_dir/cdk.tf.json" ] || { log "no $stack_dir/cdk.tf.json: run npm run synth first"; exit 1; }
mkdir -p "$(dirname "$state_file")"
approve=()
[ "${AUTO_APPROVE:-0}" = 1 ] && approve=(-auto-approve)

log "1/3 apply with local state at $state_file"
printf '{"terraform":{"backend":{"local":{"path":"%s"}}}}\n' "$state_file" >"$override"
(cd "$stack_dir" && "$tf" init -input=false -reconfigure >/dev/null && "$tf" apply -input=false "${approve[@]}" ${BOOTSTRAP_APPLY_ARGS:-})
before=$(cd "$stack_dir" && "$tf" state list | sort)

log "2/3 migrate the state into the bucket"
rm -f "$override"
(cd "$stack_dir" && "$tf" init -input=false -migrate-state -force-copy >/dev/null)

log "3/3 check the bucket's copy"
after=$(cd "$stack_dir" && "$tf" state list | sort)
if [ "$before" != "$after" ]; then
  log "the migrated state lists other resources than the local one; keeping $state_file"
  diff <(echo "$before") <(echo "$after") >&2 || true
  exit 1
fi
rm -f "$state_file" "$state_file.backup"
log "done: $(echo "$after" | wc -l) resources, state now in the bucket"
