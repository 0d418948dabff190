#!/usr/bin/env bash
# Prints the commit last deployed successfully to the GitHub environment $1 by
# this repository's workflows, or `none` if there is none. deploy.yml passes it
# to plan-review as --base, so a deploy applies every change since the last one
# that succeeded, also when an intermediate run was cancelled or rejected.
# Needs the gh CLI with GH_TOKEN (permission deployments: read) and
# GITHUB_REPOSITORY, both set in GitHub Actions.
# Usage: tools/plan-review/scripts/last-deployed-sha.sh ENVIRONMENT
set -euo pipefail
env_name="${1:?usage: last-deployed-sha.sh ENVIRONMENT}"
repo="${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}"

# Newest first; each job with `environment:` creates one deployment, whose
# latest status becomes success only when the job succeeded.
for entry in $(gh api "repos/$repo/deployments?environment=$env_name&per_page=50" --jq '.[] | "\(.id):\(.sha)"'); do
  id="${entry%%:*}"
  sha="${entry#*:}"
  state="$(gh api "repos/$repo/deployments/$id/statuses?per_page=1" --jq '.[0].state // ""')"
  if [ "$state" = "success" ] && git cat-file -e "${sha}^{commit}" 2>/dev/null; then
    echo "$sha"
    exit 0
  fi
done
echo none
