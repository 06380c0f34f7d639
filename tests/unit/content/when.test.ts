import { describe, expect, it } from "vitest";
import { formatWhen, whenProblem, whenSortKey } from "@/lib/content/when";
import type { When } from "@/lib/content/schema";

const w = (o: Partial<When> & Pick<When, "date" | "precision">): When => ({ inferred: false, ...o });

describe("whenProblem", () => {
  it("accepts well-formed dates of every precision", () => {
    expect(whenProblem(w({ date: "2020-11-09", precision: "day" }))).toBeNull();
    expect(whenProblem(w({ date: "2023-09", precision: "month" }))).toBeNull();
    expect(whenProblem(w({ date: "1994", precision: "year" }))).toBeNull();
    expect(whenProblem(w({ date: "1980s", precision: "decade", part: "late" }))).toBeNull();
    expect(whenProblem(w({ date: "2024-02-29", precision: "day" }))).toBeNull();
  });

  it("names the exact problem", () => {
    expect(whenProblem(w({ date: "2020-9-27", precision: "day" }))).toBe('date "2020-9-27" does not match precision "day"');
    expect(whenProblem(w({ date: "1985s", precision: "decade" }))).toBe('date "1985s" does not match precision "decade"');
    expect(whenProblem(w({ date: "2020-13", precision: "month" }))).toBe('date "2020-13" has no month 13');
    expect(whenProblem(w({ date: "2020-09-31", precision: "day" }))).toBe('date "2020-09-31" is not a calendar day');
    expect(whenProblem(w({ date: "2023-02-29", precision: "day" }))).toBe('date "2023-02-29" is not a calendar day');
    expect(whenProblem(w({ date: "2020-09-27", precision: "day", part: "late" }))).toBe('"part" (late) only narrows a year or a decade');
    expect(whenProblem(w({ date: "2020-09-27", precision: "day", inferred: true }))).toBe('date "2020-09-27" is inferred but gives no reason');
  });
});

describe("formatWhen", () => {
  it("writes each precision the way a question would print it", () => {
    expect(formatWhen({ date: "2020-11-09", precision: "day" })).toBe("9 November 2020");
    expect(formatWhen({ date: "2023-09", precision: "month" })).toBe("September 2023");
    expect(formatWhen({ date: "1994", precision: "year" })).toBe("1994");
    expect(formatWhen({ date: "2020", precision: "year", part: "late" })).toBe("late 2020");
    expect(formatWhen({ date: "1980s", precision: "decade", part: "late" })).toBe("the late 1980s");
    expect(formatWhen({ date: "1980s", precision: "decade" })).toBe("the 1980s");
  });
});

describe("whenSortKey", () => {
  it("gives the exact keys", () => {
    expect(whenSortKey({ date: "1980s", precision: "decade", part: "late" })).toBe("1980-00-00-3");
    expect(whenSortKey({ date: "1994", precision: "year" })).toBe("1994-00-00-0");
    expect(whenSortKey({ date: "2023-09", precision: "month" })).toBe("2023-09-00-0");
    expect(whenSortKey({ date: "2020-11-09", precision: "day" })).toBe("2020-11-09-0");
  });

  it("sorts chronologically, coarser before finer in the same period", () => {
    const items: Pick<When, "date" | "precision" | "part">[] = [
      { date: "2023-09-20", precision: "day" },
      { date: "2020-11-09", precision: "day" },
      { date: "1994", precision: "year" },
      { date: "2023-09", precision: "month" },
      { date: "1980s", precision: "decade", part: "late" },
      { date: "1980s", precision: "decade" },
      { date: "2020", precision: "year" },
      { date: "2023-09-19", precision: "day" },
    ];
    const sorted = [...items].sort((a, b) => (whenSortKey(a) < whenSortKey(b) ? -1 : 1)).map(formatWhen);
    expect(sorted).toEqual([
      "the 1980s",
      "the late 1980s",
      "1994",
      "2020",
      "9 November 2020",
      "September 2023",
      "19 September 2023",
      "20 September 2023",
    ]);
  });
});
