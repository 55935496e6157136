#!/usr/bin/env bash
# Installs Debian's chromium (and a basic font set) for the browser tests (test/browser.ts drives it
# with playwright-core, which never downloads a browser of its own). Does nothing when
# /usr/bin/chromium is already there. Needs root and apt-get, like deploy-check.sh's docker-compose.
set -euo pipefail

CHROMIUM="${PROCURELINK_CHROMIUM:-/usr/bin/chromium}"

if [[ -x "$CHROMIUM" ]]; then
  echo "chromium is installed ($("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM"))"
  exit 0
fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "error: $CHROMIUM is missing and cannot be installed here (needs root and apt-get);" >&2
  echo "       install Debian's chromium package, or set PROCURELINK_CHROMIUM to a Chromium binary" >&2
  exit 1
fi
echo "installing chromium and fonts (Debian packages) for the browser tests"
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core) >/dev/null 2>&1 \
  || { echo "error: could not install chromium with apt-get" >&2; exit 1; }
echo "chromium is installed ($("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM"))"
