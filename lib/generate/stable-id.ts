import { hashString } from "./seeded-rng";

/**
 * A deterministic id from its parts (type, fact ids, variant): the same
 * question content always gets the same id, whatever the seed.
 */
export function stableId(prefix: string, parts: readonly string[]): string {
  const [h1, h2] = hashString(parts.join("\u0000"));
  return `${prefix}-${h1.toString(16).padStart(8, "0")}${(h2 & 0xffff).toString(16).padStart(4, "0")}`;
}
