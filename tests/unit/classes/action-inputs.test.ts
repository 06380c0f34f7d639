import { describe, expect, it } from "vitest";
import {
  formFields,
  leaveClassInput,
  parseActionInput,
  removeMemberInput,
  setClassArchivedInput,
  setTimeMultiplierInput,
  startAssignmentInput,
} from "@/lib/classes/action-inputs";
import { parseRouteId } from "@/lib/classes/ids";
import { Invalid } from "@/lib/errors";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

function errorsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(Invalid);
    return (e as Invalid).fieldErrors;
  }
  throw new Error("expected Invalid");
}

describe("server action inputs", () => {
  it("reads ids from the form, trimmed", () => {
    expect(parseActionInput(removeMemberInput, formFields(form({ classId: " demo-class ", studentId: "Xy_9-a" }), ["classId", "studentId"]))).toEqual({
      classId: "demo-class",
      studentId: "Xy_9-a",
    });
  });

  it("refuses missing and malformed ids with a sentence, also as the form's message (the fields are hidden)", () => {
    expect(errorsOf(() => parseActionInput(removeMemberInput, formFields(form({}), ["classId", "studentId"])))).toEqual({
      _form: "Choose a class.",
      classId: "Choose a class.",
      studentId: "Choose a student.",
    });
    const bad = "That link or form is not valid: reload the page and try again.";
    for (const classId of ["../etc", "a b", "x".repeat(101), "<script>", "id;drop"]) {
      expect(errorsOf(() => parseActionInput(removeMemberInput, { classId, studentId: "s1" }))).toEqual({ _form: bad, classId: bad });
    }
    expect(errorsOf(() => parseActionInput(leaveClassInput, {}))._form).toBe("Choose a class to leave.");
    expect(errorsOf(() => parseActionInput(startAssignmentInput, { assignmentId: "" }))._form).toBe("Choose an assignment to start.");
  });

  it("archives only with archive=1 and restores only with archive=0; anything else is a field error", () => {
    expect(parseActionInput(setClassArchivedInput, { classId: "c", archive: "1" })).toEqual({ classId: "c", archive: true });
    expect(parseActionInput(setClassArchivedInput, { classId: "c", archive: "0" })).toEqual({ classId: "c", archive: false });
    for (const archive of ["", "true", "yes", "2", " 1", undefined]) {
      expect(errorsOf(() => parseActionInput(setClassArchivedInput, { classId: "c", archive }))).toEqual({
        _form: "Choose whether to archive (1) or restore (0) the class.",
        archive: "Choose whether to archive (1) or restore (0) the class.",
      });
    }
  });

  it("parses the multiplier with the ids", () => {
    expect(parseActionInput(setTimeMultiplierInput, { classId: "c", studentId: "s", timeMultiplier: "1.5" })).toEqual({ classId: "c", studentId: "s", timeMultiplier: 1.5 });
    expect(errorsOf(() => parseActionInput(setTimeMultiplierInput, { classId: "c", studentId: "s", timeMultiplier: "3" }))).toEqual({
      _form: "Choose normal time (1×), 1.5×, 2× or untimed.",
      timeMultiplier: "Choose normal time (1×), 1.5×, 2× or untimed.",
    });
  });

  it("keeps visible fields' messages next to the field only when asked", () => {
    expect(errorsOf(() => parseActionInput(removeMemberInput, {}, { asFormMessage: false }))).toEqual({ classId: "Choose a class.", studentId: "Choose a student." });
  });
});

describe("parseRouteId", () => {
  it("accepts the ids the app makes and nothing else", () => {
    expect(["demo-class", "3f2b8c1e-0d1a-4b7e-9a57-1c2d3e4f5a6b", "AbC123xyz_"].map(parseRouteId)).toEqual(["demo-class", "3f2b8c1e-0d1a-4b7e-9a57-1c2d3e4f5a6b", "AbC123xyz_"]);
    expect(["", "a/b", "a%2Fb", "é", " x", "x".repeat(101), undefined, 5].map(parseRouteId)).toEqual([null, null, null, null, null, null, null, null]);
  });
});
