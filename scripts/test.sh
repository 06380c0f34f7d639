#!/usr/bin/env bash
# `npm test`: every check and every test — corpus validation, schema drift,
# unit + integration (SQLite, and PostgreSQL when a server can be found or
# started), then end-to-end in Chromium at desktop and phone sizes, then a
# smoke run of each benchmark.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC NEXT_TELEMETRY_DISABLED=1
out=$(mktemp -d)
status=0
step() { echo; echo "── $1"; }

step "content:check"
if npx --no-install tsx scripts/content-check.ts; then echo '{"passed":1,"failed":0}' > "$out/content.json"; else echo '{"passed":0,"failed":1}' > "$out/content.json"; status=1; fi

step "typecheck"
if npx --no-install tsc --noEmit; then echo '{"passed":1,"failed":0}' > "$out/tsc.json"; else echo '{"passed":0,"failed":1}' > "$out/tsc.json"; status=1; fi

step "lint"
if npx --no-install eslint .; then echo '{"passed":1,"failed":0}' > "$out/lint.json"; else echo '{"passed":0,"failed":1}' > "$out/lint.json"; status=1; fi

step "vitest (unit + integration)"
# The crash test builds the app for its server; into .next, so the e2e step below reuses that build (one build per run).
NEXT_DIST_DIR=.next npx --no-install vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json" || status=1

step "playwright (desktop + phone, Chromium)"
PW_JSON_OUTPUT="$out/playwright.json" bash scripts/e2e.sh || status=1

step "playwright fuzz on PostgreSQL (the first 1 500 of the same requests, the app on PostgreSQL)"
PW_JSON_OUTPUT="$out/playwright-pg.json" npx --no-install tsx scripts/e2e-postgres-fuzz.ts || status=1

# After the e2e step, so bench:review can start the build it left in .next instead of building again.
step "benchmarks (smoke: tiny sizes, so a schema change cannot silently break one)"
bench_start=$SECONDS
bench_ok=1
for bench in generate report review scale; do
  npx --no-install tsx "scripts/bench/$bench/main.ts" --smoke || { echo "bench:$bench --smoke FAILED"; bench_ok=0; }
done
echo "benchmarks (smoke) took $((SECONDS - bench_start)) s"
if [ "$bench_ok" = 1 ]; then echo '{"passed":1,"failed":0}' > "$out/bench.json"; else echo '{"passed":0,"failed":1}' > "$out/bench.json"; status=1; fi

node scripts/test-summary.mjs "$out" || status=1
rm -rf "$out"
exit $status
