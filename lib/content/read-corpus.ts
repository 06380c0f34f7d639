import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { ContentProblem } from "./content-problem";

/** A source file split into its (unparsed) front matter and its body. */
export type RawSource = { file: string; fileSlug: string; frontMatter: unknown; body: string };

/** The corpus as read from disk, before any schema check. */
export type RawCorpus = {
  sources: RawSource[];
  entities: { file: string; data: unknown };
  facts: { file: string; data: unknown };
};

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

function parseYaml(text: string, file: string, problems: ContentProblem[]): unknown {
  try {
    return YAML.parse(text);
  } catch (e) {
    problems.push({ file, message: `YAML does not parse: ${(e as Error).message.split("\n")[0]}` });
    return undefined;
  }
}

function readText(file: string, problems: ContentProblem[]): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    problems.push({ file, message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
}

/**
 * Split a source file into YAML front matter (between the opening `---` line
 * and the next `---` line) and body. The body is the article text with the
 * blank lines around it trimmed; nothing inside it is touched.
 */
export function splitFrontMatter(text: string): { frontMatter: string; body: string } | null {
  const m = FRONT_MATTER.exec(text);
  if (!m) return null;
  return { frontMatter: m[1] ?? "", body: (m[2] ?? "").replace(/^(?:[ \t]*\r?\n)+/, "").trimEnd() };
}

/**
 * Read `<dir>/sources/*.md`, `<dir>/entities.yaml` and `<dir>/facts.yaml`
 * synchronously. Unreadable files, missing front matter and YAML syntax
 * errors become problems; the shape is checked later by `validateCorpus`.
 */
export function readCorpus(dir: string): { raw: RawCorpus; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const sourcesDir = path.join(dir, "sources");
  const sources: RawSource[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(sourcesDir).filter((n) => n.endsWith(".md")).sort();
  } catch (e) {
    problems.push({ file: sourcesDir, message: `cannot list sources: ${(e as Error).message}` });
  }
  for (const name of names) {
    const file = path.join(sourcesDir, name);
    const text = readText(file, problems);
    if (text === undefined) continue;
    const split = splitFrontMatter(text);
    const fileSlug = name.slice(0, -".md".length);
    if (!split) {
      problems.push({ file, id: fileSlug, message: "no YAML front matter (the file must start with a `---` line and close it with another)" });
      continue;
    }
    const frontMatter = parseYaml(split.frontMatter, file, problems);
    sources.push({ file, fileSlug, frontMatter, body: split.body });
  }
  const entitiesFile = path.join(dir, "entities.yaml");
  const factsFile = path.join(dir, "facts.yaml");
  const entitiesText = readText(entitiesFile, problems);
  const factsText = readText(factsFile, problems);
  return {
    raw: {
      sources,
      entities: { file: entitiesFile, data: entitiesText === undefined ? undefined : parseYaml(entitiesText, entitiesFile, problems) },
      facts: { file: factsFile, data: factsText === undefined ? undefined : parseYaml(factsText, factsFile, problems) },
    },
    problems,
  };
}
