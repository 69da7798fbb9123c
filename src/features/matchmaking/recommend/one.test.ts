import { describe, expect, it } from "vitest";
import { generateInput } from "./generate";
import { prepareCounterparts, recommend, recommendOne } from "./recommend";
import type { ParticipantInput } from "./schema";

// recommendOne (the b2b feature's per-caller path, over a cached side) must give exactly what
// recommend gives that caller over the same participants, loads and exclusions.
describe("recommendOne", () => {
  const all = generateInput(150, 11).participants as ParticipantInput[];
  const loaded = all.map((p, i) => ({ ...p, requestsReceived: i % 7 === 0 ? 30 : i % 3, capacity: i % 5 === 0 ? 4 : undefined }));

  for (const side of ["sme", "buyer"] as const) {
    it(`gives a ${side} the list recommend gives it, with loads and exclusions`, () => {
      const others = loaded.filter((p) => p.side !== side);
      // Prepared once with no loads: the loads come per call.
      const counterparts = prepareCounterparts(side === "sme" ? "buyer" : "sme", others.map((p) => ({ ...p, requestsReceived: 0, capacity: undefined })), { limit: 10 });
      const loads = new Map(others.map((p) => [p.id, { requestsReceived: p.requestsReceived, capacity: p.capacity }]));
      let compared = 0;
      for (const me of loaded.filter((p) => p.side === side).slice(0, 25)) {
        const noThanks = others.filter((_, i) => (i + me.id.length) % 9 === 0).map((o) => o.id);
        const full = recommend({ participants: [me, ...others], noThanks: noThanks.map((to) => ({ from: me.id, to })), options: { limit: 10 } });
        const expected = full.participants.find((p) => p.participantId === me.id)!.recommendations;
        const got = recommendOne(counterparts, me, { noThanks, loads });
        expect(got).toEqual(expected);
        expect(got.some((r) => noThanks.includes(r.counterpartId))).toBe(false);
        compared += expected.length;
      }
      expect(compared).toBeGreaterThan(50);
    });
  }

  it("refuses a caller of the counterparts' side", () => {
    const smes = all.filter((p) => p.side === "sme");
    expect(() => recommendOne(prepareCounterparts("sme", smes.slice(1)), smes[0]!)).toThrow(/side/);
  });
});
