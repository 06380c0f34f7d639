/**
 * Prints the question bank as JSON (the contract in docs/question-bank.md).
 *
 *   npm run generate -- --seed <n> [--count <n>] [--types a,b] [--content <dir>]
 *
 * A count larger than the bank is capped; the cap is reported on stderr.
 * Bad options exit with status 2 and the reasons on stderr.
 */
import { loadValidCorpus } from "@/lib/content/load";
import { generate } from "@/lib/generate/generate";
import { InvalidGenerateOptions } from "@/lib/generate/invalid-generate-options";

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (!a.startsWith("--")) throw new InvalidGenerateOptions([`unexpected argument "${a}"`]);
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
    const known = new Set(["seed", "count", "types", "content"]);
    const unknown = Object.keys(args).filter((k) => !known.has(k));
    if (unknown.length) throw new InvalidGenerateOptions(unknown.map((k) => `unknown option --${k}`));
    const corpus = loadValidCorpus(args.content ?? "content");
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
