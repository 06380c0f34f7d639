import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * Refuses passwords that are easy to guess: zxcvbn-ts estimates the guesses
 * an attacker needs, using its maintained lists of common passwords (and
 * keyboard patterns, repeats, sequences, dates) plus the user's own name and
 * e-mail address. Score 3 (≥ 10⁸ guesses) is the bar for a site that limits
 * sign-in attempts. Server-side only: the lists are large.
 */
export const MIN_PASSWORD_SCORE = 3;

let checker: ZxcvbnFactory | undefined;
const zxcvbn = () => (checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/** Why the password is too easy to guess, as a message for its field; null when it is fine. */
export function weakPasswordMessage(password: string, userInputs: string[] = []): string | null {
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[^\p{L}\p{N}]+/u)]).filter((s) => s.length >= 3);
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning ?? "";
  if (/common|topTen|topHundred|similarToCommon/i.test(warning)) return "This password is on lists of common passwords. Choose a less common one, e.g. a few unrelated words.";
  if (/repeat/i.test(warning)) return "This password repeats characters or words. Choose a less predictable one, e.g. a few unrelated words.";
  if (/sequence|keyPattern|straightRow/i.test(warning)) return "This password is a keyboard or number sequence. Choose a less predictable one, e.g. a few unrelated words.";
  if (/userInputs|namesByThemselves/i.test(warning)) return "This password contains your name or e-mail address. Choose one that does not.";
  return "This password is too easy to guess. Choose a less predictable one, e.g. a few unrelated words.";
}
