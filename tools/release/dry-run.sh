#!/usr/bin/env bash
# Prints what the next release would be: the version of each library (from
# conventional commits since its last `<project>@<version>` tag, or since the
# start of the history before the first release) and its CHANGELOG entry.
# Never writes a file, commits, tags, pushes or publishes: `nx release
# --dry-run --skip-publish`, then a check that the working tree and the tags
# are as they were. Works offline, without a git remote or git identity.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_TUI=false NX_NO_CLOUD=true NPM_CONFIG_UPDATE_NOTIFIER=false

status_before=$(git status --porcelain)
tags_before=$(git tag --list)

args=(release --dry-run --skip-publish)
# No release tag yet: preview the documented first release (docs/releasing.md):
# every lib at the version on disk, changelogs from the whole history. The
# history before the packages has no conventional commits, so the first
# release names its version; every later one takes it from the commits.
if [ -z "$(git tag --list '*@*')" ]; then
  first_version=${RELEASE_FIRST_VERSION:-0.1.0}
  args=(release "$first_version" --first-release --dry-run --skip-publish)
  echo "no <project>@<version> tag yet: previewing the first release ($first_version)"
fi
npx nx "${args[@]}"

if [ "$(git status --porcelain)" != "$status_before" ] || [ "$(git tag --list)" != "$tags_before" ]; then
  echo "release dry run changed the working tree or the tags:" >&2
  git status --porcelain >&2
  exit 1
fi
echo "release dry run: no file, commit or tag changed"
