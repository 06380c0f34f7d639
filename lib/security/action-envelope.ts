/**
 * The shape every server action call of this app has. Next's client posts
 * the arguments as a JSON array (the root part "0" of multipart form data
 * when a form is among them, else the whole text body). It leaves out the
 * arguments the action never reads — the first byte of the action id says
 * which of its first six parameters are used (Next's server-reference-info:
 * bit 7 type, bits 6…1 the parameters in order, bit 0 rest parameters) —
 * so `(_prev, form)` arrives as `[<hole>, "$K1"]` and `signOut()` as `[]`.
 * Every action here reads the submitted form as its last used parameter,
 * which React encodes as a "$K<id>" reference. A call of any other shape
 * (no form, broken JSON, extra arguments) is malformed: the proxy answers
 * it 400 before Next decodes it, where it would otherwise reach the action
 * as `undefined` and fail with a 500.
 */
export const ACTION_FORM_REF = /^\$K[0-9a-f]+$/;

/** How many leading arguments the action reads (index of its last used parameter + 1), from its id; null when the id has no such byte. */
export function usedArgumentCount(actionId: string): number | null {
  if (!/^[0-9a-f]{42}$/i.test(actionId)) return null;
  const info = parseInt(actionId.slice(0, 2), 16);
  if (info & 0x1) return null; // rest parameters: no fixed shape to check
  const mask = (info >> 1) & 0x3f;
  let count = 0;
  for (let i = 0; i < 6; i++) if ((mask >> (5 - i)) & 1) count = i + 1;
  return count;
}

/** Why the call is malformed, or null when it has the shape above. `root` is the JSON of the arguments. */
export function actionEnvelopeProblem(actionId: string, contentType: string | null, root: string | null): string | null {
  const used = usedArgumentCount(actionId);
  // An id Next cannot have made: Next answers it itself (not found), and nothing runs.
  if (used === null) return null;
  if (typeof root !== "string") return "A server action call needs its arguments.";
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    return "The arguments of the server action call are not valid.";
  }
  if (!Array.isArray(args)) return "The arguments of the server action call are not valid.";
  if (used === 0) return args.length === 0 ? null : "The server action was called with the wrong number of arguments.";
  if (args.length !== used) return "The server action was called with the wrong number of arguments.";
  const form: unknown = args[used - 1];
  if (!contentType?.toLowerCase().startsWith("multipart/form-data") || typeof form !== "string" || !ACTION_FORM_REF.test(form)) {
    return "The server action was called without its form.";
  }
  return null;
}
