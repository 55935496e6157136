#!/usr/bin/env bash
# Runs Procurelink end to end on the local stack: installs, starts Kafka, the registry,
# Redis and PostgreSQL, builds and starts the services, and says where to look.
# Ctrl-C stops the services; `npm run stack -- down` stops the stack.
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"

say "local stack"
npm run -s stack -- up

say "building the services"
nx run-many -t build --outputStyle=static >/dev/null

services=(supplier-sync:3101 po-sync:3102 invoice-sync:3103 payment-status:3104 erp-sandbox:3190)
pids=()
stop_services() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "services stopped; the stack keeps running (npm run stack -- down stops it)"
}
trap stop_services EXIT INT TERM

mkdir -p .stack/logs
for entry in "${services[@]}"; do
  name="${entry%%:*}" port="${entry##*:}"
  PORT="$port" node "apps/$name/dist/main.js" > ".stack/logs/$name.log" 2>&1 &
  pids+=($!)
done

say "waiting for the services"
for entry in "${services[@]}"; do
  name="${entry%%:*}" port="${entry##*:}"
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$port/health/live" >/dev/null || { tail -20 ".stack/logs/$name.log"; fail "$name did not start"; }
  printf '  %-15s http://127.0.0.1:%s/health/live   log: .stack/logs/%s.log\n' "$name" "$port" "$name"
done

cat <<MSG

Procurelink is running on the local stack.
  Kafka            127.0.0.1:9092
  Schema registry  http://127.0.0.1:8081/apis/ccompat/v7/subjects
  Stack            npm run stack -- status | logs | down
  ERP sandbox      http://127.0.0.1:3190/openapi.json (its ledger: /erp/v1/ledger)
The four services answer health checks; their event flows are being wired (see the README's roadmap).
Press Ctrl-C to stop the services.
MSG
wait
