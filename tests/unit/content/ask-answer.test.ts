import path from "node:path";
import { describe, expect, it } from "vitest";
import { askAnswerIds, stemNames } from "@/lib/content/ask-answer";
import { readCorpus } from "@/lib/content/read-corpus";
import { validateCorpus } from "@/lib/content/validate";
import type { Entity } from "@/lib/content/schema";

const ent = (id: string, name: string, aliases: string[] = []): Entity => ({ id, type: "person", name, aliases, roles: [] });
const entities = new Map(
  [
    ent("vladimir-putin", "Vladimir Putin", ["Putin"]),
    ent("nikol-pashinyan", "Nikol Pashinyan", ["Pashinyan"]),
    ent("russian-government", "Russian government", ["Moscow", "Russia"]),
  ].map((e) => [e.id, e]),
);

describe("stemNames", () => {
  it("matches a name or alias as a whole word, case-insensitively", () => {
    expect(stemNames("With whom did putin speak?", entities.get("vladimir-putin")!)).toBe(true);
    expect(stemNames("Which Russian body said so?", entities.get("russian-government")!)).toBe(false);
    expect(stemNames("Who called on Russia to stay neutral?", entities.get("russian-government")!)).toBe(true);
  });
});

describe("askAnswerIds", () => {
  it("answers with the entities the stem does not name", () => {
    expect(askAnswerIds("With whom did Putin hold the call?", ["nikol-pashinyan", "vladimir-putin"], entities)).toEqual(["nikol-pashinyan"]);
    expect(askAnswerIds("Which two leaders spoke?", ["nikol-pashinyan", "vladimir-putin"], entities)).toEqual([
      "nikol-pashinyan",
      "vladimir-putin",
    ]);
    expect(askAnswerIds("Did Putin call Pashinyan?", ["nikol-pashinyan", "vladimir-putin"], entities)).toEqual([]);
  });

  it("is enforced by validation: a stem that names every answer is a problem", () => {
    const { raw } = readCorpus(path.resolve(__dirname, "../../fixtures/content/valid"));
    const data = raw.facts.data as { facts: Record<string, unknown>[] };
    data.facts[0] = { ...data.facts[0], ask: { who: "Did Vladimir Putin call Nikol Pashinyan on Yerevan's initiative?" } };
    const { problems } = validateCorpus(raw);
    expect(problems.map((p) => `${p.id}: ${p.message}`)).toEqual([
      "call-2020-09-27: ask.who: the stem names every entity in who, leaving nothing to answer",
    ]);
  });
});
