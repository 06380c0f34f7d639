#!/usr/bin/env bash
# Runs the Playwright suite in Debian's Chromium. Installs chromium when it is
# missing and we are root; otherwise says exactly what to install.
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "e2e: $CHROMIUM not found; installing Debian's chromium package…"
    (apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; })
  else
    echo "e2e: Chromium is missing. Install Debian's package:  sudo apt-get install chromium   (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi
port="${E2E_PORT:-3210}"
if [ "$port" = 3210 ]; then db=data/e2e.db; else db="data/e2e-$port.db"; fi
rm -f "$db" "$db-journal" "$db-wal" "$db-shm"
export NEXT_TELEMETRY_DISABLED=1
exec node node_modules/@playwright/test/cli.js test "$@"
