import { describe, expect, it } from "vitest";
import { checkText, itemReportCsv, studentReportCsv } from "@/lib/reports/report-csv";

const item = (over: Partial<Parameters<typeof itemReportCsv>[0][number]> = {}) => ({
  itemId: "q1", answered: 2, facility: 0, discrimination: null, groupSize: 1, flags: [], check: false, enoughAnswers: false,
  prompt: "P", type: "true-false", factIds: ["f1"], ...over,
});

describe("CSV checks say what the page says", () => {
  it("flagged, not enough answers yet, nothing, and not flagged for per-student sets", () => {
    expect(checkText({ check: true, enoughAnswers: true }, "question")).toBe("check this question");
    expect(checkText({ check: false, enoughAnswers: false }, "fact")).toBe("not enough answers yet");
    expect(checkText({ check: false, enoughAnswers: true }, "question")).toBe("");
    expect(checkText({ check: true, enoughAnswers: true }, "question", false)).toBe("not flagged (own questions per student)");
  });

  it("the questions CSV carries unanswered, reports and hidden; per-student sets drop the flags", () => {
    const rows = [item({ flags: ["too-hard"], check: true, enoughAnswers: true, unanswered: 3, reports: 2, hidden: true })];
    expect(itemReportCsv(rows).split("\r\n")[1]).toBe("q1,true-false,P,f1,2,0,,1,too-hard,check this question,3,2,hidden");
    expect(itemReportCsv(rows, false).split("\r\n")[1]).toBe("q1,true-false,P,f1,2,0,,1,,not flagged (own questions per student),3,2,hidden");
  });

  it("the students CSV names each student by e-mail and id too", () => {
    const csv = studentReportCsv(
      [{ studentId: "u1", name: "Ani", email: "ani@example.org", status: "done", late: false, score: 0.5, progress: 1, activityCount: 1, timeSpentMs: 60_000, lastActivityAt: null, completedAt: null, meanRecall: null }],
      "quiz",
      "UTC",
    );
    expect(csv.split("\r\n")[1]).toBe("Ani,ani@example.org,u1,done,false,0.5,1,1,,,");
  });
});
