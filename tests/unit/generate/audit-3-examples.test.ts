import { describe, expect, it } from "vitest";
import { generateCards } from "@/lib/generate/cards";
import { generate } from "@/lib/generate/generate";
import type { Question } from "@/lib/generate/question";
import { gradeAnswer } from "@/lib/quiz/grade";
import { contentCorpus } from "./corpora";

// Audit 3 (a read of 150 items after audit 2's fixes): its grading errors and wording defects as fixed
// reference items. Each case failed before the fix.
const corpus = contentCorpus();
const all = [1, 2, 3].flatMap((seed) => generate(corpus, { seed }).questions);
const typed = (start: string): Question => {
  const q = all.find((x) => ["short-answer", "typed-date"].includes(x.type) && x.prompt.startsWith(start));
  if (!q) throw new Error(`no typed question “${start}…”`);
  return q;
};
const grades = (q: Question, answers: string[]): Record<string, boolean> => Object.fromEntries(answers.map((a) => [a, gradeAnswer(q, a).correct]));

describe("audit 3: the grader takes the phrasings a teacher takes, and no more", () => {
  it("“the <noun> of <state>” and the noun's synonyms, as well as “<Demonym> <noun>”", () => {
    expect(grades(typed("Which government gave military and economic support"), ["the government of Armenia", "Armenia's government", "the Armenian authorities", "Azerbaijan", "the government of Azerbaijan"])).toEqual({
      "the government of Armenia": true,
      "Armenia's government": true,
      "the Armenian authorities": true,
      Azerbaijan: false,
      "the government of Azerbaijan": false,
    });
    expect(grades(typed("Who pledged to lay down arms"), ["the authorities of Nagorno-Karabakh", "Nagorno-Karabakh officials", "the Karabakh government", "Armenia", "the Armenian authorities"])).toEqual({
      "the authorities of Nagorno-Karabakh": true,
      "Nagorno-Karabakh officials": true,
      "the Karabakh government": true,
      Armenia: false,
      "the Armenian authorities": false,
    });
    expect(grades(typed("Which government voiced support for Baku"), ["the government of Turkey", "Turkey's government", "the government of Azerbaijan"])).toEqual({
      "the government of Turkey": true,
      "Turkey's government": true,
      "the government of Azerbaijan": false,
    });
  });

  it("a side by its army or military; never the other side's", () => {
    expect(grades(typed("Which side launched a military operation in Nagorno-Karabakh on 19 September 2023"), ["the Azerbaijani army", "the Azerbaijani military", "Azerbaijani armed forces", "Armenian forces", "the Armenian army"])).toEqual({
      "the Azerbaijani army": true,
      "the Azerbaijani military": true,
      "Azerbaijani armed forces": true,
      "Armenian forces": false,
      "the Armenian army": false,
    });
    expect(grades(typed("Who was to coordinate the withdrawal"), ["peacekeepers of Russia", "Russia's peacekeepers", "the Azerbaijani army"])).toEqual({
      "peacekeepers of Russia": true,
      "Russia's peacekeepers": true,
      "the Azerbaijani army": false,
    });
  });

  it("a person or a city with its country, a place after “in”; a description is not a place", () => {
    expect(grades(typed("Whom was Putin meeting when he said in September 2023"), ["Wang Yi of China", "Wang Yi of Russia"])).toEqual({ "Wang Yi of China": true, "Wang Yi of Russia": false });
    expect(grades(typed("In which city did residents protest"), ["Yerevan, Armenia", "Baku, Azerbaijan", "Armenia"])).toEqual({ "Yerevan, Armenia": true, "Baku, Azerbaijan": false, Armenia: false });
    // (The typed "Where did Azerbaijan launch a military operation …?" is no longer asked: it answers itself in a
    // quiz on Nagorno-Karabakh — audit 4. The leading "in"/"at" is graded on the protest's city.)
    expect(grades(typed("In which city did residents protest"), ["in Yerevan", "at Yerevan", "in Baku"])).toEqual({ "in Yerevan": true, "at Yerevan": true, "in Baku": false });
  });

  it("a figure with an everyday word for its unit (“people”, “kids”); the bound keeps its direction", () => {
    expect(grades(typed("What figure did Vladimir Putin give for the civilians"), ["over 2000 people", "more than 2,000 persons", "fewer than 2000 people"])).toEqual({
      "over 2000 people": true,
      "more than 2,000 persons": true,
      "fewer than 2000 people": false,
    });
    expect(grades(typed("What figure did Vladimir Putin give for the children"), ["over 1000 kids", "up to 1000 kids"])).toEqual({ "over 1000 kids": true, "up to 1000 kids": false });
  });
});

describe("audit 3: wording", () => {
  it("“Whose peacekeepers …?” is keyed “Russia's”, and the organisation's names are still taken", () => {
    const q = typed("Whose peacekeepers were deployed");
    expect(q.answer).toBe("Russia's");
    expect(grades(q, ["Russia", "Russian", "the Russian peacekeepers", "Armenia's"])).toEqual({ Russia: true, Russian: true, "the Russian peacekeepers": true, "Armenia's": false });
  });

  it("the 2020 flare-up is “the most notable” only according to RT, and a ceasefire is reached, not held", () => {
    const when = all.filter((q) => q.factIds[0] === "baku-took-control-2020" && q.about === "when" && q.type !== "cloze" && q.type !== "true-false");
    expect(when.length).toBeGreaterThan(0);
    for (const q of when) expect(q.prompt).toMatch(/^According to RT, /);
    const tf = all.filter((q) => q.type === "true-false" && q.factIds[0] === "war-ended-1994-ceasefire");
    expect(tf.length).toBeGreaterThan(0);
    for (const q of tf) expect(q.prompt).toMatch(/^True or false\? The ceasefire that ended the major war .* was reached in \d{4}\.$/);
  });

  it("the sporadic fighting is asked in a plain stem, not “the one the major war … was fought over”", () => {
    // Its typed question answers itself (the topic, audit 4): the card asks it in the plain stem.
    const card = generateCards(corpus).find((c) => c.id === "sporadic-fighting-after-1994:qa:where:nagorno-karabakh");
    expect(card?.front).toBe("According to RT, which region has been marred by sporadic fighting since the 1994 ceasefire?");
    expect(all.some((x) => /the one the major war/.test(x.prompt))).toBe(false);
  });
});
