#!/usr/bin/env bash
# The fault suite (npm run test:faults), on a stack of its own so that nobody else's is disturbed:
#   1. fuzzing: the source parsers and mappers (unit) and the HTTP system APIs (int, on this stack);
#   2. the fault run: a stream of procure-to-pay events with poison records while a service is
#      SIGKILLed, the registry stopped, the ERP failing, the broker restarted and Redis restarted
#      empty; then exactly-once and dead-letter checks against the ERP ledger and the topics.
# Its Kafka, schema registry and Redis run under .stack/faults on ports of their own (override with
# the PROCURELINK_* variables below); PostgreSQL is the machine's, untouched. Everything this
# script started is stopped on exit. FAULTS_CHAINS / FAULTS_STREAM_SECONDS size the run.
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
started=$SECONDS

export PROCURELINK_STACK_HOME="${FAULTS_STACK_HOME:-.stack/faults}"
export PROCURELINK_KAFKA_PORT="${FAULTS_KAFKA_PORT:-29092}"
export PROCURELINK_KAFKA_CONTROLLER_PORT="${FAULTS_KAFKA_CONTROLLER_PORT:-29093}"
export PROCURELINK_KAFKA_SASL_PORT="${FAULTS_KAFKA_SASL_PORT:-29094}"
export PROCURELINK_REGISTRY_PORT="${FAULTS_REGISTRY_PORT:-28081}"
export PROCURELINK_REGISTRY_MANAGEMENT_PORT="${FAULTS_REGISTRY_MANAGEMENT_PORT:-28091}"
export PROCURELINK_REDIS_PORT="${FAULTS_REDIS_PORT:-26379}"
export PROCURELINK_KAFKA_HEAP="${PROCURELINK_KAFKA_HEAP:-512m}"
# The clients' variables would point elsewhere if set in the caller's shell; this run uses its own stack only.
unset KAFKA_BROKERS SCHEMA_REGISTRY_URL REDIS_URL

[[ "$PROCURELINK_STACK_HOME" != ".stack" ]] || fail "FAULTS_STACK_HOME must not be the shared stack's home"
pids_file="$PROCURELINK_STACK_HOME/service-pids"

cleanup() {
  local code=$?
  say "stopping what the fault suite started"
  # Service processes a crashed test run may have left (only PIDs it recorded, only if still ours).
  if [[ -f "$pids_file" ]]; then
    while read -r pid name; do
      if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "apps/$name/dist/"; then kill -9 "$pid" 2>/dev/null || true; fi
    done < "$pids_file"
  fi
  npm run -s stack -- down || true
  printf '\nfault suite finished in %d s (exit %d)\n' "$(( SECONDS - started ))" "$code"
}
trap cleanup EXIT

# A fresh stack every run: no topics, keys or logs of an earlier run (an interrupted run's
# processes, found by this home's PID files, are stopped first).
npm run -s stack -- down >/dev/null 2>&1 || true
rm -rf "$PROCURELINK_STACK_HOME"
mkdir -p "$PROCURELINK_STACK_HOME/reports"
: > "$pids_file"

say "build the services and the ERP sandbox"
nx run-many -t build -p supplier-sync po-sync invoice-sync payment-status erp-sandbox --outputStyle=static > "$PROCURELINK_STACK_HOME/build.log" 2>&1 \
  || { tail -40 "$PROCURELINK_STACK_HOME/build.log"; fail "build failed"; }

say "the fault suite's own stack ($PROCURELINK_STACK_HOME)"
npm run -s stack -- up
eval "$(npm run -s stack -- env)"

# Every stage runs even when an earlier one fails, so one run reports everything; the exit code says whether all passed.
failed=()
stage() { local name="$1"; shift; say "$name"; "$@" || failed+=("$name"); }

export FUZZ_REPORT="$PROCURELINK_STACK_HOME/reports/fuzz-cases.jsonl"
: > "$FUZZ_REPORT"
stage "fuzzing: source parsers, mappers and decoders" jest --selectProjects unit --testPathPatterns '\.fuzz\.unit\.spec\.ts$'
stage "fuzzing: HTTP system APIs (the built services on 127.0.0.1)" jest --selectProjects int --runInBand --testPathPatterns '\.fuzz\.int\.spec\.ts$'
stage "the fault run" jest --selectProjects faults --runInBand

say "summary"
node -e '
  const fs = require("node:fs");
  const [fuzzFile, summaryFile] = process.argv.slice(1);
  const cases = fs.existsSync(fuzzFile) ? fs.readFileSync(fuzzFile, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [];
  console.log(`  fuzz cases: ${cases.reduce((n, c) => n + c.cases, 0)} in ${cases.length} properties, ${cases.filter((c) => c.detail?.failed).length} failing (a failing property stops at its first counterexample, then shrinks it)`);
  for (const c of cases) console.log(`    ${String(c.cases).padStart(6)}  ${c.target}${c.detail ? `  ${JSON.stringify(c.detail)}` : ""}`);
  if (!fs.existsSync(summaryFile)) { console.log("  fault run: no summary (it did not get to the end)"); process.exit(0); }
  const s = JSON.parse(fs.readFileSync(summaryFile, "utf8"));
  console.log(`  events: ${s.events} valid source events (+ ${s.poison} poison records)`);
  console.log(`  faults injected: ${s.faultsInjected}`);
  for (const f of s.faults) console.log(`    ${f.at.padStart(6)}  ${f.what}`);
  console.log(`  lost: ${s.lost}   duplicated: ${s.duplicated}   unexpected postings: ${s.unexpectedPostings}`);
  console.log(`  dead-lettered: ${s.deadLettered} (poison records: ${s.poisonDeadLettered} of ${s.poison}; anything else: ${s.detail.strayDeadLetters.count})`);
  console.log(`  services that exited on their own: ${s.unexpectedServiceExits}`);
  console.log(`  fault run: ${s.elapsedSeconds} s`);
' "$FUZZ_REPORT" "$PROCURELINK_STACK_HOME/reports/faults-summary.json"
if (( ${#failed[@]} > 0 )); then
  printf '\nfailed: %s\n' "${failed[@]}"
  exit 1
fi
