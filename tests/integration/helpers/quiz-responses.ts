/** Responses to a snapshot's question that `gradeAnswer` marks right, and wrong. */
import type { MatchPair, Question } from "@/lib/generate/question";

/** A response `gradeAnswer` marks right, from the snapshot's own answer. */
export function rightAnswer(q: Question): unknown {
  return q.answer;
}

/** A readable response that is wrong (or, for typed answers, blank: accepted and wrong). */
export function wrongAnswer(q: Question): unknown {
  switch (q.type) {
    case "multiple-choice":
    case "according-to-whom":
      return q.options ? q.options.find((o) => o !== q.answer) : "";
    case "true-false":
      return q.answer === "True" ? "False" : "True";
    case "timeline":
      return [...(q.answer as string[])].reverse();
    case "matching": {
      const pairs = q.answer as MatchPair[];
      return pairs.map((p, i) => ({ left: p.left, right: pairs[(i + 1) % pairs.length]!.right }));
    }
    default:
      return "";
  }
}
