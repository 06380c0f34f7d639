import { afterEach, describe, expect, it } from "vitest";
import { reviewCardFor } from "../../lib/data/reviews";
import { availableProviders, type TestDb } from "./helpers/test-db";
import { makeUser, seededDb } from "./helpers/seeded-db";

const T0 = new Date("2026-03-02T09:00:00Z");

describe.each(availableProviders())("the review card back on %s", (provider) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it("shows the sentence that states the card's answer, the outlet of that sentence, and the step when it needs one", async () => {
    t = await seededDb(provider);
    const u = await makeUser(t.db);
    // The fact's first source is TASS ("On September 19, tensions flared up again …", which names no actor);
    // the actor is stated by RT.
    const who = await reviewCardFor({ userId: u.id, cardId: "azerbaijan-operation-2023-09-19:qa:who:azerbaijani-government", now: T0 }, t.db);
    expect(who.quote).toBe("The comments come after Azerbaijan launched what it described as a counter-terrorism operation in Nagorno-Karabakh on Tuesday, accusing Armenia of amassing troops there.");
    expect(who.outlet).toBe("RT");
    expect(who.link).toBe("/sources/rt-2023-09-20-putin-wang-yi-peacekeepers#azerbaijan-operation-2023-09-19");
    expect(who.step).toBeNull();
    // The launch's day is RT's "on Tuesday" (TASS's "On September 19, tensions flared up" dates the flare-up): the back says how the day is known.
    const when = await reviewCardFor({ userId: u.id, cardId: "azerbaijan-operation-2023-09-19:qa:when", now: T0 }, t.db);
    expect(when.outlet).toBe("RT");
    expect(when.quote).toContain("Azerbaijan launched what it described as a counter-terrorism operation in Nagorno-Karabakh on Tuesday");
    expect(when.step).toMatch(/^“on Tuesday” — 19 September 2023: RT reports Putin's remarks of Wednesday 20 September 2023/);
  });
});
