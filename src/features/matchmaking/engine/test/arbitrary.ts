// fast-check generator of small but tangled scheduler inputs: few slots over
// two days, scarce tables and interpreters, partial availability, day caps,
// pins, forbidden slots, precedences and some fixed meetings.
import fc from "fast-check";
import type { ScheduleInputRaw } from "../schema";

export const inputArb: fc.Arbitrary<ScheduleInputRaw> = fc
  .record({
    perDay: fc.integer({ min: 1, max: 4 }),
    days: fc.integer({ min: 1, max: 2 }),
    nPart: fc.integer({ min: 2, max: 9 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .chain(({ perDay, days, nPart, seed }) => {
    const S = perDay * days;
    return fc
      .record({
        tables: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: S, maxLength: S }),
        interp: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: S, maxLength: S }),
        parts: fc.array(
          fc.record({
            sme: fc.boolean(),
            stall: fc.boolean(),
            avail: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: S - 1 }), { maxLength: S })),
            cap: fc.option(fc.integer({ min: 0, max: 3 })),
          }),
          { minLength: nPart, maxLength: nPart },
        ),
        reqs: fc.array(
          fc.record({
            a: fc.integer({ min: 0, max: nPart - 1 }),
            b: fc.integer({ min: 0, max: nPart - 1 }),
            w: fc.integer({ min: 1, max: 5 }),
            interp: fc.boolean(),
            pin: fc.option(fc.integer({ min: 0, max: S - 1 }), { freq: 6 }),
            forb: fc.uniqueArray(fc.integer({ min: 0, max: S - 1 }), { maxLength: 2 }),
            after: fc.option(fc.nat(), { freq: 4 }),
          }),
          { maxLength: 18 },
        ),
        fixedPick: fc.option(fc.nat(), { freq: 3 }),
      })
      .map(({ tables, interp, parts, reqs, fixedPick }) => {
        const slots = Array.from({ length: S }, (_, k) => ({
          id: `s${k}`,
          day: Math.floor(k / perDay) + 1,
          start: `${String(9 + (k % perDay)).padStart(2, "0")}:00`,
          length: 30,
          tables: tables[k]!,
          interpreters: { zh: interp[k]! },
        }));
        const participants = parts.map((p, i) => ({
          id: `p${i}`,
          side: p.sme ? ("sme" as const) : ("buyer" as const),
          ...(p.avail ? { availability: p.avail.map((k) => `s${k}`) } : {}),
          ...(p.cap !== null ? { dayCap: p.cap } : {}),
          languages: ["en"],
          hostsAtStall: p.stall,
        }));
        const valid = reqs.filter((r) => r.a !== r.b);
        const requests = valid.map((r, i) => ({
          id: `r${i}`,
          a: `p${r.a}`,
          b: `p${r.b}`,
          weight: r.w,
          ...(r.interp ? { interpreter: "zh" } : {}),
          ...(r.pin !== null ? { pinnedSlot: `s${r.pin}` } : {}),
          ...(r.forb.length > 0 ? { forbiddenSlots: r.forb.map((k) => `s${k}`) } : {}),
          ...(r.after !== null && i > 0 ? { after: [`r${r.after % i}`] } : {}),
        }));
        // A fixed meeting: the first request, in its first slot where both can be, at a stall.
        const fixed: ScheduleInputRaw["fixed"] = [];
        if (fixedPick !== null && valid.length > 0) {
          const r = requests[0]!;
          if (!r.after && !r.pinnedSlot && !r.forbiddenSlots) {
            const A = participants.find((p) => p.id === r.a)!;
            const B = participants.find((p) => p.id === r.b)!;
            const ok = slots.find((s) => (!A.availability || A.availability.includes(s.id)) && (!B.availability || B.availability.includes(s.id)));
            if (ok && A.dayCap !== 0 && B.dayCap !== 0 && !r.interpreter) fixed.push({ request: r.id, slot: ok.id, table: "stall" });
          }
        }
        return { version: 1 as const, seed, slots, participants, requests, fixed };
      });
  });
