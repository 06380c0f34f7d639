import { describe, expect, it } from "vitest";
import { parseClassForm, safeParseClassForm } from "@/lib/classes/class-form";
import { Invalid } from "@/lib/errors";

const valid = { name: "  Year 10 History  ", termStart: "2025-09-01", termEnd: "2025-12-19", timeZone: "Europe/London" };

describe("class form", () => {
  it("trims the name and keeps the dates and zone", () => {
    expect(safeParseClassForm(valid)).toEqual({
      ok: true,
      data: { name: "Year 10 History", termStart: "2025-09-01", termEnd: "2025-12-19", timeZone: "Europe/London" },
    });
  });

  it("keeps HTML in a name as plain text", () => {
    const r = parseClassForm({ ...valid, name: "<b>7B</b> & <script>x</script>" });
    expect(r.name).toBe("<b>7B</b> & <script>x</script>");
  });

  it("counts the name in code points: 80 emoji fit, 81 characters do not", () => {
    expect(parseClassForm({ ...valid, name: "📚".repeat(80) }).name).toBe("📚".repeat(80));
    expect(safeParseClassForm({ ...valid, name: "x".repeat(81) })).toEqual({
      ok: false,
      fieldErrors: { name: "Keep the class name to 80 characters or fewer." },
    });
  });

  it("treats empty term dates as none, and allows a one-day term", () => {
    expect(parseClassForm({ ...valid, termStart: "", termEnd: "  " })).toMatchObject({ termStart: null, termEnd: null });
    expect(parseClassForm({ name: "7B", timeZone: "UTC" })).toEqual({ name: "7B", termStart: null, termEnd: null, timeZone: "UTC" });
    expect(parseClassForm({ ...valid, termEnd: "2025-09-01" }).termEnd).toBe("2025-09-01");
  });

  it("refuses an end before the start, and impossible dates", () => {
    expect(safeParseClassForm({ ...valid, termEnd: "2025-08-31" })).toEqual({
      ok: false,
      fieldErrors: { termEnd: "The term can't end before it starts." },
    });
    expect(safeParseClassForm({ ...valid, termStart: "2025-02-29", termEnd: "01/09/2025" })).toEqual({
      ok: false,
      fieldErrors: {
        termStart: "Enter the term start as a real date, like 2025-09-01.",
        termEnd: "Enter the term end as a real date, like 2025-09-01.",
      },
    });
  });

  it("accepts IANA zones (fixing case) and refuses offsets and unknown names", () => {
    expect(parseClassForm({ ...valid, timeZone: "america/los_angeles" }).timeZone).toBe("America/Los_Angeles");
    expect(parseClassForm({ ...valid, timeZone: "Asia/Kolkata" }).timeZone).toBe("Asia/Kolkata");
    for (const tz of ["+01:00", "Mars/Olympus_Mons", "GMT+25"]) {
      expect(safeParseClassForm({ ...valid, timeZone: tz }), tz).toEqual({
        ok: false,
        fieldErrors: { timeZone: "Choose a time zone from the list, such as Europe/London." },
      });
    }
  });

  it("reports every missing field at once, still checking the term order", () => {
    expect(safeParseClassForm({ name: "   ", termStart: "2025-09-02", termEnd: "2025-09-01" })).toEqual({
      ok: false,
      fieldErrors: {
        name: "Enter a name for the class.",
        timeZone: "Choose the class's time zone.",
        termEnd: "The term can't end before it starts.",
      },
    });
  });

  it("throws Invalid with the same field errors from parseClassForm", () => {
    try {
      parseClassForm({ ...valid, name: "" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Invalid);
      expect((e as Invalid).fieldErrors).toEqual({ name: "Enter a name for the class." });
    }
  });
});
