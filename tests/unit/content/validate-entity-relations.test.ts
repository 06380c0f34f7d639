import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus } from "@/lib/content/read-corpus";
import { validateCorpus } from "@/lib/content/validate";

const dir = path.resolve(__dirname, "../../fixtures/content/valid");

/** The valid fixture with its entity list edited by `edit`, validated. */
function problemsWith(edit: (entities: Record<string, unknown>[]) => void): { id?: string; message: string }[] {
  const { raw } = readCorpus(dir);
  const data = structuredClone(raw.entities.data) as { entities: Record<string, unknown>[] };
  edit(data.entities);
  return validateCorpus({ ...raw, entities: { ...raw.entities, data } }).problems.map(({ id, message }) => ({ id, message }));
}

const entity = (list: Record<string, unknown>[], id: string): Record<string, unknown> => {
  const e = list.find((x) => x.id === id);
  if (!e) throw new Error(`no entity ${id}`);
  return e;
};

describe("entity relations and role quotes", () => {
  it("accepts a role quoted verbatim and a place disputed with another place", () => {
    expect(
      problemsWith((list) => {
        list.push({ id: "azerbaijan", type: "place", name: "Azerbaijan", category: "country", demonym: "Azerbaijani" });
        entity(list, "nagorno-karabakh").disputedWith = ["azerbaijan"];
        entity(list, "vladimir-putin").roles = [
          { title: "President of Russia", source: "rt-2020-09-27-putin-pashinyan-call", quote: "Russian President Vladimir Putin" },
        ];
      }),
    ).toEqual([]);
  });

  it("reports a role quote not in its article, and a role with a quote but no source", () => {
    expect(
      problemsWith((list) => {
        entity(list, "vladimir-putin").roles = [
          { title: "President of Russia", source: "rt-2020-09-27-putin-pashinyan-call", quote: "Russian Prime Minister Vladimir Putin" },
          { title: "Russian leader", quote: "the Russian leader" },
        ];
      }),
    ).toEqual([
      { id: "vladimir-putin", message: "roles[1]: give both source and quote, or neither" },
      {
        id: "vladimir-putin",
        message: 'roles[0].quote: quote not found verbatim in source "rt-2020-09-27-putin-pashinyan-call": "Russian Prime Minister Vladimir Putin"',
      },
    ]);
  });

  it("reports disputedWith / overlaps that name an unknown entity, a non-place, or the place itself", () => {
    expect(
      problemsWith((list) => {
        entity(list, "nagorno-karabakh").disputedWith = ["azerbaijan"];
        entity(list, "nagorno-karabakh").overlaps = ["baku-government", "azerbaijani-government", "nagorno-karabakh"];
        entity(list, "armenian-government").overlaps = ["nagorno-karabakh"];
      }),
    ).toEqual([
      { id: "armenian-government", message: "overlaps: only places have overlaps" },
      { id: "nagorno-karabakh", message: 'disputedWith[0]: unknown entity "azerbaijan"' },
      { id: "nagorno-karabakh", message: 'overlaps[0]: unknown entity "baku-government"' },
      { id: "nagorno-karabakh", message: 'overlaps[1]: "azerbaijani-government" is a organisation; overlaps names places' },
      { id: "nagorno-karabakh", message: "overlaps[2]: a place cannot be related to itself" },
    ]);
  });
});
