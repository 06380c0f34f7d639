/**
 * The corpus maintainers' export of every "Report a problem" students sent:
 * one CSV row per report (item, its facts, reason, note, student id and
 * e-mail, times in UTC), oldest first, from the database `DATABASE_URL`
 * names (the app's default when unset).
 *
 *   npm run reports:items [-- --out reports.csv]     (stdout without --out)
 */
import { writeFileSync } from "node:fs";
import { getDb } from "@/lib/db";
import { allItemReports } from "@/lib/data/item-reports";
import { itemReportsCsv } from "@/lib/reports/report-csv";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? args[outAt + 1] : undefined;
if (outAt >= 0 && !out) {
  console.error("--out needs a file name");
  process.exit(2);
}

async function main() {
  const rows = await allItemReports();
  const csv = itemReportsCsv(rows);
  if (out) {
    writeFileSync(out, csv);
    console.error(`wrote ${rows.length} report${rows.length === 1 ? "" : "s"} to ${out}`);
  } else process.stdout.write(csv);
  await getDb().$disconnect();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
