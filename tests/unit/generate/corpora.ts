import { existsSync } from "node:fs";
import path from "node:path";
import type { Corpus } from "@/lib/content/schema";
import { loadValidCorpus } from "@/lib/content/load";
import { smallCorpus } from "@/tests/fixtures/small-corpus";

const contentDir = path.resolve(__dirname, "../../../content");

/** The fixture, plus the real corpus in content/ when it is there. */
export function corpora(): [string, Corpus][] {
  const out: [string, Corpus][] = [["fixture", smallCorpus]];
  if (existsSync(path.join(contentDir, "facts.yaml")) || existsSync(path.join(contentDir, "facts"))) {
    out.push(["content/", loadValidCorpus(contentDir)]);
  }
  return out;
}

/** The real corpus in content/ (the audit findings are about it). */
export function contentCorpus(): Corpus {
  return loadValidCorpus(contentDir);
}

/**
 * The fixture plus a test-only fact that puts a second Putin–Pashinyan phone
 * call two days after the one of 1 November 2020 (quoting the same sentence;
 * never shown to students). Date distractors for either call must avoid the
 * other's date: this is where a truth check without its cross-fact rule fails.
 */
export function stressCorpus(): Corpus {
  const base = structuredClone(smallCorpus);
  const call = base.facts.find((f) => f.id === "call-2020-11-01");
  if (!call?.when) throw new Error("fixture changed: no call-2020-11-01");
  base.facts.push({
    ...call,
    id: "call-2020-11-03-test-only",
    label: "the test-only call two days after the first call that followed the letter",
    when: { ...call.when, date: "2020-11-03" },
  });
  return base;
}
