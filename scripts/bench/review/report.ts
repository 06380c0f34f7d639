/** bench-review's printed tables (the figures in BENCHMARKS.md). */
import os from "node:os";
import { percentile as pct } from "../shared/percentiles";
import type { breakdown } from "./breakdown";
import { GRADES, STUDENTS, WARMUP, DECK, kb, ms } from "./options";
import type { PageJs } from "./page-js";
import type { healthFloor, pageTimes, Phase } from "./workload";

export function report(r: {
  nextRun: Phase;
  baseRun: Phase;
  reviewJs: PageJs;
  homeJs: PageJs;
  parts: Awaited<ReturnType<typeof breakdown>>;
  floor: Awaited<ReturnType<typeof healthFloor>>;
  pages: Awaited<ReturnType<typeof pageTimes>>;
  signUpMs: number;
}) {
  const row = (cells: string[]) => console.log(`| ${cells.join(" | ")} |`);
  const tput = (p: Phase) => p.latencies.length / (p.wallMs / 1000);
  const n = r.nextRun;
  const b = r.baseRun;
  console.log("");
  console.log(`Review grading over HTTP: ${STUDENTS} concurrent students, ${GRADES} measured grades each (after ${WARMUP} warm-up), deck "${DECK}", Node ${process.version}, ${os.cpus().length} cores`);
  console.log("");
  row(["POST /api/review/grade", "Next (next start + Prisma)", "bare node:http + better-sqlite3", "ratio Next/bare"]);
  row(["---", "---:", "---:", "---:"]);
  row(["grades measured", String(n.latencies.length), String(b.latencies.length), ""]);
  row(["p50", `${ms(pct(n.latencies, 50))} ms`, `${ms(pct(b.latencies, 50))} ms`, `${(pct(n.latencies, 50) / pct(b.latencies, 50)).toFixed(1)}×`]);
  row(["p99", `${ms(pct(n.latencies, 99))} ms`, `${ms(pct(b.latencies, 99))} ms`, `${(pct(n.latencies, 99) / pct(b.latencies, 99)).toFixed(1)}×`]);
  row(["max", `${ms(n.latencies.at(-1)!)} ms`, `${ms(b.latencies.at(-1)!)} ms`, `${(n.latencies.at(-1)! / b.latencies.at(-1)!).toFixed(1)}×`]);
  row(["throughput", `${tput(n).toFixed(0)} grades/s`, `${tput(b).toFixed(0)} grades/s`, `${(tput(n) / tput(b)).toFixed(2)}× (bare is ${(tput(b) / tput(n)).toFixed(1)}× faster)`]);
  row(["server time per grade (1/throughput)", `${ms(1000 / tput(n))} ms`, `${ms(1000 / tput(b))} ms`, `${(tput(b) / tput(n)).toFixed(1)}×`]);
  row(["non-2xx", String(n.errors.length), String(b.errors.length), ""]);
  row([`first GET …/next, p50 (${STUDENTS} at once, cold)`, `${ms(pct(n.firstGet, 50))} ms`, `${ms(pct(b.firstGet, 50))} ms`, ""]);
  if (n.emptyQueues || b.emptyQueues) row(["students whose queue ran dry", String(n.emptyQueues), String(b.emptyQueues), ""]);
  console.log("");
  console.log(`Where a grade's time goes without Next/HTTP (in-process, one at a time, median of ${r.parts.n}):`);
  console.log("");
  row(["step", "median"]);
  row(["---", "---:"]);
  row(["getViewer (session, 30 s in-process cache of a checked session)", `${ms(r.parts.auth)} ms`]);
  row(["gradeAndQueue (two reads, the write transaction, next card and counts in memory)", `${ms(r.parts.grade)} ms`]);
  row(["deckQueue alone (GET …/next: two reads)", `${ms(r.parts.queue)} ms`]);
  row(["total of a grade (getViewer + gradeAndQueue)", `${ms(r.parts.total)} ms`]);
  row([
    `for scale: Next's floor, GET /api/health over HTTP, ${STUDENTS} clients`,
    `${ms(1000 / r.floor.perSecond)} ms per request (${r.floor.perSecond.toFixed(0)} req/s, p50 ${ms(r.floor.p50)} ms)`,
  ]);
  console.log("");
  console.log("Pages at concurrency 1 (one student, median of the runs; / signed out):");
  console.log("");
  const health = r.pages.find((p) => p.path === "/api/health")!.median;
  row(["page", "status", "median", "× /api/health"]);
  row(["---", "---:", "---:", "---:"]);
  for (const p of r.pages) row([p.path, String(p.status), `${ms(p.median)} ms`, `${(p.median / health).toFixed(1)}×`]);
  console.log("");
  console.log(`Sign-up through the form: median ${ms(r.signUpMs)} ms (5 at a time).`);
  console.log("");
  console.log("First-load JavaScript (every /_next/static chunk the HTML references; gzip level 9):");
  console.log("");
  row(["page", "chunks", "raw", "gzip", "inline RSC payload raw / gzip"]);
  row(["---", "---:", "---:", "---:", "---:"]);
  for (const [name, p] of [[`/review/${DECK} (signed in)`, r.reviewJs], ["/ (signed out)", r.homeJs]] as const) {
    row([name, String(p.chunks), `${kb(p.raw)} KB`, `${kb(p.gzip)} KB`, `${kb(p.inlineRaw)} KB / ${kb(p.inlineGzip)} KB`]);
  }
  console.log("");
}
