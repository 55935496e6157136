#!/usr/bin/env bash
# npm run bench [-- --quick] [-- --legs b,po-sync --window 60 …]: builds what the benchmark runs
# (the apps and libraries), makes sure the local stack is up, then runs bench/p2p-bench.ts, which
# prints a markdown table. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH" NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1
export NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=TimeoutNegativeWarning"

for arg in "$@"; do
  if [[ "$arg" == "--help" || "$arg" == "-h" ]]; then exec node bench/p2p-bench.ts --help; fi
done

echo "bench: building the apps and libraries…" >&2
build_log="$(mktemp -t procurelink-bench-build.XXXXXX)"
if ! nx run-many -t build --projects=po-sync,invoice-sync,erp-sandbox --outputStyle=static > "$build_log" 2>&1; then
  tail -40 "$build_log" >&2
  echo "bench: the build failed (full log: $build_log)" >&2
  exit 1
fi
rm -f "$build_log"

if ! npm run -s stack -- is-up > /dev/null 2>&1; then
  echo "bench: the local stack is not up; starting it…" >&2
  npm run -s stack -- up >&2
fi

exec node bench/p2p-bench.ts "$@"
