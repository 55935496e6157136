#!/usr/bin/env bash
# The whole test suite, from a fresh clone: install, start the local stack if it is not up,
# check types, lint and architecture, build, validate deployment files, run the unit,
# integration and end-to-end tiers and the fault suite, then stop whatever this script started.
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
started_at=$(( $(date +%s) - SECONDS ))  # include the install in bootstrap.sh
reports=.stack/reports
rm -rf "$reports" && mkdir -p "$reports"

say "unit tests (no I/O)"
jest --selectProjects unit --json --outputFile="$reports/unit.json"

say "type check, lint and architecture rules"
tsc -p tsconfig.json
npm run -s lint   # computes the Nx project graph first: without it the boundary rule would be skipped

say "build every project"
nx run-many -t build --outputStyle=static

say "deployment files"
bash tools/scripts/deploy-check.sh

say "local stack"
stack_was_up=no
if npm run -s stack -- is-up; then stack_was_up=yes; fi
cleanup() {
  if [[ "$stack_was_up" == "no" ]]; then
    say "stopping the stack this run started"
    npm run -s stack -- down || true
  fi
}
trap cleanup EXIT
npm run -s stack -- up

say "canonical schemas against the registry (npm run schemas:check)"
npm run -s schemas:check

say "integration tests (real Kafka, registry, Redis, PostgreSQL)"
jest --selectProjects int --runInBand --json --outputFile="$reports/int.json"

say "end-to-end tests"
bash tools/scripts/install-chromium.sh   # the console is tested in Debian's chromium (playwright-core drives it)
jest --selectProjects e2e --runInBand --json --outputFile="$reports/e2e.json"

say "fault suite (its own stack; a service killed, broker and Redis restarted, ERP down, registry stopped)"
npm run -s test:faults

say "summary"
node -e '
  let passed = 0, failed = 0, skipped = 0;
  for (const tier of ["unit", "int", "e2e"]) {
    const r = require(`./${process.argv[1]}/${tier}.json`);
    console.log(`  ${tier.padEnd(4)} ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests;
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$reports"
echo "npm test took $(( $(date +%s) - started_at )) s"
