import { type BuildContext } from "./build-context";
import { slotCitation, publicCitation } from "./evidence";
import { explainFact } from "./explanation";
import { factSlots } from "./fact-slots";
import type { Question } from "./question";
import { stableId } from "./stable-id";

/**
 * A typed date answer for every dated fact, graded at the fact's precision
 * (see `dateMatches`): "9 November 2020", "Nov 9, 2020", "2020-11-09" all
 * answer a day fact; "September 2020" or "2020-09" a month fact.
 */
export function typedDateQuestions(ctx: BuildContext): Question[] {
  const out: Question[] = [];
  for (const fact of ctx.facts) {
    for (const slot of factSlots(ctx.ix, fact)) {
      if (slot.field !== "when") continue;
      out.push({
        id: stableId("q", ["typed-date", fact.id]),
        type: "typed-date",
        prompt: slot.stem,
        answer: slot.answer,
        acceptedAnswers: [...new Set([slot.answer, ...slot.accepted])],
        factIds: [fact.id],
        sources: [publicCitation(slotCitation(ctx.ix, fact, slot.key))],
        explanation: explainFact(ctx.ix, fact, slot.answer, slot.key),
        about: "when",
        answerKind: "date",
        precision: slot.when.precision,
        date: slot.when.date,
        ...(slot.when.part ? { part: slot.when.part } : {}),
      });
    }
  }
  return out;
}
