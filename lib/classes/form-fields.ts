import { z } from "zod";

/**
 * Field schemas shared by the class and assignment forms. They accept what a
 * server action gets from `FormData` (strings, "" for an empty input, "on"
 * for a ticked checkbox) as well as JSON values, and say what is wrong in a
 * sentence a teacher can act on.
 */

/** An input left empty: absent, null, or only white space. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** A required whole number in [min, max], given as a number or as digits. */
export function wholeNumber(label: string, min: number, max: number) {
  const message = `${label} must be a whole number from ${min} to ${max}.`;
  return z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z
      .number({ error: (iss) => (isBlank(iss.input) ? `Enter ${label.toLowerCase()}.` : message) })
      .int(message)
      .min(min, message)
      .max(max, message),
  );
}

/** Like `wholeNumber`, but an empty input means "none" and parses to null. */
export function optionalWholeNumber(label: string, min: number, max: number) {
  return z.preprocess((v) => (isBlank(v) ? null : v), wholeNumber(label, min, max).nullable());
}

/** A checkbox: true, "true" or "on" is ticked; false, "false", "" or absent is not. */
export const checkbox = z.preprocess(
  (v) => (v === "on" || v === "true" ? true : v === "false" || isBlank(v) ? false : v),
  z.boolean({ error: "Tick the box or leave it empty." }),
);

/** One of a fixed list of values, with a message naming the field. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message });
}
