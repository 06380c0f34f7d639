import { type BuildContext, rngFor } from "./build-context";
import { isClaim } from "./corpus-index";
import { slotCitation, publicCitation } from "./evidence";
import { falseValue } from "./distractors";
import { explainFact } from "./explanation";
import { factSlots, onWhen, type Slot, slotStatement } from "./fact-slots";
import type { Question } from "./question";
import { stableId } from "./stable-id";

function valueText(slot: Slot, display: string): string {
  if (slot.field !== "when") return display;
  return `${slot.when.precision === "day" ? "on" : "in"} ${display}`;
}

/**
 * One true/false statement per date and place of a fact that is not a claim,
 * and per participant of a participation kind ("X took part in the phone
 * call …", "X signed …" — see `slotStatement`); the seed decides whether it
 * is the true statement or a false one. A false statement swaps in a value
 * that passed the same truth check as a multiple-choice distractor (false
 * against every fact). Claims (attributed or contested) are never stated as
 * plain fact, so they get none.
 */
export function trueFalseQuestions(ctx: BuildContext): Question[] {
  const out: Question[] = [];
  for (const fact of ctx.facts) {
    if (isClaim(fact)) continue;
    for (const slot of factSlots(ctx.ix, fact)) {
      const truth = slot.field === "when" ? onWhen(slot.when) : slot.answer;
      const correct = slotStatement(ctx.ix, slot, truth);
      if (correct === null) continue;
      const rng = rngFor(ctx, "true-false", fact.id, slot.key);
      const wantFalse = rng.next() < 0.5;
      const wrong = wantFalse ? falseValue(ctx.ix, slot, rng) : null;
      const statement = wrong === null ? correct : slotStatement(ctx.ix, slot, valueText(slot, wrong));
      if (statement === null) continue;
      const answer = wrong === null ? "True" : "False";
      out.push({
        id: stableId("q", ["true-false", fact.id, slot.key, wrong ?? "true"]),
        type: "true-false",
        prompt: `True or false? ${statement}`,
        options: ["True", "False"],
        answer,
        factIds: [fact.id],
        sources: [publicCitation(slotCitation(ctx.ix, fact, slot.key))],
        explanation: explainFact(ctx.ix, fact, wrong === null ? `True. ${correct}` : `False. ${correct}`, slot.key),
        trueStatement: correct,
        about: slot.field,
        ...(slot.field === "when" ? { date: slot.when.date, precision: slot.when.precision } : {}),
      });
    }
  }
  return out;
}
