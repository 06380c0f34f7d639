import { describe, expect, it } from "vitest";
import { corpusIndexOf } from "@/lib/generate/corpus-cache";
import { generate } from "@/lib/generate/generate";
import { withGradingForms } from "@/lib/generate/grading-forms";
import type { Question } from "@/lib/generate/question";
import { gradeAnswer } from "@/lib/quiz/grade";
import { contentCorpus } from "@/tests/unit/generate/corpora";

/**
 * The typed-grader findings of issue 10, each on a reference item: a
 * question object as `npm run generate` printed it (trimmed to what grading
 * reads), and, for what depends on the corpus (aliases, the entity kinds),
 * the real bank.
 */
const base = { factIds: ["f"], sources: [{ slug: "s", quote: "q" }], explanation: "e" };

const operationDate: Question = {
  ...base,
  id: "q-ref-date",
  type: "typed-date",
  prompt: "On what date did Azerbaijan launch the operation in Nagorno-Karabakh?",
  answer: "19 September 2023",
  acceptedAnswers: ["19 September 2023", "2023-09-19"],
  about: "when",
  answerKind: "date",
  precision: "day",
  date: "2023-09-19",
};

const civilians: Question = {
  ...base,
  id: "q-ref-civilians",
  type: "short-answer",
  prompt: "According to Putin in September 2023, how many civilians were being accommodated at the main base used by Russian peacekeepers?",
  answer: "more than 2,000",
  acceptedAnswers: ["more than 2,000", "2,000", "2000", "more than 2,000 civilians"],
  about: "number",
  answerKind: "number",
  numberValue: 2000,
  unit: "civilians",
};

const childrenCloze: Question = {
  ...base,
  id: "q-ref-children",
  type: "cloze",
  prompt: "Fill in the blank. According to RT, reporting Vladimir Putin's account: “more than 2,000 civilians, including _____ children, are currently being accommodated”",
  answer: "more than 1,000",
  acceptedAnswers: ["more than 1,000", "1,000", "1000", "more than 1,000 children"],
  about: "number",
  answerKind: "number",
  numberValue: 1000,
  unit: "children",
};

describe("numeric dates are read when unambiguous", () => {
  it.each(["19/09/2023", "19.09.2023", "19-09-2023", "2023/09/19", "2023.09.19", "09/19/2023", "Septmber 19 2023", "19 Setpember 2023", "Tusday, 19 September 2023"])(
    "%s answers 19 September 2023",
    (s) => {
      expect(gradeAnswer(operationDate, s)).toMatchObject({ correct: true });
    },
  );
  it("an ambiguous numeric date is refused with a reason, not guessed", () => {
    const q = { ...operationDate, answer: "9 October 2023", acceptedAnswers: ["9 October 2023", "2023-10-09"], date: "2023-10-09" };
    const r = gradeAnswer(q, "09/10/2023");
    expect(r.correct).toBe(false);
    expect(r.reason).toMatch(/ambiguous/);
    // Both readings are the same day: nothing to disagree on.
    expect(gradeAnswer({ ...q, date: "2023-05-05" }, "05/05/2023").correct).toBe(true);
  });
  it("a wrong numeric date is wrong", () => {
    expect(gradeAnswer(operationDate, "20/09/2023").correct).toBe(false);
    expect(gradeAnswer(operationDate, "19/09/2022").correct).toBe(false);
  });
});

describe("a bound keeps its direction", () => {
  it.each([
    [civilians, "fewer than 2,000", false],
    [civilians, "less than 2000", false],
    [civilians, "under 2,000", false],
    [civilians, "< 2000", false],
    [civilians, "over 2,000", true],
    [civilians, "more than 2000", true],
    [civilians, "at least 2,000", true],
    [civilians, "2,000+", true],
    [civilians, "2,000", true],
    [civilians, "about 2,000", true],
    [civilians, "exactly 2,000", false],
    [childrenCloze, "up to 1000", false],
    [childrenCloze, "nearly 1,000", false],
    [childrenCloze, "over 1,000", true],
    [childrenCloze, "more than 1,000 children", true],
  ] as const)("%#: %s", (q, s, correct) => {
    const r = gradeAnswer(q, s);
    expect(r.correct).toBe(correct);
    // Wrong, not unreadable: a reason would make the quiz ask again.
    expect(r.reason).toBeUndefined();
  });
});

describe("misspellings, scaled to length, never of another entity", () => {
  const lavrov: Question = {
    ...base,
    id: "q-ref-lavrov",
    type: "short-answer",
    prompt: "Which Russian minister called both his Azeri and Armenian counterparts on the day the 2020 fighting broke out?",
    answer: "Sergey Lavrov",
    acceptedAnswers: ["the Russian foreign minister", "Russia's foreign minister", "Sergey Lavrov", "Lavrov", "Sergei Lavrov"],
    nearMisses: ["foreign ministry", "russian foreign ministry"],
    about: "who",
    answerKind: "text",
  };
  it("one letter off a long name is forgiven", () => {
    expect(gradeAnswer(lavrov, "Sergey Lavrof").correct).toBe(true);
    expect(gradeAnswer(lavrov, "Lavorv").correct).toBe(false); // two edits on a six-letter name
  });
  it("a typo as close to another entity's name as to the key is not", () => {
    // "russian foreign ministr" is one edit from the minister and from the ministry.
    expect(gradeAnswer(lavrov, "Russian foreign ministr").correct).toBe(false);
    expect(gradeAnswer(lavrov, "Russian Foreign Ministry").correct).toBe(false);
    expect(gradeAnswer(lavrov, "Russian foreign ministe").correct).toBe(true);
  });
  it("without nearMisses (an old snapshot) no typo is forgiven", () => {
    const { nearMisses: _omit, ...old } = lavrov;
    expect(gradeAnswer(old, "Sergey Lavrof").correct).toBe(false);
    expect(gradeAnswer(old, "Sergey Lavrov").correct).toBe(true);
  });
  it("a leading title does not make a right name wrong", () => {
    expect(gradeAnswer(lavrov, "Foreign Minister Lavrov").correct).toBe(true);
    expect(gradeAnswer(lavrov, "Russian Foreign Minister Sergey Lavrov").correct).toBe(true);
  });
});

describe("on the real bank", () => {
  const corpus = contentCorpus();
  const bank = generate(corpus, { seed: 1 }).questions;
  // The bank no longer asks a typed where-question keyed by the corpus's topic (Nagorno-Karabakh: it answers
  // itself); the grader still grades such answers (an older snapshot, an imported item), so one is graded as
  // the builder made it: the place's forms, then withGradingForms.
  const topic = withGradingForms(corpusIndexOf(corpus), {
    ...base,
    id: "q-ref-topic",
    type: "short-answer",
    prompt: "Over which disputed region did renewed clashes erupt on 27 September 2020?",
    answer: "Nagorno-Karabakh",
    acceptedAnswers: ["Nagorno-Karabakh", "Karabakh", "Karabagh", "Nagorno-Karabagh", "the Nagorno-Karabakh conflict zone"],
    factIds: ["war-2020-outbreak"],
    about: "where",
    answerKind: "text",
  });
  const typed = [...bank.filter((q) => q.answerKind === "text" && !q.options), topic];
  /** Typed questions whose accepted answers include `form`: those about that entity. */
  const about = (form: string): Question[] => typed.filter((q) => (q.acceptedAnswers ?? []).includes(form));

  it.each([
    ["Nikol Pashinyan", "Pashinian"],
    ["Nikol Pashinyan", "Nikol Pashinian"],
    ["Sergey Lavrov", "Sergei Lavrov"],
    ["Nagorno-Karabakh", "Karabagh"],
    ["Nagorno-Karabakh", "Nagorno Karabagh"],
    ["Turkey", "Türkiye"],
    ["Azerbaijani armed forces", "Azerbaijani forces"],
    ["Russian Foreign Ministry", "Foreign Ministry"],
    ["Ilham Aliyev", "Aliev"],
    ["OSCE mediation group on Nagorno-Karabakh", "OSCE Minsk Group"],
    ["OSCE mediation group on Nagorno-Karabakh", "Minsk Group"],
  ])("every typed question about %s accepts %s", (form, typedAnswer) => {
    const qs = about(form);
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(gradeAnswer(q, typedAnswer), `${q.id}: ${q.prompt}`).toMatchObject({ correct: true });
  });

  it("a trailing generic noun does not make a right place wrong", () => {
    const qs = about("Nagorno-Karabakh");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(gradeAnswer(q, "the Nagorno-Karabakh region").correct, q.prompt).toBe(true);
  });

  it("a place never fills a blank that asks for an institution", () => {
    const ix = corpusIndexOf(corpus);
    const building = withGradingForms(ix, {
      ...base,
      id: "q-ref-building",
      type: "cloze",
      prompt: "Fill in the blank. According to TASS: “Residents of the Armenian capital took to the streets to protest outside the _____ building, blaming the country's leadership and Prime Minister Nikol Pashinyan for the situation.”",
      answer: "Armenian government",
      acceptedAnswers: ["Armenian government", "the Armenian side", "Yerevan", "Armenia"],
      about: "who",
      answerKind: "text",
    });
    expect(gradeAnswer(building, "Yerevan").correct).toBe(false);
    expect(gradeAnswer(building, "Armenia").correct).toBe(false);
    expect(gradeAnswer(building, "the Armenian government").correct).toBe(true);
    // In the bank too, wherever that blank is asked.
    for (const q of bank.filter((x) => x.type === "cloze" && x.prompt.includes("_____ building"))) {
      expect(gradeAnswer(q, "Yerevan").correct, q.prompt).toBe(false);
    }
    // A blank printed as the metonym keeps it: "_____ voiced support for Baku" → "Ankara" or "Turkey".
    const ankara = withGradingForms(ix, { ...building, id: "q-ref-ankara", prompt: "Fill in the blank. According to RT: “_____ voiced support for Baku”", answer: "Ankara", acceptedAnswers: ["Ankara", "Turkish government", "Turkey"] });
    expect(gradeAnswer(ankara, "Turkey").correct).toBe(true);
  });
});

describe("words that never tell answers apart", () => {
  const q = (answer: string, acceptedAnswers: string[] = [answer], nearMisses: string[] = []): Question => ({
    id: "q-ref-loose",
    type: "short-answer",
    prompt: "Reference item.",
    answer,
    acceptedAnswers,
    nearMisses,
    factIds: ["f"],
    sources: [],
    explanation: "",
    about: "where",
    answerKind: "text",
  });
  it("accepts a key's name without its own generic noun", () => {
    expect(gradeAnswer(q("the Lachin Corridor"), "Lachin").correct).toBe(true);
  });
  it("ignores articles and a leading 'to' in a phrase", () => {
    const phrase = q("to define types and amount of assistance");
    expect(gradeAnswer(phrase, "define the types and amount of assistance").correct).toBe(true);
    expect(gradeAnswer(phrase, "define types of assistance").correct).toBe(false);
  });
  it("never when what is left is another entity's name", () => {
    expect(gradeAnswer(q("Yerevan city", ["Yerevan city"], ["Yerevan"]), "Yerevan").correct).toBe(false);
  });
});
