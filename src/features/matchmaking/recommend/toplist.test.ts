import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TopList } from "./toplist";

describe("TopList", () => {
  it("keeps exactly what sorting everything by (score desc, id asc) and cutting at the limit keeps", () => {
    const offers = fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 3 }), score: fc.constantFrom(0.1, 0.2, 0.5, 0.9) }), {
      selector: (o) => o.id,
      maxLength: 40,
    });
    fc.assert(
      fc.property(offers, fc.integer({ min: 1, max: 10 }), (xs, limit) => {
        const top = new TopList(limit);
        for (const x of xs) if (x.score >= top.floor) top.offer(x.score, x.id, 0, 0, 0);
        const expected = [...xs]
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .slice(0, limit)
          .map((x) => x.id);
        expect(top.entries.map((e) => e.counterpartId)).toEqual(expected);
      }),
    );
  });
});
