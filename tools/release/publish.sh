#!/usr/bin/env bash
# Publishes the libraries that `nx release` versioned and tagged at HEAD to the
# registry named by BOOMI_EKS_REGISTRY (e.g. https://npm.pkg.github.com or a
# private Verdaccio/Artifactory/CodeArtifact URL). Authentication stays outside
# this repository: an `//<host>/:_authToken=${NPM_TOKEN}` line in the CI user's
# ~/.npmrc. Extra arguments go to `nx release publish` (e.g. --first-release,
# --dry-run, --otp 123456). See docs/releasing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_TUI=false NX_NO_CLOUD=true

if [ -z "${BOOMI_EKS_REGISTRY:-}" ]; then
  echo "BOOMI_EKS_REGISTRY is not set: set it to the npm registry URL to publish @boomi-eks/* to (docs/releasing.md)" >&2
  exit 2
fi
case "$BOOMI_EKS_REGISTRY" in
  https://* | http://localhost* | http://127.0.0.1*) ;;
  *)
    echo "BOOMI_EKS_REGISTRY ($BOOMI_EKS_REGISTRY) must be an https:// URL (http only for localhost): fix the URL" >&2
    exit 2
    ;;
esac
# publishConfig.access is 'restricted' in every package.json: nothing becomes public by mistake.
npx nx release publish --registry "$BOOMI_EKS_REGISTRY" "$@"
