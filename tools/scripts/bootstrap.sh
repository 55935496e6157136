# Sourced by start.sh and test.sh: installs the workspace's dependencies when the lockfile
# changed (or on a fresh clone), then puts the pinned Node 24 from node_modules first on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

command -v npm >/dev/null || fail "npm is not installed; install Node.js (any version with npm 10+) so it can fetch the pinned Node 24"

lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp="node_modules/.procurelink-lock-hash"
if [[ ! -x node_modules/.bin/node || ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  say "installing dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

export PATH="$ROOT/node_modules/.bin:$PATH"
export NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false KAFKAJS_NO_PARTITIONER_WARNING=1
# kafkajs 2.2.4 schedules a timer with a negative delay when it is not throttled (Node clamps it
# to 1 ms, so nothing breaks); Node 24 warns about it on every run. Silence that one warning only.
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--disable-warning=TimeoutNegativeWarning"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == "24" ]] || fail "expected the pinned Node 24 from node_modules, found $(node --version)"
