/**
 * The shape every server action call of this app has: Next's client posts
 * the arguments as multipart form data whose root part "0" is a JSON array
 * of the arguments, and every action here takes the submitted form as its
 * last argument — `(prevState, form)` from useActionState, or `(form)` from
 * a plain `<form action>` — which React encodes as a "$K<id>" reference.
 * A call of any other shape (no form, not multipart, a root that is not
 * JSON) is malformed: the proxy answers it 400 before Next decodes it, where
 * it would otherwise reach the action as `undefined` and fail with a 500.
 */
export const ACTION_FORM_REF = /^\$K[0-9a-f]+$/;

/** Why the call is malformed, or null when it has the shape above. */
export function actionEnvelopeProblem(contentType: string | null, root: FormDataEntryValue | null): string | null {
  if (!contentType?.toLowerCase().startsWith("multipart/form-data")) return "A server action call must be multipart form data.";
  if (typeof root !== "string") return "A server action call needs its arguments (part 0).";
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    return "The arguments of the server action call are not valid.";
  }
  if (!Array.isArray(args) || args.length < 1 || args.length > 2) return "The server action was called with the wrong number of arguments.";
  const last: unknown = args[args.length - 1];
  if (typeof last !== "string" || !ACTION_FORM_REF.test(last)) return "The server action was called without its form.";
  return null;
}
