#!/usr/bin/env bash
# Runs Procurelink end to end on the local stack: installs, starts Kafka, the registry, Redis and
# PostgreSQL, builds and starts the ERP sandbox and the four services, plays a simulated day of a
# small hospital network through them, and says where to look. The services keep running until
# Ctrl-C; `npm run stack -- down` stops the stack. SIM_SPEED=2 plays the day twice as fast;
# PROCURELINK_NO_SIMULATOR=1 starts everything without playing the day.
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"

say "local stack"
npm run -s stack -- up
eval "$(npm run -s stack -- env)"

say "building"
nx run-many -t build --outputStyle=static >/dev/null

# Demo settings: an invoice whose goods never come becomes NO_RECEIPT after 90 s instead of days.
export ERP_BASE_URL="${ERP_BASE_URL:-http://127.0.0.1:3190}"
export INVOICE_RECEIPT_WAIT_SECONDS="${INVOICE_RECEIPT_WAIT_SECONDS:-90}"
# Demo retry ladder (1 s, 2 s, 4 s): the simulator's ERP hiccup dead-letters one invoice within
# seconds, for the console's replay. Production defaults ride out minutes (see the README).
export RETRY_DELAYS_MS="${RETRY_DELAYS_MS:-1000,2000,4000}"
export ERP_SANDBOX_ALLOW_RESET="${ERP_SANDBOX_ALLOW_RESET:-true}"
# The ERP sandbox keeps its ledger in PostgreSQL, like ops keeps its view: both outlive a restart,
# so reconciliation compares like with like across runs (ERP_SANDBOX_STORE=memory forgets it).
export ERP_SANDBOX_STORE="${ERP_SANDBOX_STORE:-postgres}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"

services=(erp-sandbox:3190 supplier-sync:3101 po-sync:3102 invoice-sync:3103 payment-status:3104 ops:3105)
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
  if curl -sf "http://127.0.0.1:$port/health/live" >/dev/null 2>&1; then
    fail "port $port is already answering (an earlier npm start still running?); stop it first"
  fi
  PORT="$port" node "apps/$name/dist/main.js" > ".stack/logs/$name.log" 2>&1 &
  pids+=($!)
done

say "waiting for the services"
for entry in "${services[@]}"; do
  name="${entry%%:*}" port="${entry##*:}"
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$port/health/live" >/dev/null || { tail -20 ".stack/logs/$name.log"; fail "$name did not start"; }
  printf '  %-15s http://127.0.0.1:%s   log: .stack/logs/%s.log\n' "$name" "$port" "$name"
done

if [[ "${PROCURELINK_NO_SIMULATOR:-}" != "1" ]]; then
  say "playing a day at the demo health network (the source-system simulator)"
  node apps/simulator/dist/main.js
fi

cat <<MSG

Procurelink is running on the local stack. Where to look:
  Operations console     http://127.0.0.1:3105/console   (operator/operator can replay and reconcile; viewer/viewer looks)
  System APIs (OpenAPI)  http://127.0.0.1:3101/v1/docs (suppliers)   http://127.0.0.1:3102/v1/docs (POs, receipts)
                         http://127.0.0.1:3103/v1/docs (invoices)     http://127.0.0.1:3104/v1/docs (payments)
                         http://127.0.0.1:3105/v1/docs (ops: overview, trace, dead letters)
                         dev API key: procurelink-dev-key (curl -H 'X-API-Key: procurelink-dev-key' ...)
  ERP sandbox ledger     http://127.0.0.1:3190/erp/v1/ledger   summary: /erp/v1/ledger/summary
  Canonical topics       p2p.supplier.v1 p2p.purchase-order.v1 p2p.invoice.v1 p2p.payment.v1 (Avro, registry http://127.0.0.1:8081/apis/ccompat/v7/subjects)
  Dead letters           procurelink.supplier-sync.dlt, procurelink.po-sync.dlt, procurelink.invoice-sync.dlt, procurelink.payment-status.dlt
                         browsed by ops: curl -H 'X-API-Key: procurelink-dev-key' http://127.0.0.1:3105/v1/dead-letters
  Operations (ops)       http://127.0.0.1:3105/v1/overview   /v1/trace/<PO number>   /v1/documents/invoices/<id>
                         PostgreSQL schema procurelink_ops (DATABASE_URL, OPS_DB_SCHEMA)
  Rebuild a service's Redis state from the canonical topics: node apps/<service>/dist/rebuild/main.js (service stopped)
  Operations CLI         npm run -s procurelink -- dlq list | dlq show <id> | dlq replay <id> --dry-run | reconcile | trace <PO>
  Health and metrics     http://127.0.0.1:3101/health/ready   /metrics (Prometheus) on every port 3101-3105; business gauges on 3105/metrics
                         dashboards to import into Grafana: deploy/grafana/*.json; traces: set OTEL_EXPORTER_OTLP_ENDPOINT before npm start
  Play the day again     npm run simulate      Stack: npm run stack -- status | logs | down
Press Ctrl-C to stop the services.
MSG
wait
