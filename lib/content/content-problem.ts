import { AppError } from "@/lib/errors";

/**
 * One thing wrong with the corpus: the file it is in, the fact, entity or
 * source id when there is one, and what is wrong, in words a content editor
 * can act on.
 */
export type ContentProblem = { file: string; id?: string; message: string };

/** `file: id: message`, the line format of `scripts/content-check.ts`. */
export function formatProblem(p: ContentProblem): string {
  return p.id ? `${p.file}: ${p.id}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** Thrown by `loadValidCorpus` when the corpus has any problem (500: a broken deploy); carries all of them. */
export class CorpusInvalidError extends AppError {
  override name = "CorpusInvalidError";

  constructor(readonly problems: ContentProblem[]) {
    const head = problems.slice(0, 5).map(formatProblem).join("\n  ");
    const more = problems.length > 5 ? `\n  … and ${problems.length - 5} more` : "";
    super(`content corpus has ${problems.length} problem(s):\n  ${head}${more}`);
  }
}
