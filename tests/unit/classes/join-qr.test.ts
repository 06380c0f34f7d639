import { describe, expect, it } from "vitest";
import { joinQrPath } from "@/lib/classes/join-qr";

/** The dark modules of a path back as "x,y" keys. */
function darkModules(d: string): Set<string> {
  return new Set([...d.matchAll(/M(\d+),(\d+)h1v1h-1z/g)].map((m) => `${m[1]},${m[2]}`));
}

describe("joinQrPath", () => {
  const link = "https://factdeck.example/join/ABCD2345";
  const { size, d } = joinQrPath(link);

  it("is a QR grid (17 + 4·version modules) with a 4-module quiet zone on each side", () => {
    const inner = size - 8;
    expect((inner - 17) % 4).toBe(0);
    const dark = darkModules(d);
    for (const k of dark) {
      const [x, y] = k.split(",").map(Number) as [number, number];
      expect(x >= 4 && y >= 4 && x < size - 4 && y < size - 4).toBe(true);
    }
  });

  it("has the three finder patterns: 7×7 dark rings at the corners", () => {
    const dark = darkModules(d);
    const inner = size - 8;
    for (const [ox, oy] of [[4, 4], [4 + inner - 7, 4], [4, 4 + inner - 7]] as const) {
      for (let i = 0; i < 7; i++) {
        expect(dark.has(`${ox + i},${oy}`)).toBe(true);
        expect(dark.has(`${ox},${oy + i}`)).toBe(true);
        expect(dark.has(`${ox + 6},${oy + i}`)).toBe(true);
      }
      expect(dark.has(`${ox + 1},${oy + 1}`)).toBe(false); // the light ring
      expect(dark.has(`${ox + 3},${oy + 3}`)).toBe(true); // the centre
    }
  });

  it("is deterministic and differs for another link", () => {
    expect(joinQrPath(link)).toEqual({ size, d });
    expect(joinQrPath("https://factdeck.example/join/WXYZ6789").d).not.toBe(d);
  });
});
