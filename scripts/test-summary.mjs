// Adds up the reports of scripts/test.sh and prints "N passed, N failed".
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2];
const read = (f) => (fs.existsSync(path.join(dir, f)) ? JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) : null);
let passed = 0;
let failed = 0;
const parts = [];
for (const f of ["content.json", "tsc.json", "lint.json", "bench.json"]) {
  const r = read(f);
  if (!r) continue;
  passed += r.passed;
  failed += r.failed;
}
const v = read("vitest.json");
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests + (v.success === false && v.numFailedTests === 0 ? 1 : 0);
  parts.push(`vitest ${v.numPassedTests}/${v.numTotalTests}`);
} else {
  failed += 1;
  parts.push("vitest: no report");
}
// The main e2e run, and the PostgreSQL leg of the fuzzer (absent only where no PostgreSQL was found outside CI).
for (const [file, label, required] of [["playwright.json", "playwright", true], ["playwright-pg.json", "playwright on PostgreSQL", Boolean(process.env.CI)]]) {
  const p = read(file);
  if (p) {
    const s = p.stats ?? {};
    passed += s.expected ?? 0;
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0) + ((p.errors ?? []).length ? 1 : 0);
    parts.push(`${label} ${s.expected ?? 0} passed, ${s.unexpected ?? 0} failed, ${s.skipped ?? 0} skipped`);
  } else if (required) {
    failed += 1;
    parts.push(`${label}: no report`);
  }
}
console.log(`\n${parts.join("; ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
