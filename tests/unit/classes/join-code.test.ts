import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import {
  JOIN_CODE_ALPHABET,
  formatJoinCode,
  generateJoinCode,
  joinCodeSchema,
  normaliseJoinCode,
} from "@/lib/classes/join-code";

/** A randomBytes stub that hands out `bytes` in order, padded with `fill`. */
function bytesFrom(bytes: number[], fill = 0) {
  let i = 0;
  return (n: number) => Uint8Array.from({ length: n }, () => bytes[i++] ?? fill);
}

function errorOf(f: () => unknown): Record<string, string> {
  try {
    f();
  } catch (e) {
    if (e instanceof Invalid) return e.fieldErrors;
    throw e;
  }
  throw new Error("expected Invalid");
}

describe("join code alphabet", () => {
  it("is 2–9 and A–Z without I, L, O, U: 30 distinct symbols", () => {
    expect(JOIN_CODE_ALPHABET).toBe("23456789ABCDEFGHJKMNPQRSTVWXYZ");
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(30);
    for (const ch of "01ILOU") expect(JOIN_CODE_ALPHABET).not.toContain(ch);
  });
});

describe("generateJoinCode", () => {
  it("maps accepted bytes with b % 30 and skips bytes ≥ 240", () => {
    // 240 ✗, 255 ✗, 29→Z, 30→0→2, 59→29→Z, 239→239−210=29→Z, 0→2, 100→10→C, 200→20→P, 250 ✗, 7→9 : 8 symbols
    expect(generateJoinCode(bytesFrom([240, 255, 29, 30, 59, 239, 0, 100, 200, 250, 7, 8]))).toBe("Z2ZZ2CP9");
  });

  it("has no modulo bias: bytes 0..239 give each symbol exactly 8 times as the first symbol; 240..255 are skipped", () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const code = generateJoinCode(bytesFrom([b, 3, 3, 3, 3, 3, 3, 3, 3]));
      if (b < 240) {
        const first = code[0] ?? "";
        counts.set(first, (counts.get(first) ?? 0) + 1);
        expect(code.slice(1)).toBe("5555555");
      } else {
        // the rejected byte leaves no trace: the code comes from the following bytes
        expect(code).toBe("55555555");
      }
    }
    expect([...counts.keys()].sort().join("")).toBe([...JOIN_CODE_ALPHABET].sort().join(""));
    expect([...counts.values()].every((n) => n === 8)).toBe(true);
  });

  it("asks for more bytes when a batch runs out", () => {
    // first batch of 16 all rejected, second batch starts 8, 9, 10 …
    const batches = [new Uint8Array(16).fill(250), Uint8Array.from({ length: 16 }, (_, i) => 8 + i)];
    let call = 0;
    expect(generateJoinCode(() => batches[call++] ?? new Uint8Array(16))).toBe("ABCDEFGH");
  });

  it("throws instead of looping forever on a source that only yields rejected bytes", () => {
    expect(() => generateJoinCode((n) => new Uint8Array(n).fill(255))).toThrow("fewer than 8 usable bytes");
  });

  it("always yields a canonical 8-symbol code (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (pool) => {
        fc.pre(pool.some((b) => b < 240)); // a pool of only rejected bytes is the throwing case above
        let i = 0;
        const code = generateJoinCode((n) => Uint8Array.from({ length: n }, () => pool[i++ % 64] ?? 0));
        expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
        expect(normaliseJoinCode(formatJoinCode(code))).toBe(code);
      }),
      { numRuns: 300 },
    );
  });
});

describe("normaliseJoinCode", () => {
  it("accepts lower case, surrounding space, and a dash or spaces between groups", () => {
    expect(normaliseJoinCode("abcd-efgh")).toBe("ABCDEFGH");
    expect(normaliseJoinCode("  ABCD EFGH \n")).toBe("ABCDEFGH");
    expect(normaliseJoinCode("ab-cd-ef-gh")).toBe("ABCDEFGH");
    expect(normaliseJoinCode("ABCD\u2013EFGH")).toBe("ABCDEFGH"); // en dash a phone keyboard may insert
    expect(normaliseJoinCode("z2zz2cp9")).toBe("Z2ZZ2CP9");
  });

  it("does not map look-alikes: it names the characters codes never contain", () => {
    expect(errorOf(() => normaliseJoinCode("ABCD-EF0H"))).toEqual({
      joinCode: "Join codes never contain “0”: they use the digits 2–9 and the letters A–Z without I, L, O and U. Check the code and try again.",
    });
    // lower-case l upper-cases to L; each bad character is named once
    expect(errorOf(() => normaliseJoinCode("lo1l-abcd"))).toEqual({
      joinCode: "Join codes never contain “L”, “O”, “1”: they use the digits 2–9 and the letters A–Z without I, L, O and U. Check the code and try again.",
    });
  });

  it("reports the wrong length and the empty input", () => {
    expect(errorOf(() => normaliseJoinCode("ABCD-EFG"))).toEqual({ joinCode: "A join code has 8 characters; this one has 7." });
    expect(errorOf(() => normaliseJoinCode("ABCDEFGHJ"))).toEqual({ joinCode: "A join code has 8 characters; this one has 9." });
    expect(errorOf(() => normaliseJoinCode(" - "))).toEqual({ joinCode: "Enter the join code your teacher gave you." });
  });
});

describe("formatJoinCode and joinCodeSchema", () => {
  it("formats as two groups of four", () => {
    expect(formatJoinCode("ABCDEFGH")).toBe("ABCD-EFGH");
    expect(formatJoinCode("abcd efgh")).toBe("ABCD-EFGH");
  });

  it("parses a form field to the canonical code, keeping the message on failure", () => {
    expect(joinCodeSchema.safeParse("abcd-efgh")).toEqual({ success: true, data: "ABCDEFGH" });
    const bad = joinCodeSchema.safeParse("ABCD-EFG");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(["A join code has 8 characters; this one has 7."]);
  });
});
