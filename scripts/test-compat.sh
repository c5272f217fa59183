#!/usr/bin/env bash
# npm run test:compat: the package against each n8n version it supports (README, Compatibility): the
# newest 1.x line and the newest 2.x. Per version: the unit tests with the zod that n8n ships (the nodes
# import n8n's `zod/v4`), then the whole end-to-end suite in that n8n. Each version is installed once
# into its own cache folder by scripts/ensure-n8n.sh (about 4 minutes the first time).
# N8N_COMPAT_VERSIONS overrides the list (space-separated). Every version runs even when one fails; the
# exit code says whether any did.
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a versions <<<"${N8N_COMPAT_VERSIONS:-1.123.81 2.41.1}"
npm run build >/dev/null
bash scripts/ensure-chromium.sh
failed=()
for version in "${versions[@]}"; do
	echo "=== n8n $version" >&2
	started=$SECONDS
	if cache="$(N8N_E2E_VERSION="$version" bash scripts/ensure-n8n.sh | tail -n 1)" &&
		HOST_NODE_MODULES="$cache/node_modules" npx jest -c scripts/jest.host-zod.config.js &&
		N8N_E2E_VERSION="$version" npx jest --selectProjects e2e --runInBand; then
		echo "=== n8n $version: passed in $((SECONDS - started)) s" >&2
	else
		echo "=== n8n $version: FAILED after $((SECONDS - started)) s" >&2
		failed+=("$version")
	fi
done
if [ ${#failed[@]} -gt 0 ]; then
	echo "test:compat failed on n8n ${failed[*]}" >&2
	exit 1
fi
echo "test:compat passed on n8n ${versions[*]}" >&2
