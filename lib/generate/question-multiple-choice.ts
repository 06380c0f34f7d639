import { type BuildContext, rngFor } from "./build-context";
import { buildOptions } from "./distractors";
import { slotCitation, publicCitation } from "./evidence";
import { explainFact } from "./explanation";
import { factSlots } from "./fact-slots";
import type { Question } from "./question";
import { stableId } from "./stable-id";

/**
 * One four-option question per askable field (date, person, place, figure),
 * three options when only two distractors survive the truth check, none when
 * fewer do. Claims are asked in attributed form ("According to …").
 */
export function multipleChoiceQuestions(ctx: BuildContext): Question[] {
  const out: Question[] = [];
  for (const fact of ctx.facts) {
    for (const slot of factSlots(ctx.ix, fact)) {
      if (slot.field !== "when" && slot.field !== "number" && slot.typedOnly) continue;
      const id = stableId("q", ["multiple-choice", fact.id, slot.key]);
      const opts = buildOptions(ctx.ix, slot, rngFor(ctx, id));
      if (!opts) continue;
      out.push({
        id,
        type: "multiple-choice",
        prompt: slot.mcStem,
        options: opts.options,
        answer: slot.answer,
        factIds: [fact.id],
        sources: [publicCitation(slotCitation(ctx.ix, fact, slot.key))],
        explanation: explainFact(ctx.ix, fact, slot.answer, slot.key),
        about: slot.field,
      });
    }
  }
  return out;
}
