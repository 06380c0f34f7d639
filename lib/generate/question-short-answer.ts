import { type BuildContext } from "./build-context";
import { slotCitation, publicCitation } from "./evidence";
import { explainFact } from "./explanation";
import { factSlots } from "./fact-slots";
import type { Question } from "./question";
import { stableId } from "./stable-id";

/**
 * A typed name, place or figure for every such field of a fact. Accepted
 * answers list the entity's name, aliases and (for people) unique surname;
 * figures accept any number form of the printed value (see `parseNumberAnswer`).
 */
export function shortAnswerQuestions(ctx: BuildContext): Question[] {
  const out: Question[] = [];
  for (const fact of ctx.facts) {
    for (const slot of factSlots(ctx.ix, fact)) {
      if (slot.field === "when") continue;
      out.push({
        id: stableId("q", ["short-answer", fact.id, slot.key]),
        type: "short-answer",
        prompt: slot.stem,
        answer: slot.answer,
        acceptedAnswers: slot.accepted,
        factIds: [fact.id],
        sources: [publicCitation(slotCitation(ctx.ix, fact, slot.key))],
        explanation: explainFact(ctx.ix, fact, slot.answer, slot.key),
        about: slot.field,
        ...(slot.field === "number"
          ? { answerKind: "number" as const, numberValue: slot.number.value, unit: slot.number.unit }
          : { answerKind: "text" as const }),
      });
    }
  }
  return out;
}
