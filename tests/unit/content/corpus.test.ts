import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "@/lib/content/load";
import { locateQuote } from "@/lib/content/locate-quote";
import { normaliseText } from "@/lib/content/normalise";
import type { Fact } from "@/lib/content/schema";

const contentDir = path.resolve(__dirname, "../../../content");
const { corpus, problems } = loadCorpus(contentDir);
const byId = new Map(corpus.facts.map((f) => [f.id, f]));
const fact = (id: string): Fact => {
  const f = byId.get(id);
  if (!f) throw new Error(`no fact ${id}`);
  return f;
};

describe("the real corpus in content/", () => {
  it("loads with zero problems", () => {
    expect(problems).toEqual([]);
  });

  it("has all five sources and a fact citing each", () => {
    expect(corpus.sources.map((s) => s.slug).sort()).toEqual([
      "asbarez-2020-11-putin-calls-pashinyan-aliyev",
      "rt-2020-09-27-putin-pashinyan-call",
      "rt-2023-09-20-putin-wang-yi-peacekeepers",
      "tass-2021-07-07-peskov-putin-pashinyan-talks",
      "tass-2023-09-20-putin-pashinyan-call",
    ]);
    for (const s of corpus.sources) {
      expect(corpus.facts.some((f) => f.sources.some((r) => r.source === s.slug)), s.slug).toBe(true);
    }
    expect(corpus.facts.length).toBeGreaterThanOrEqual(50);
  });

  it("keeps the article text verbatim, typos included, and drops the page chrome", () => {
    const body = (slug: string) => corpus.sources.find((s) => s.slug === slug)?.body ?? "";
    expect(body("tass-2023-09-20-putin-pashinyan-call")).toContain("that is was possible to overcome");
    expect(body("tass-2023-09-20-putin-pashinyan-call")).toContain("including the by military medics");
    expect(body("tass-2023-09-20-putin-pashinyan-call")).not.toContain("All news");
    expect(body("rt-2020-09-27-putin-pashinyan-call")).not.toContain("bookmark");
    expect(body("rt-2023-09-20-putin-wang-yi-peacekeepers")).not.toMatch(/Read more|Leave a Reply|Back to top button|in its territory/);
    expect(body("asbarez-2020-11-putin-calls-pashinyan-aliyev")).not.toContain("Discussion Policy");
    expect(body("asbarez-2020-11-putin-calls-pashinyan-aliyev").split("Valdai Club")).toHaveLength(2);
  });

  it("locates every quote in its source body, for the reader's highlight", () => {
    const bodies = new Map(corpus.sources.map((s) => [s.slug, s.body]));
    for (const f of corpus.facts) {
      for (const r of f.sources) {
        const body = bodies.get(r.source) ?? "";
        const at = locateQuote(body, r.quote);
        expect(at, `${f.id} → ${r.source}`).not.toBeNull();
        expect(normaliseText(body.slice(at!.start, at!.end))).toBe(normaliseText(r.quote));
      }
    }
  });

  it("dates the Putin–Pashinyan phone calls apart, and asks about each with its own stem", () => {
    const calls = corpus.facts.filter(
      (f) => f.kind === "phone-call" && f.who.includes("vladimir-putin") && f.who.includes("nikol-pashinyan"),
    );
    expect(calls.map((f) => f.when?.date).sort()).toEqual(["2020-09-27", "2020-11-01", "2023-09-20"]);
    const stems = calls.map((f) => f.ask?.when);
    expect(stems.every((s) => typeof s === "string")).toBe(true);
    expect(new Set(stems).size).toBe(3);
  });

  it("dates the key events as the articles print or imply them", () => {
    expect(fact("trilateral-statement-2020-11-09").when).toEqual({ date: "2020-11-09", precision: "day", inferred: false });
    expect(fact("war-2020-outbreak").when).toMatchObject({ date: "2020-09-27", inferred: false });
    expect(fact("karabakh-breakaway-late-1980s").when).toMatchObject({ date: "1980s", precision: "decade", part: "late" });
    expect(fact("war-ended-1994-ceasefire").when).toMatchObject({ date: "1994", precision: "year" });
    expect(fact("azerbaijan-operation-2023-09-19").when).toMatchObject({ date: "2023-09-19", inferred: true });
    expect(fact("putin-pashinyan-talks-2021-07-07").when).toMatchObject({ date: "2021-07-07", inferred: true });
    expect(fact("aliyev-calls-russia-neutral-2020").when).toMatchObject({ date: "2020-11-02", inferred: true });
  });

  it("checks out every weekday the inferred dates rely on", () => {
    const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
    expect(weekday("2020-09-27")).toBe("Sunday"); // RT: "on Sunday morning"
    expect(weekday("2020-11-02")).toBe("Monday"); // Asbarez: Aliyev "on Monday"
    expect(weekday("2021-07-07")).toBe("Wednesday"); // TASS: "Wednesday's talks"
    expect(weekday("2023-09-19")).toBe("Tuesday"); // RT: operation "on Tuesday"
    expect(weekday("2023-09-20")).toBe("Wednesday"); // RT: Putin "on Wednesday"
    for (const y of [2021, 2022, 2024, 2025, 2026, 2027]) expect(weekday(`${y}-09-19`)).not.toBe("Tuesday");
  });

  it("keeps both sides of each disagreement, attributed and linked both ways", () => {
    const pairs: [string, string][] = [
      ["baku-says-responding-to-shelling", "yerevan-accuses-baku-of-breaking-ceasefire"],
      ["ankara-blames-yerevan", "yerevan-accuses-baku-of-breaking-ceasefire"],
      ["baku-calls-it-anti-terrorist-measures", "yerevan-calls-it-aggression"],
      ["baku-accuses-armenian-troops-2023", "yerevan-denies-troops-2023"],
      ["armenian-media-report-peacekeepers-border", "peskov-denies-peacekeepers-border-report"],
    ];
    for (const [a, b] of pairs) {
      expect(fact(a).conflictsWith).toContain(b);
      expect(fact(b).conflictsWith).toContain(a);
      for (const id of [a, b]) {
        expect(fact(id).contested, id).toBe(true);
        expect(fact(id).attribution, id).toBeDefined();
      }
    }
    expect(fact("baku-calls-it-anti-terrorist-measures").attribution?.by).toEqual(["azerbaijani-government"]);
    expect(fact("yerevan-calls-it-aggression").attribution?.by).toEqual(["armenian-government"]);
  });

  it("records Putin's numbers with their hedge", () => {
    expect(fact("civilians-at-peacekeepers-base-2023").numbers).toEqual([
      { value: 2000, text: "more than 2,000", qualifier: "more than", unit: "civilians" },
    ]);
    expect(fact("children-at-peacekeepers-base-2023").numbers).toEqual([
      { value: 1000, text: "more than 1,000", qualifier: "more than", unit: "children" },
    ]);
  });

  it("gives every inferred date a reason, and every fact a tag and a unique label", () => {
    for (const f of corpus.facts) {
      if (f.when?.inferred) expect(f.when.reason, f.id).toMatch(/\S{3,}/);
      expect(f.tags.length, f.id).toBeGreaterThan(0);
    }
    const labels = corpus.facts.map((f) => f.label.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
    for (const s of corpus.sources) if (s.published.inferred) expect(s.published.reason, s.slug).toBeDefined();
  });

  it("models Baku the city apart from the Azerbaijani government that speaks as \"Baku\"", () => {
    const ent = (id: string) => corpus.entities.find((e) => e.id === id);
    expect(ent("baku")?.type).toBe("place");
    expect(ent("azerbaijani-government")).toMatchObject({ type: "organisation", aliases: ["Baku", "Azerbaijan"] });
    expect(ent("ilham-aliyev")?.aliases).toContain("Aliev");
    expect(ent("nikol-pashinyan")?.roles.map((r) => r.title)).toEqual([
      "Prime Minister of Armenia",
      "Acting Prime Minister of Armenia",
      "Prime Minister of Armenia",
    ]);
  });

  it("gives every person's role the article words that state it", () => {
    for (const e of corpus.entities.filter((x) => x.type === "person")) {
      for (const r of e.roles) {
        expect(r.quote, `${e.id}: ${r.title}`).toBeDefined();
        expect(r.quote, `${e.id}: ${r.title}`).toContain(e.name);
      }
    }
    expect(corpus.entities.find((e) => e.id === "nikol-pashinyan")?.roles[1]).toMatchObject({
      title: "Acting Prime Minister of Armenia",
      source: "tass-2021-07-07-peskov-putin-pashinyan-talks",
      quote: "Armenia's Acting Prime Minister Nikol Pashinyan",
    });
  });

  it("marks Nagorno-Karabakh's status as disputed, without making it part of anything", () => {
    const nk = corpus.entities.find((e) => e.id === "nagorno-karabakh");
    expect(nk?.partOf).toBeUndefined();
    expect(nk?.disputedWith).toEqual(["azerbaijan"]);
  });

  it("keeps the party's account as the party's: the Kremlin's on the 21 September talks and its peacekeepers, RT's on Turkey", () => {
    expect(fact("baku-stepanakert-talks-2023-09-21").attribution?.by).toEqual(["kremlin"]);
    expect(fact("kremlin-peacekeepers-role-ceasefire-2023").attribution?.by).toEqual(["kremlin"]);
    expect(fact("turkey-ally-of-azerbaijan").attribution?.by).toEqual(["rt"]);
    expect(fact("putin-hot-phase-overcome-2023").attribution?.by).toEqual(["vladimir-putin", "kremlin"]);
    expect(fact("baku-took-control-2020").statement).toContain("after the end of those hostilities, several districts came under Baku's control");
  });

  it("states the front matter as the seeds show it", () => {
    const src = (slug: string) => corpus.sources.find((s) => s.slug === slug);
    expect(src("rt-2020-09-27-putin-pashinyan-call")?.dateline).toBe("not printed");
    expect(src("rt-2023-09-20-putin-wang-yi-peacekeepers")?.dateline).toBe("not printed");
    expect(src("asbarez-2020-11-putin-calls-pashinyan-aliyev")?.removed.join(" ")).toContain("printed three times");
    expect(src("tass-2021-07-07-peskov-putin-pashinyan-talks")?.published.reason).not.toMatch(/snap|June/);
  });
});
