import { encode } from "uqr";

/** The quiet zone the QR standard asks for around the code, in modules. */
const QUIET_ZONE = 4;

/**
 * A QR code for `text` (a join link) as one SVG path over a `size`×`size`
 * grid of modules, quiet zone included: each dark module is a 1×1 square
 * `M x,y h1 v1 h-1 z`. Error correction "M" (15 % of the code may be lost),
 * enough for a projector seen from the back of a room. Drawn by the page
 * itself, so no image, script or network is needed.
 */
export function joinQrPath(text: string): { size: number; d: string } {
  const qr = encode(text, { ecc: "M", border: QUIET_ZONE });
  const parts: string[] = [];
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x},${y}h1v1h-1z`);
    });
  });
  return { size: qr.size, d: parts.join("") };
}
