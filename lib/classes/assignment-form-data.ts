/**
 * Turns FormData-like fields into the assignment form's input: ticked
 * `types` as a list and `timeMultipliers.<studentId>` fields as one map.
 */
export function assignmentInputFromForm(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const multipliers: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (key.startsWith("timeMultipliers.")) multipliers[key.slice("timeMultipliers.".length)] = value;
    else if (key === "types") input.types = [...((input.types as string[] | undefined) ?? []), value];
    else input[key] = value;
  }
  input.timeMultipliers = multipliers;
  return input;
}
