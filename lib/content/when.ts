import type { When } from "./schema";

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

const PATTERNS: Record<When["precision"], RegExp> = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  year: /^(\d{4})$/,
  decade: /^(\d{3}0)s$/,
};

/**
 * Why a `When` is malformed, or null when it is fine: the date must match its
 * precision (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYY0s`), be a real calendar
 * day, and an inferred date must say how it was inferred.
 */
export function whenProblem(when: When): string | null {
  const m = PATTERNS[when.precision].exec(when.date);
  if (!m) return `date "${when.date}" does not match precision "${when.precision}"`;
  if (when.precision === "day" || when.precision === "month") {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return `date "${when.date}" has no month ${month}`;
  }
  if (when.precision === "day") {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return `date "${when.date}" is not a calendar day`;
  }
  if (when.part && when.precision !== "decade" && when.precision !== "year") {
    return `"part" (${when.part}) only narrows a year or a decade`;
  }
  if (when.inferred && !when.reason) return `date "${when.date}" is inferred but gives no reason`;
  return null;
}

/** "9 November 2020", "September 2020", "1994", "the late 1980s". */
export function formatWhen(when: Pick<When, "date" | "precision" | "part">): string {
  const part = when.part ? `${when.part} ` : "";
  switch (when.precision) {
    case "day": {
      const [y, m, d] = when.date.split("-").map(Number) as [number, number, number];
      return `${d} ${MONTHS[m - 1]} ${y}`;
    }
    case "month": {
      const [y, m] = when.date.split("-").map(Number) as [number, number];
      return `${MONTHS[m - 1]} ${y}`;
    }
    case "year":
      return `${part}${when.date}`;
    case "decade":
      return `the ${part}${when.date}`;
  }
}

/**
 * A string that sorts chronologically: decades before the years inside them,
 * coarser precision before finer within the same period.
 */
export function whenSortKey(when: Pick<When, "date" | "precision" | "part">): string {
  const partRank = { early: "1", mid: "2", late: "3" } as const;
  const p = when.part ? partRank[when.part] : "0";
  switch (when.precision) {
    case "decade":
      return `${when.date.slice(0, 4)}-00-00-${p}`;
    case "year":
      return `${when.date}-00-00-${p}`;
    case "month":
      return `${when.date}-00-0`;
    case "day":
      return `${when.date}-0`;
  }
}

export const MONTH_NAMES = MONTHS;
