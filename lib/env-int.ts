/**
 * A whole-number setting from the environment: the default when unset or
 * empty, else the value, which must be a whole number of at least `min`. A
 * malformed value stops start-up with one line naming the variable, rather
 * than becoming NaN (a NaN limit would quietly turn the limit off).
 */
export function envInt(name: string, fallback: number, min = 0): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}".`);
  return Number(raw);
}
