import { afterEach, describe, expect, it } from "vitest";
import { envInt } from "@/lib/env-int";

describe("envInt", () => {
  afterEach(() => {
    delete process.env.FACTDECK_TEST_INT;
  });
  it("is the default when unset or blank", () => {
    expect(envInt("FACTDECK_TEST_INT", 7)).toBe(7);
    process.env.FACTDECK_TEST_INT = "  ";
    expect(envInt("FACTDECK_TEST_INT", 7)).toBe(7);
  });
  it("reads a whole number", () => {
    process.env.FACTDECK_TEST_INT = "40";
    expect(envInt("FACTDECK_TEST_INT", 7, 1)).toBe(40);
  });
  it.each(["ten", "2.5", "-1", "1e3", "0"])("refuses %j with a message naming the variable (never NaN)", (raw) => {
    process.env.FACTDECK_TEST_INT = raw;
    expect(() => envInt("FACTDECK_TEST_INT", 7, 1)).toThrow(/FACTDECK_TEST_INT must be a whole number of at least 1/);
  });
});
