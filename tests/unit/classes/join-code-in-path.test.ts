import { describe, expect, it } from "vitest";
import { joinCodeInPath } from "@/lib/classes/join-code";
import { returnToFor } from "@/app/_components/auth-links";

describe("joinCodeInPath", () => {
  it("reads a join link and the join form's code", () => {
    expect(joinCodeInPath("/join/ABCD-2345")).toBe("ABCD-2345");
    expect(joinCodeInPath("/join/ABCD%2D2345")).toBe("ABCD-2345");
    expect(joinCodeInPath("/join?code=abcd2345")).toBe("abcd2345");
  });
  it("is null for any other path, a bare /join and a broken escape", () => {
    expect(joinCodeInPath("/dashboard")).toBeNull();
    expect(joinCodeInPath("/join")).toBeNull();
    expect(joinCodeInPath("/join/a/b")).toBeNull();
    expect(joinCodeInPath("/join/%E0%A4%A")).toBeNull();
  });
});

describe("returnToFor (the header's sign-in and sign-up links)", () => {
  it("keeps the returnTo the sign-in and sign-up pages carry", () => {
    expect(returnToFor("/sign-in", "returnTo=%2Fjoin%2FABCD2345")).toBe("/join/ABCD2345");
    expect(returnToFor("/sign-up", "")).toBeNull();
  });
  it("comes back to any other page, search included; not to the home page", () => {
    expect(returnToFor("/join/ABCD2345", "")).toBe("/join/ABCD2345");
    expect(returnToFor("/join", "code=ABCD2345")).toBe("/join?code=ABCD2345");
    expect(returnToFor("/", "")).toBeNull();
  });
});
