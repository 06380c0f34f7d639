import { z } from "zod";
import { isValidTimeZone } from "../time/time-zone";
import { ROLES } from "./roles";
import { MAX_NAME, MAX_PASSWORD, MIN_PASSWORD } from "./form-limits";

export { MAX_NAME, MAX_PASSWORD, MIN_PASSWORD };

const email = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .min(1, "Enter your e-mail address.")
  .max(254, "That e-mail address is too long.")
  .pipe(z.email({ error: "Enter an e-mail address like name@example.org." }))
  .transform((e) => e.toLowerCase());

const password = z
  .string({ error: "Enter a password." })
  .min(1, "Enter a password.")
  .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters for the password.`)
  .max(MAX_PASSWORD, `Use at most ${MAX_PASSWORD} characters for the password.`);

const name = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(MAX_NAME, `Keep the name to ${MAX_NAME} characters.`)
  // Control characters have no place in a display name; markup is just text and is escaped on output.
  .refine((n) => !/[\u0000-\u001f\u007f]/.test(n), "The name contains characters that cannot be shown.");

/** A base that only serves to resolve a path; its origin marks "still this site". */
const SAME_SITE = "http://factdeck.invalid";

/**
 * Where to go after signing in: only a path on this site (`/…`, never `//host`
 * or `/\host`, which browsers treat as another site), normalised the way a
 * browser would resolve it and percent-encoded, so it is printable ASCII and
 * safe in a redirect header (a raw "Ա" there made Next answer 500 after the
 * session cookie was set). Anything else → `/`.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 500 || /[\u0000-\u001f\u007f]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, SAME_SITE);
  } catch {
    return "/";
  }
  if (url.origin !== SAME_SITE) return "/";
  const path = url.pathname + url.search + url.hash;
  // `/..//host` resolves to the path `//host`, which a browser would read as another site.
  if (path.startsWith("//") || !/^\/[\x21-\x7e]*$/.test(path) || path.length > 1000) return "/";
  return path;
}

/** The browser's time zone, sent by a hidden field; anything unusable is dropped, never an error. */
const browserTimeZone = z
  .string()
  .optional()
  .transform((tz) => (tz && tz.length <= 64 && isValidTimeZone(tz) ? tz : undefined));

export const signUpSchema = z.object({
  name,
  email,
  password,
  role: z.enum(ROLES, { error: "Choose student or teacher." }),
  returnTo: z.string().optional().transform(safeReturnTo),
  timeZone: browserTimeZone,
});

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(MAX_PASSWORD, "That password is too long."),
  returnTo: z.string().optional().transform(safeReturnTo),
  timeZone: browserTimeZone,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(MAX_PASSWORD),
    newPassword: password,
    confirmPassword: z.string().max(MAX_PASSWORD),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

export const changeNameSchema = z.object({ name });
