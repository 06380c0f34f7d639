import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The house boundaries in eslint.config.mjs, checked through ESLint itself:
// each sample is linted as if it lived at `filePath` (the file need not exist),
// so a rule that stops matching — a typo in a pattern, a file group that no
// longer covers a folder — fails here instead of silently letting imports in.

const root = path.resolve(__dirname, "../../..");
let eslint: ESLint;

// The first lint loads every plugin of the config (a few seconds on a busy
// machine): done once here, with room, so no single case carries that cost.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText("export {};\n", { filePath: path.join(root, "lib/warm-up.ts") });
}, 120_000);

/** The ids of the boundary rules that fire on `code` placed at `filePath`. */
async function boundaryHits(code: string, filePath: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`could not parse the sample for ${filePath}: ${fatal[0]?.message}`);
  return result.messages
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax")
    .map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe("lint boundaries", () => {
  const violations: { name: string; filePath: string; code: string; rule: string; says: RegExp }[] = [
    {
      name: "Prisma client in app/",
      filePath: "app/x.ts",
      code: 'import { PrismaClient } from "@prisma/client";\nexport const c = PrismaClient;\n',
      rule: "no-restricted-imports",
      says: /Only lib\/data/,
    },
    {
      name: "a generated client in app/",
      filePath: "app/x.ts",
      code: 'import { Prisma } from "@/lib/generated/sqlite/client";\nexport const p = Prisma;\n',
      rule: "no-restricted-imports",
      says: /generated Prisma clients/,
    },
    {
      name: "the database client in a route handler",
      filePath: "app/api/x/route.ts",
      code: 'import { getDb } from "@/lib/db";\nexport const db = getDb;\n',
      rule: "no-restricted-imports",
      says: /lib\/db/,
    },
    {
      name: "the database client by a relative path in lib/srs",
      filePath: "lib/srs/x.ts",
      code: 'import { getDb } from "../db";\nexport const db = getDb;\n',
      rule: "no-restricted-imports",
      says: /lib\/db/,
    },
    {
      name: "the database client imported dynamically in app/",
      filePath: "app/x.ts",
      code: 'export const load = () => import("@/lib/db");\n',
      rule: "no-restricted-syntax",
      says: /lib\/db/,
    },
    {
      name: "next/headers in lib/srs",
      filePath: "lib/srs/x.ts",
      code: 'import { headers } from "next/headers";\nexport const h = headers;\n',
      rule: "no-restricted-imports",
      says: /does not import Next\.js or React/,
    },
    {
      name: "react in lib/data",
      filePath: "lib/data/x.ts",
      code: 'import { cache } from "react";\nexport const c = cache;\n',
      rule: "no-restricted-imports",
      says: /does not import Next\.js or React/,
    },
    {
      name: "@/app in lib/reports",
      filePath: "lib/reports/x.ts",
      code: 'import { jsonError } from "@/app/_lib/http";\nexport const j = jsonError;\n',
      rule: "no-restricted-imports",
      says: /never imports from app/,
    },
    {
      name: "Date.now() in lib/generate",
      filePath: "lib/generate/x.ts",
      code: "export const stamp = () => Date.now();\n",
      rule: "no-restricted-syntax",
      says: /no Date\.now\(\)/,
    },
    {
      name: "new Date() in lib/quiz",
      filePath: "lib/quiz/x.ts",
      code: "export const today = () => new Date();\n",
      rule: "no-restricted-syntax",
      says: /new Date\(\)/,
    },
    {
      name: "Math.random() in lib/srs",
      filePath: "lib/srs/x.ts",
      code: "export const roll = () => Math.random();\n",
      rule: "no-restricted-syntax",
      says: /seeded generator/,
    },
    {
      name: "climbing three folders in app/a/b/c.tsx",
      filePath: "app/a/b/c.tsx",
      code: 'import { requireUser } from "../../../lib/auth/guards";\nexport const r = requireUser;\n',
      rule: "no-restricted-imports",
      says: /@\/…/,
    },
  ];

  for (const v of violations) {
    it(`fires on ${v.name}`, async () => {
      const hits = await boundaryHits(v.code, v.filePath);
      expect(hits.filter((h) => h.rule === v.rule && v.says.test(h.message))).toHaveLength(1);
    });
  }

  const allowed: { name: string; filePath: string; code: string }[] = [
    {
      name: "a clean pure module (time passed in, @/ import, a Date from an argument)",
      filePath: "lib/srs/x.ts",
      code: [
        'import type { CardState } from "@/lib/srs/card-state";',
        'import { wallClockMs } from "../time/wall-clock";',
        "export function dueIn(state: CardState, now: Date, timeZone: string): number {",
        "  const due = new Date(state.due.getTime());",
        "  return wallClockMs(due.getTime(), timeZone) - wallClockMs(now.getTime(), timeZone);",
        "}",
        "",
      ].join("\n"),
    },
    {
      name: "the database client in lib/data",
      filePath: "lib/data/x.ts",
      code: 'import { getDb, type DbTx } from "../db";\nexport const read = (db: DbTx = getDb()) => db;\n',
    },
    {
      name: "the database client in the better-auth adapter file",
      filePath: "lib/auth/auth-server.ts",
      code: 'import { getDb } from "../db";\nexport const db = getDb;\n',
    },
    {
      name: "the clock at the edge (a route handler)",
      filePath: "app/api/x/route.ts",
      code: 'import { z } from "zod";\nexport const stamp = () => z.number().parse(Date.now()) + new Date().getTime();\n',
    },
    {
      name: "climbing two folders",
      filePath: "app/a/b/c.tsx",
      code: 'import { requireUser } from "../../guards";\nexport const r = requireUser;\n',
    },
  ];

  for (const a of allowed) {
    it(`allows ${a.name}`, async () => {
      expect(await boundaryHits(a.code, a.filePath)).toEqual([]);
    });
  }
});
