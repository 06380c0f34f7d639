import type { Question } from "@/lib/generate/question";
import { normalizeAnswer } from "./answers-text";

/**
 * The words that never tell one answer from another: articles and
 * demonstrative determiners anywhere ("The report is not true" for "This
 * report is not true") and a leading "to" ("define the types of assistance"
 * for "to define types of assistance"). Compared with these dropped on both sides.
 */
export const loose = (t: string): string => t.replace(/^to\s+/, "").replace(/\b(?:the|a|an|this|that|these|those)\s+/g, "").trim();

/** The nouns a question asks for: the words just after "which" / "what" ("Over which disputed region" → disputed, region). */
function askedNouns(prompt: string): Set<string> {
  const out = new Set<string>();
  for (const m of normalizeAnswer(prompt).matchAll(/\b(?:which|what)((?:\s+\S+){1,3})/g)) {
    for (const w of (m[1] ?? "").trim().split(/\s+/)) out.add(w);
  }
  return out;
}

/**
 * Whether an accepted form only echoes the question: a descriptive form
 * (all lower case, so no proper name) that the prompt itself contains, or
 * whose closing noun is the noun the question asks for ("Over which disputed
 * region …?" → "the disputed region"; "Which region, having broken away …?"
 * → "the breakaway region"). Such a form says nothing the student was not
 * told, so it is not accepted for that question. Cloze prompts are exempt:
 * their text is the source sentence around the blank.
 */
export function echoesQuestion(q: Pick<Question, "type" | "prompt">, form: string): boolean {
  if (q.type === "cloze" || !q.prompt) return false;
  if (/\p{Lu}/u.test(form)) return namesOnlyTheStem(q.prompt, form);
  const f = loose(normalizeAnswer(form));
  if (!f) return false;
  if (` ${loose(normalizeAnswer(q.prompt))} `.includes(` ${f} `)) return true;
  const last = f.split(" ").pop() ?? "";
  return askedNouns(q.prompt).has(last);
}


/**
 * A form with a name whose every word the stem already prints — a title the
 * stem gives ("the prime minister of Armenia" for "Who was Armenia's Acting
 * Prime Minister …?") — tells nothing: an echo. A country and its adjective count as one word ("Armenian prime minister" echoes "Armenia's Acting Prime Minister"). A bare name is never one
 * (the stem would print the answer, and such questions are not made).
 */
function namesOnlyTheStem(prompt: string, form: string): boolean {
  // "Armenian", "Armenia's" and "Armenia" are one word here: a country and its adjective name the same thing.
  const stem = (w: string): string => w.replace(/i$/, "").replace(/(?:ians?|ans?|ia|a|ns?|s)$/, "");
  const words = (t: string): string[] =>
    loose(normalizeAnswer(t.replace(/['’]s\b/g, "")))
      .split(" ")
      .filter((w) => w && w !== "of" && w !== "in")
      .map(stem);
  const f = words(form);
  if (f.length < 2) return false;
  const p = PROMPT_WORDS.get(prompt) ?? new Set(words(prompt));
  // Bounded: a bank checks each prompt's forms many times over; a server grades a few prompts at a time.
  if (!PROMPT_WORDS.has(prompt)) {
    if (PROMPT_WORDS.size > 5_000) PROMPT_WORDS.clear();
    PROMPT_WORDS.set(prompt, p);
  }
  return f.every((w) => p.has(w));
}

const PROMPT_WORDS = new Map<string, Set<string>>();
