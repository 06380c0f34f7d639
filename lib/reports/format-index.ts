/**
 * An index (facility, discrimination, a share) for display with exactly two
 * decimals, rounding half away from zero on the decimal value: 0.125 →
 * "0.13", -0.125 → "-0.13", 0.335 →
 * "0.34" (the binary 0.33499… is read as the 0.335 it stands for). Tiny
 * values never show as "-0.00". null (no data) → "—".
 */
export function formatIndex(value: number | null): string {
  if (value === null) return "—";
  if (!Number.isFinite(value)) throw new RangeError(`formatIndex: not a finite number: ${value}`);
  const hundredths = Math.round(Number((Math.abs(value) * 100).toPrecision(12)));
  if (hundredths === 0) return "0.00";
  return `${value < 0 ? "-" : ""}${(hundredths / 100).toFixed(2)}`;
}
