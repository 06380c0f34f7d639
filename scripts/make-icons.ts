/**
 * Writes the app's PNG icons (public/icons/) from the favicon's shape — a
 * white "F" on the accent blue — with no image library and no network:
 * pixels drawn here, PNG encoded with node:zlib. Run `npx tsx scripts/make-icons.ts`
 * after changing the shape; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BLUE = [0x1d, 0x4e, 0xd8];
const WHITE = [0xff, 0xff, 0xff];
/** The "F" of the favicon, in its 32-unit box: rectangles [x0, y0, x1, y1]. */
const F = [
  [10, 7, 23, 11],
  [10, 11, 14.5, 25],
  [14.5, 15, 21, 19],
];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** An RGBA PNG of `size` px: rounded corners (transparent) unless `maskable`, where the F sits in the 80 % safe zone. */
function icon(size: number, maskable: boolean): Buffer {
  const scale = maskable ? 0.7 : 1;
  const radius = maskable ? 0 : (6 / 32) * size;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const cx = x + 0.5;
      const cy = y + 0.5;
      // Rounded rectangle mask.
      const dx = Math.max(radius - cx, 0, cx - (size - radius));
      const dy = Math.max(radius - cy, 0, cy - (size - radius));
      const inside = radius === 0 || dx * dx + dy * dy <= radius * radius;
      // Position in the 32-unit box, scaled about the centre.
      const u = ((cx / size - 0.5) / scale + 0.5) * 32;
      const v = ((cy / size - 0.5) / scale + 0.5) * 32;
      const inF = F.some(([x0, y0, x1, y1]) => u >= x0! && u < x1! && v >= y0! && v < y1!);
      const [r, g, b] = inF ? WHITE : BLUE;
      row.set([r!, g!, b!, inside ? 255 : 0], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

mkdirSync("public/icons", { recursive: true });
writeFileSync("public/icons/icon-192.png", icon(192, false));
writeFileSync("public/icons/icon-512.png", icon(512, false));
writeFileSync("public/icons/icon-maskable-512.png", icon(512, true));
writeFileSync("public/icons/apple-touch-icon.png", icon(180, true));
console.log("icons written to public/icons/");
