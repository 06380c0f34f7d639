/** Colour classes from least known (heat-0, red) to best known (heat-4, green). */
export const HEAT_CLASSES = ["heat-0", "heat-1", "heat-2", "heat-3", "heat-4"] as const;
export type HeatClass = (typeof HEAT_CLASSES)[number];

/**
 * Lower bounds of heat-1 … heat-4. 0.9 matches FSRS's default desired
 * retention (known as well as the scheduler aims for); 0.8 and 0.7 are the
 * usual "most of the class" and "a clear majority"; below 0.5 fewer than
 * half know it.
 */
export const HEAT_THRESHOLDS = [0.5, 0.7, 0.8, 0.9] as const;

/**
 * The colour class of a share in 0..1: [0, 0.5) heat-0, [0.5, 0.7) heat-1,
 * [0.7, 0.8) heat-2, [0.8, 0.9) heat-3, [0.9, 1] heat-4. A missing value is
 * not coloured: show "no data" instead of calling `heat`.
 *
 * @throws RangeError for a value outside 0..1 or NaN.
 */
export function heat(value: number): HeatClass {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`heat: value must be in 0..1, got ${value}`);
  let level = 0;
  for (const t of HEAT_THRESHOLDS) if (value >= t) level += 1;
  return HEAT_CLASSES[level] ?? "heat-4";
}
