import type { Entity } from "@/lib/content/schema";

/**
 * The entity `category` strings of the corpus folded into the groups a
 * student compares options within. A wrong option must share the answer's
 * group: a region for a region ("Which region …" never offers a country or a
 * city), a government for a government, a news outlet only for a news outlet.
 */
const GROUPS: Record<string, string> = {
  country: "country",
  "former country": "country",
  region: "region",
  province: "region",
  city: "city",
  "capital city": "city",
  corridor: "corridor",
  border: "border",
  government: "government",
  "de facto authorities": "government",
  "presidential office": "state body",
  ministry: "state body",
  "armed forces": "armed force",
  "peacekeeping force": "armed force",
  "international organisation": "international body",
  "mediation group": "international body",
  "news agency": "news outlet",
  "news outlet": "news outlet",
};

/**
 * The fine category of an entity: people form one group; places and
 * organisations fall into the group of their `category` (an unknown category
 * is a group of its own, so it never mixes). An unnamed group ("some Armenian
 * media outlets") is its own group, because any named outlet of that country
 * might belong to it.
 */
export function fineCategory(e: Pick<Entity, "type" | "category">): string {
  if (e.type === "person") return "person";
  const c = (e.category ?? "").trim().toLowerCase();
  return `${e.type}:${GROUPS[c] ?? `other:${c}`}`;
}

/** Whether a wrong option `b` is of the same fine category as the answer `a`. */
export function sameFineCategory(a: Pick<Entity, "type" | "category">, b: Pick<Entity, "type" | "category">): boolean {
  return fineCategory(a) === fineCategory(b);
}
