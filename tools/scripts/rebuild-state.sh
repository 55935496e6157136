#!/usr/bin/env bash
# Rebuilds a service's Redis state from the canonical topics: npm run state:rebuild -- <service>|all
# Stop the service first (its consumers would write while the state is being rebuilt).
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"

all=(supplier-sync po-sync invoice-sync payment-status)
target="${1:-}"
case "$target" in
  all) selected=("${all[@]}") ;;
  supplier-sync|po-sync|invoice-sync|payment-status) selected=("$target") ;;
  *) fail "usage: npm run state:rebuild -- <supplier-sync|po-sync|invoice-sync|payment-status|all>" ;;
esac

npm run -s stack -- is-up >/dev/null || fail "the local stack is not running; start it with: npm run stack -- up"
eval "$(npm run -s stack -- env)"
nx run-many -t build -p "${selected[@]}" --outputStyle=static >/dev/null
for service in "${selected[@]}"; do
  if curl -sf "http://127.0.0.1:$(case $service in supplier-sync) echo 3101;; po-sync) echo 3102;; invoice-sync) echo 3103;; payment-status) echo 3104;; esac)/health/live" >/dev/null 2>&1; then
    fail "$service is running on its default port; stop it before rebuilding its state"
  fi
  say "rebuilding $service's state from the canonical topics"
  node "apps/$service/dist/rebuild/main.js"
done
