import { describe, expect, it } from "vitest";
import { changePasswordSchema, safeReturnTo, signInSchema, signUpSchema } from "@/lib/auth/forms";
import { fieldErrorsOf } from "@/lib/field-errors";
import { wantsDemoAccounts } from "@/lib/auth/demo-accounts";
import { requireTeacher, requireUser, requireSelfOrTeacherOf } from "@/lib/auth/guards";
import type { Viewer } from "@/lib/auth/roles";
import { Forbidden, Unauthorized } from "@/lib/errors";

const signUp = (over: Record<string, unknown> = {}) =>
  signUpSchema.safeParse({ name: "Ani", email: "ani@example.org", password: "correct horse battery", role: "student", ...over });
const errorsOf = (r: { success: boolean; error?: { issues: Parameters<typeof fieldErrorsOf>[0] } }) => (r.success ? {} : fieldErrorsOf(r.error!.issues));

describe("safeReturnTo", () => {
  it("keeps a path on this site", () => {
    expect(safeReturnTo("/dashboard")).toBe("/dashboard");
    expect(safeReturnTo("/join?code=ABCD2345")).toBe("/join?code=ABCD2345");
  });
  it("sends anything that could leave the site, or is not a path, to /", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "/..//evil.example", "/.//evil.example", "/%2e%2e//evil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)", "dashboard", "", "/a\nb", "/" + "x".repeat(500), undefined, null, 42, ["/x"]]) {
      expect(safeReturnTo(bad), String(bad)).toBe("/");
    }
  });
});

describe("safeReturnTo encoding", () => {
  it("percent-encodes what a redirect header cannot carry, so the redirect after sign-up never fails", () => {
    // Regression: a character above U+00FF reached Next's redirect header and answered 500 after the account was made.
    expect(safeReturnTo("/sources?q=Ա")).toBe("/sources?q=%D4%B1");
    expect(safeReturnTo("/join/Ā code")).toBe("/join/%C4%80%20code");
    expect(safeReturnTo("/facts#Карабах")).toBe("/facts#%D0%9A%D0%B0%D1%80%D0%B0%D0%B1%D0%B0%D1%85");
    expect(safeReturnTo("/a/../dashboard")).toBe("/dashboard");
    for (const input of ["/x?y=\u{1F600}", "/\u0100", "/%E0%A4%A", "/ü/ö?ä#ß"]) expect(safeReturnTo(input), input).toMatch(/^\/[\x21-\x7e]*$/);
  });
});

describe("signUpSchema", () => {
  it("accepts a valid form, trims the name and lower-cases the e-mail", () => {
    const r = signUp({ name: "  Ani  ", email: " Ani@Example.ORG " });
    expect(r.success && { name: r.data.name, email: r.data.email, role: r.data.role, returnTo: r.data.returnTo, timeZone: r.data.timeZone }).toEqual({
      name: "Ani",
      email: "ani@example.org",
      role: "student",
      returnTo: "/",
      timeZone: undefined,
    });
  });
  it("explains each mistake on its own field", () => {
    expect(errorsOf(signUp({ name: "", email: "not-an-email", password: "short", role: "admin" }))).toEqual({
      name: "Enter your name.",
      email: "Enter an e-mail address like name@example.org.",
      password: "Use at least 10 characters for the password.",
      role: "Choose student or teacher.",
    });
    expect(errorsOf(signUp({ name: "x".repeat(81) }))).toEqual({ name: "Keep the name to 80 characters." });
    expect(errorsOf(signUp({ name: "a\u0007b" }))).toEqual({ name: "The name contains characters that cannot be shown." });
    expect(errorsOf(signUp({ password: "x".repeat(129) }))).toEqual({ password: "Use at most 128 characters for the password." });
    expect(errorsOf(signUp({ email: undefined, password: undefined }))).toEqual({ email: "Enter your e-mail address.", password: "Enter a password." });
  });
  it("keeps markup in a name as text (escaped on output, not refused)", () => {
    const r = signUp({ name: "<script>alert(1)</script>" });
    expect(r.success && r.data.name).toBe("<script>alert(1)</script>");
  });
  it("adopts a real browser time zone and drops anything else without an error", () => {
    const tz = (timeZone: unknown) => {
      const r = signUp({ timeZone });
      return r.success ? r.data.timeZone : "refused";
    };
    expect(tz("Asia/Yerevan")).toBe("Asia/Yerevan");
    expect(tz("Mars/Olympus_Mons")).toBeUndefined();
    expect(tz("")).toBeUndefined();
    expect(tz(undefined)).toBeUndefined();
  });
  it("makes an unsafe return URL harmless", () => {
    const r = signUp({ returnTo: "//evil.example" });
    expect(r.success && r.data.returnTo).toBe("/");
  });
});

describe("signInSchema and changePasswordSchema", () => {
  it("asks for both sign-in fields", () => {
    expect(errorsOf(signInSchema.safeParse({ email: "", password: "" }))).toEqual({ email: "Enter your e-mail address.", password: "Enter your password." });
  });
  it("needs matching new passwords that differ from the current one", () => {
    const cp = (o: Record<string, string>) => errorsOf(changePasswordSchema.safeParse({ currentPassword: "old passphrase!", newPassword: "new passphrase!", confirmPassword: "new passphrase!", ...o }));
    expect(cp({})).toEqual({});
    expect(cp({ confirmPassword: "something else" })).toEqual({ confirmPassword: "The two new passwords do not match." });
    expect(cp({ newPassword: "old passphrase!", confirmPassword: "old passphrase!" })).toEqual({ newPassword: "Choose a password different from the current one." });
  });
});

describe("guards", () => {
  const student: Viewer = { id: "s1", name: "S", email: "s@example.org", role: "student" };
  const teacher: Viewer = { id: "t1", name: "T", email: "t@example.org", role: "teacher" };
  it("requireUser and requireTeacher", () => {
    expect(() => requireUser(null)).toThrow(Unauthorized);
    expect(requireUser(student)).toBe(student);
    expect(() => requireTeacher(null)).toThrow(Unauthorized);
    expect(() => requireTeacher(student)).toThrow(Forbidden);
    expect(requireTeacher(teacher)).toBe(teacher);
  });
  it("requireSelfOrTeacherOf: the student, or a teacher of their class, nobody else", async () => {
    const teaches = async (teacherId: string, studentId: string) => teacherId === "t1" && studentId === "s1";
    await expect(requireSelfOrTeacherOf(null, "s1", teaches)).rejects.toBeInstanceOf(Unauthorized);
    await expect(requireSelfOrTeacherOf(student, "s1", teaches)).resolves.toBe(student);
    await expect(requireSelfOrTeacherOf(student, "s2", teaches)).rejects.toBeInstanceOf(Forbidden);
    await expect(requireSelfOrTeacherOf(teacher, "s1", teaches)).resolves.toBe(teacher);
    await expect(requireSelfOrTeacherOf(teacher, "s2", teaches)).rejects.toBeInstanceOf(Forbidden);
    // A student who is "in a class" with another student is still not their teacher.
    await expect(requireSelfOrTeacherOf({ ...student, id: "t1" }, "s1", teaches)).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("wantsDemoAccounts", () => {
  it("on the embedded SQLite database by default, on PostgreSQL only when asked", () => {
    expect(wantsDemoAccounts("sqlite", undefined)).toBe(true);
    expect(wantsDemoAccounts("sqlite", "0")).toBe(false);
    expect(wantsDemoAccounts("postgresql", undefined)).toBe(false);
    expect(wantsDemoAccounts("postgresql", "")).toBe(false);
    expect(wantsDemoAccounts("postgresql", "1")).toBe(true);
  });
});
