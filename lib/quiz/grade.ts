import type { MatchPair, Question } from "@/lib/generate/question";
import { dateMatches, parseDateAnswer } from "./answers-date";
import { echoesQuestion, loose } from "./answer-echo";
import { typoOf } from "./answer-typos";
import { boundsAgree, normalizeAnswer, numberBound, parseNumberAnswer } from "./answers-text";

/**
 * The outcome of grading. `partial` (0–1) is set for timeline (share of
 * event pairs in the right relative order) and matching (share of right
 * pairs). `reason` explains a refusal: a malformed response, an ambiguous
 * all-numeric date, a date less precise than the fact.
 */
export type GradeResult = { correct: boolean; expected: string; given: string; partial?: number; reason?: string };

function expectedText(q: Question): string {
  if (typeof q.answer === "string") return q.answer;
  if (q.type === "matching") return (q.answer as MatchPair[]).map((p) => `${p.left} = ${p.right}`).join("; ");
  return (q.answer as string[]).join(" → ");
}

function givenText(response: unknown): string {
  if (typeof response === "string") return response;
  if (typeof response === "number" || typeof response === "boolean") return String(response);
  try {
    return JSON.stringify(response) ?? String(response);
  } catch {
    return String(response);
  }
}

/**
 * A title or role a student may put before a name ("President Putin",
 * "Russian Foreign Minister Lavrov", "PM Pashinyan"): dropped when what is
 * left is an accepted form. Matched on normalised text.
 */
const TITLE = /^(?:(?:russian|armenian|azerbaijani|chinese|russias|armenias|azerbaijans|chinas|kremlin)\s+)?(?:acting\s+)?(?:president|prime\s+minister|foreign\s+minister|minister|spokesman|spokesperson|mr|mrs|ms|pm)\s+(?=\S)/;

/** A generic noun after a place's name ("the Nagorno-Karabakh region", "Yerevan city"): dropped likewise. */
const DESCRIPTOR = /\s+(?:region|province|city|town|country|corridor)$/;

/** A trailing "in <place>" that only locates the key ("the Russian peacekeeping contingent in Nagorno-Karabakh"). */
const LOCATIVE = /\s+in\s+\S.*$/;

/** Separators of a list answer: "Syunik, Gegharkunik", "Syunik & Gegharkunik", "Syunik and Gegharkunik". */
const LIST_SEPARATOR = /\s*(?:,|&|\/|;|\band\b)\s*/;

/** A plural generic noun closing a list answer ("Gegharkunik and Syunik provinces"). */
const LIST_DESCRIPTOR = /\s+(?:regions|provinces|cities|towns|countries)$/;

/**
 * Whether typed text names the key: equal to an accepted form after
 * `normalizeAnswer`, with or without a leading title or a trailing
 * "region"/"province"/"city" or a locating "in <place>"; else a misspelling
 * of one (`typoOf`) that is nearer to it than to every `nearMisses` form
 * (the names of other corpus entities). A question without `nearMisses`
 * forgives no misspelling: nothing guarantees the typo means the key.
 * Forms that only echo the question (`echoesQuestion`) are never accepted.
 * A key that is a list ("Syunik and Gegharkunik") is matched part by part,
 * in any order and with any separator (`listMatches`).
 */
function textMatches(q: Question, s: string): boolean {
  const n = normalizeAnswer(s);
  if (!n) return false;
  const raw = [typeof q.answer === "string" ? q.answer : "", ...(q.acceptedAnswers ?? [])].filter((f) => f && (f === q.answer || !echoesQuestion(q, f)));
  const forms = new Set(raw.map(normalizeAnswer).filter(Boolean));
  if (formMatches(q, n, forms)) return true;
  return listMatches(q, s, raw);
}

function formMatches(q: Question, n: string, forms: Set<string>): boolean {
  const bare = n.replace(TITLE, "");
  const candidates = [...new Set([n, bare, bare.replace(DESCRIPTOR, "")])].filter(Boolean);
  if (candidates.some((c) => forms.has(c))) return true;
  const others = (q.nearMisses ?? []).map(normalizeAnswer).filter((o) => o && !forms.has(o));
  // A key's own generic noun may be left out ("Lachin" for "the Lachin Corridor"), or a phrase that
  // only locates it ("the Russian peacekeeping contingent" for "… in Nagorno-Karabakh"), and articles
  // or a leading "to" never count, unless what is left is another entity's name.
  const otherLoose = new Set(others.map(loose));
  const looseForms = new Set(
    [...forms]
      .flatMap((f) => {
        const unlocated = f.replace(LOCATIVE, "");
        return [loose(f), loose(f.replace(DESCRIPTOR, "")), ...(unlocated.split(" ").length >= 2 ? [loose(unlocated)] : [])];
      })
      .filter((f) => f && !otherLoose.has(f)),
  );
  if (candidates.some((c) => looseForms.has(loose(c)))) return true;
  if (!q.nearMisses) return false;
  return candidates.some((c) => typoOf(c, [...forms], others) !== null);
}

/** Splits a list answer (raw text: commas and "&" are separators) into its normalised parts (two to four), or null. */
function listParts(text: string): string[] | null {
  const parts = text
    .split(LIST_SEPARATOR)
    .map((p) => normalizeAnswer(p))
    .filter(Boolean);
  const last = parts.length - 1;
  if (last >= 0) parts[last] = (parts[last] ?? "").replace(LIST_DESCRIPTOR, "");
  return parts.length >= 2 && parts.length <= 4 && parts.every(Boolean) ? parts : null;
}

/**
 * Whether a list answer names the same parts as a list form, in any order:
 * "Syunik, Gegharkunik" and "Gegharkunik and Syunik provinces" for "Syunik
 * and Gegharkunik". Each part is matched like a whole answer (`formMatches`,
 * typos included); only short parts (up to three words) count as a list, so
 * a quoted clause is not reordered.
 */
function listMatches(q: Question, s: string, forms: string[]): boolean {
  const given = listParts(s);
  if (!given) return false;
  for (const f of forms) {
    const want = listParts(f);
    if (!want || want.length !== given.length || want.some((w) => w.split(" ").length > 3)) continue;
    const left = [...want];
    let ok = true;
    for (const g of given) {
      const i = left.findIndex((w) => formMatches(q, g, new Set([w])));
      if (i < 0) {
        ok = false;
        break;
      }
      left.splice(i, 1);
    }
    if (ok) return true;
  }
  return false;
}

/**
 * Words a student may type after a figure for the question's unit: the unit
 * itself, and the everyday words for it ("over 2,000 people" for civilians,
 * "1,000 kids" for children).
 */
const UNIT_WORDS: Record<string, string[]> = {
  civilians: ["people", "persons", "civilians"],
  children: ["kids", "children"],
  people: ["people", "persons"],
};

function parseWithUnit(s: string, unit: string | undefined): number | null {
  const plain = parseNumberAnswer(s, unit);
  if (plain !== null || !unit) return plain;
  for (const u of UNIT_WORDS[unit.toLowerCase()] ?? []) {
    const v = parseNumberAnswer(s, u);
    if (v !== null) return v;
  }
  return null;
}

function gradeNumber(q: Question, s: string, expected: number): { correct: boolean; reason?: string } {
  const v = parseWithUnit(s, q.unit);
  if (v === null) return textMatches(q, s) ? { correct: true } : { correct: false, reason: "no number found in the answer" };
  if (v !== expected) return { correct: false };
  const key = typeof q.answer === "string" ? numberBound(q.answer) : "none";
  const given = numberBound(s);
  if (given === null) return { correct: false, reason: "the answer bounds the figure two ways at once" };
  // A bound the other way is a wrong answer, not an unreadable one: no reason
  // (a reason makes the quiz refuse the answer and ask again).
  if (!boundsAgree(key ?? "none", given)) return { correct: false };
  return { correct: true };
}

function gradeTyped(q: Question, s: string): { correct: boolean; reason?: string } {
  if (q.answerKind === "date" && q.date && q.precision) {
    const parsed = parseDateAnswer(s);
    if (!parsed.ok) return textMatches(q, s) ? { correct: true } : { correct: false, reason: parsed.reason };
    return dateMatches({ date: q.date, precision: q.precision, ...(q.part ? { part: q.part } : {}), ...(q.yearOptional ? { yearOptional: true } : {}) }, parsed.date);
  }
  if (q.answerKind === "number" && q.numberValue !== undefined) return gradeNumber(q, s, q.numberValue);
  // "Where …?": "in Nagorno-Karabakh" answers it as well as "Nagorno-Karabakh".
  if (q.about === "where" && q.type !== "cloze") return { correct: textMatches(q, s) || textMatches(q, s.replace(/^\s*(?:in|at|on|along|near|to|from|inside)\s+/i, "")) };
  return { correct: textMatches(q, s) };
}

function gradeChoice(q: Question, response: unknown): { correct: boolean; reason?: string } {
  const options = q.options ?? [];
  let s: string | undefined;
  if (typeof response === "number" && Number.isInteger(response)) {
    s = options[response];
    if (s === undefined) return { correct: false, reason: `option index ${response} is out of range` };
  } else if (typeof response === "string") s = response;
  if (s === undefined) return { correct: false, reason: "expected an option (string) or its index" };
  const n = normalizeAnswer(s);
  if (options.length && !options.some((o) => normalizeAnswer(o) === n)) return { correct: false, reason: "not one of the options" };
  return { correct: normalizeAnswer(q.answer as string) === n };
}

function gradeTrueFalse(q: Question, response: unknown): { correct: boolean; reason?: string } {
  let v: boolean | undefined;
  if (typeof response === "boolean") v = response;
  else if (typeof response === "string") {
    const n = normalizeAnswer(response);
    if (["true", "t", "yes", "y"].includes(n)) v = true;
    if (["false", "f", "no", "n"].includes(n)) v = false;
  }
  if (v === undefined) return { correct: false, reason: "expected true or false" };
  return { correct: (v ? "True" : "False") === q.answer };
}

function gradeTimeline(q: Question, response: unknown): { correct: boolean; partial?: number; reason?: string } {
  const answer = q.answer as string[];
  if (!Array.isArray(response) || !response.every((x) => typeof x === "string")) return { correct: false, partial: 0, reason: "expected the events as an array of labels" };
  const norm = answer.map(normalizeAnswer);
  const given = (response as string[]).map(normalizeAnswer);
  if (given.length !== norm.length || new Set(given).size !== given.length || !given.every((g) => norm.includes(g))) {
    return { correct: false, partial: 0, reason: "the response must list each event exactly once" };
  }
  const rank = new Map(norm.map((n, i) => [n, i]));
  let good = 0;
  let total = 0;
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      total++;
      if ((rank.get(given[i] ?? "") ?? 0) < (rank.get(given[j] ?? "") ?? 0)) good++;
    }
  }
  return { correct: good === total, partial: total ? good / total : 1 };
}

function gradeMatching(q: Question, response: unknown): { correct: boolean; partial?: number; reason?: string } {
  const answer = q.answer as MatchPair[];
  let pairs: MatchPair[] | undefined;
  if (Array.isArray(response) && response.every((p) => p && typeof p === "object" && typeof p.left === "string" && typeof p.right === "string")) {
    pairs = response as MatchPair[];
  } else if (response && typeof response === "object" && !Array.isArray(response) && Object.values(response).every((v) => typeof v === "string")) {
    pairs = Object.entries(response as Record<string, string>).map(([left, right]) => ({ left, right }));
  }
  if (!pairs) return { correct: false, partial: 0, reason: "expected [{ left, right }] pairs or a { left: right } object" };
  const want = new Map(answer.map((p) => [normalizeAnswer(p.left), normalizeAnswer(p.right)]));
  const seen = new Set<string>();
  let good = 0;
  for (const p of pairs) {
    const l = normalizeAnswer(p.left);
    if (seen.has(l)) continue;
    seen.add(l);
    if (want.get(l) === normalizeAnswer(p.right)) good++;
  }
  return { correct: good === answer.length && pairs.length === answer.length, partial: answer.length ? good / answer.length : 1 };
}

/**
 * Grades a response to any question; pure, never throws.
 *
 * - multiple-choice / according-to-whom with options: the option text or its index;
 * - true-false: a boolean or "true"/"false" (also t/f, yes/no);
 * - typed-date and date cloze: any ordinary English or ISO date, month names
 *   misspelt within `typoAllowance` too, compared at the fact's precision
 *   (`dateMatches`); all-numeric dates when unambiguous (a day above 12, or
 *   year first: "19/09/2023", "2023.09.19"), else refused with a reason;
 * - short-answer, cloze, according-to-whom without options: text equal to an
 *   accepted form after `normalizeAnswer` (case, punctuation, diacritics;
 *   the question lists the aliases), with or without a leading title
 *   ("President Putin"), or misspelt within `typoAllowance` when no other
 *   corpus entity (`nearMisses`) is as close; figures by value
 *   (`parseNumberAnswer`: "2,000" = "2000") with a hedge that bounds them
 *   the same way as the key (`boundsAgree`: "over 2,000" answers "more than
 *   2,000", "fewer than 2,000" does not);
 * - timeline: the labels in order; `partial` = share of pairs in order;
 * - matching: `[{ left, right }]` or `{ [left]: right }`; `partial` = share right.
 *
 * A response of the wrong shape is `correct: false` with a `reason`.
 */
export function gradeAnswer(question: Question, response: unknown): GradeResult {
  const base = { expected: expectedText(question), given: givenText(response) };
  let r: { correct: boolean; partial?: number; reason?: string };
  switch (question.type) {
    case "multiple-choice":
      r = gradeChoice(question, response);
      break;
    case "according-to-whom":
      r = question.options
        ? gradeChoice(question, response)
        : typeof response === "string"
          ? gradeTyped(question, response)
          : { correct: false, reason: "expected a name" };
      break;
    case "true-false":
      r = gradeTrueFalse(question, response);
      break;
    case "typed-date":
    case "short-answer":
    case "cloze":
      r = typeof response === "string" ? gradeTyped(question, response) : { correct: false, reason: "expected a typed answer (string)" };
      break;
    case "timeline":
      r = gradeTimeline(question, response);
      break;
    case "matching":
      r = gradeMatching(question, response);
      break;
    default:
      r = { correct: false, reason: `unknown question type` };
  }
  return { ...base, ...r };
}
