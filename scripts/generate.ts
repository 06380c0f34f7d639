/**
 * Prints the question bank as JSON (the contract in docs/question-bank.md).
 *
 *   npm run generate -- --seed <n> [--count <n>] [--types a,b] [--content <dir>]
 *   npm run generate -- --cards [--content <dir>]
 *
 * `--cards` prints every flashcard instead (`cardJson`: id, factId, kind,
 * front, back, quote, sourceSlug, outlet, link, and step when there is one).
 * A count larger than the bank is capped; the cap is reported on stderr.
 * Bad options exit with status 2 and the reasons on stderr.
 */
import { loadValidCorpus } from "@/lib/content/load";
import { cardJson, generateCards } from "@/lib/generate/cards";
import { corpusIndexOf } from "@/lib/generate/corpus-cache";
import { generate } from "@/lib/generate/generate";
import { InvalidGenerateOptions } from "@/lib/generate/invalid-generate-options";

/** Flags that take no value. */
const SWITCHES = new Set(["cards"]);

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (!a.startsWith("--")) throw new InvalidGenerateOptions([`unexpected argument "${a}"`]);
    if (SWITCHES.has(a.slice(2))) {
      out[a.slice(2)] = "true";
      continue;
    }
    const [key, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new InvalidGenerateOptions([`--${key} needs a value`]);
    out[key] = value;
  }
  return out;
}

function toInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v.trim())) throw new InvalidGenerateOptions([`--${name} must be a whole number, got "${v}"`]);
  return Number(v);
}

function main(): number {
  try {
    const args = parseArgs(process.argv.slice(2));
    const known = new Set(args.cards ? ["cards", "content"] : ["seed", "count", "types", "content"]);
    const unknown = Object.keys(args).filter((k) => !known.has(k));
    if (unknown.length) throw new InvalidGenerateOptions(unknown.map((k) => (args.cards ? `--${k} does not apply to --cards` : `unknown option --${k}`)));
    const corpus = loadValidCorpus(args.content ?? "content");
    if (args.cards) {
      const ix = corpusIndexOf(corpus);
      process.stdout.write(`${JSON.stringify(generateCards(corpus).map((c) => cardJson(ix, c)), null, 2)}\n`);
      return 0;
    }
    const count = toInt("count", args.count);
    const seed = toInt("seed", args.seed) ?? 1;
    const types = args.types?.split(",").map((t) => t.trim()).filter(Boolean);
    const result = generate(corpus, { seed, ...(count !== undefined ? { count } : {}), ...(types ? { types: types as never } : {}) });
    if (result.questions.length < result.requested) {
      process.stderr.write(`note: ${result.requested} requested, ${result.available} available; printing ${result.questions.length}\n`);
    }
    process.stdout.write(`${JSON.stringify(result.questions, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof InvalidGenerateOptions) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

process.exitCode = main();
