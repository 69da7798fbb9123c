import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benchRecommend } from "./bench";
import { generateInput } from "./generate";
import { recommend } from "./recommend";
import type { Reason } from "./reasons";
import { RecommendOutputSchema, type Recommendation, type RecommendOutput } from "./schema";
import { maxPositive } from "./signals";
import { RecommendOptionsSchema } from "./schema";

const byParticipant = (out: RecommendOutput) => new Map(out.participants.map((p) => [p.participantId, p.recommendations]));
const has = (r: Recommendation, code: Reason["code"]) => r.reasons.some((x) => x.code === code);
const seed = fc.integer({ min: 1, max: 1_000_000 });

// Generous timeout: these take about a second on an idle machine, but CI and shared machines are not idle.
describe("recommend: properties on generated editions", { timeout: 30_000 }, () => {
  it("is deterministic: the same input gives the same output", () => {
    const input = generateInput(60, 7);
    expect(JSON.stringify(recommend(input))).toBe(JSON.stringify(recommend(input)));
  });

  it("does not depend on the order participants are listed in", () => {
    fc.assert(
      fc.property(seed, seed, (s, shuffleSeed) => {
        const input = generateInput(25, s);
        const shuffled = fc.sample(fc.shuffledSubarray(input.participants, { minLength: input.participants.length }), {
          seed: shuffleSeed,
          numRuns: 1,
        })[0]!;
        const a = byParticipant(recommend(input));
        const b = byParticipant(recommend({ ...input, participants: shuffled }));
        for (const [id, list] of a) expect(b.get(id)).toEqual(list);
      }),
      { numRuns: 8 },
    );
  });

  it("keeps every invariant: sorted lists within the limit, other side only, exclusions honoured, reasons match the breakdown", () => {
    const norm = maxPositive(RecommendOptionsSchema.parse({}));
    fc.assert(
      fc.property(seed, (s) => {
        const input = generateInput(30, s);
        const out = recommend(input);
        RecommendOutputSchema.parse(out);
        const side = new Map(input.participants.map((p) => [p.id, p.side]));
        const enterprise = new Map(input.participants.map((p) => [p.id, p.enterpriseId]));
        const excluded = new Set([
          ...(input.noThanks ?? []).flatMap((x) => [`${x.from}|${x.to}`, `${x.to}|${x.from}`]),
          ...(input.metBefore ?? []).flatMap((x) => [`${x.a}|${x.b}`, `${x.b}|${x.a}`]),
        ]);
        // Violations are collected and asserted once: an expect() per field would dominate the run time.
        const failures: string[] = [];
        const check = (ok: boolean, what: string) => ok || failures.push(what);
        for (const { participantId: me, recommendations: list } of out.participants) {
          check(list.length <= 20, `${me}: list longer than the limit`);
          list.forEach((r, i) => {
            const at = `${me} -> ${r.counterpartId}`;
            const prev = list[i - 1];
            if (prev)
              check(prev.score > r.score || (prev.score === r.score && prev.counterpartId < r.counterpartId), `${at}: order`);
            check(side.get(r.counterpartId) !== side.get(me), `${at}: same side`);
            check(enterprise.get(r.counterpartId) !== enterprise.get(me), `${at}: same enterprise`);
            check(!excluded.has(`${me}|${r.counterpartId}`), `${at}: excluded pair`);
            const b = r.breakdown;
            const sum =
              b.interest +
              b.sector +
              b.cluster +
              b.hs +
              b.text +
              b.certifications +
              b.exportReadiness +
              b.marketExperience +
              b.language;
            check(Math.abs(r.score - (sum * b.availability) / norm) < 1e-4, `${at}: score differs from breakdown`);
            check(b.sector > 0 === has(r, "sector_match"), `${at}: sector reason`);
            check(b.cluster > 0 === has(r, "cluster_match"), `${at}: cluster reason`);
            check(b.hs > 0 === has(r, "hs_match"), `${at}: hs reason`);
            check(
              b.interest > 0 === (has(r, "mutual_interest") || has(r, "interest_received") || has(r, "interest_sent")),
              `${at}: interest reason`,
            );
            check(b.marketExperience > 0 === has(r, "market_experience"), `${at}: market reason`);
            check(b.language > 0 === has(r, "shared_language"), `${at}: language reason`);
            check(b.language < 0 === has(r, "no_shared_language"), `${at}: no-language reason`);
            check(b.availability < 1 === has(r, "oversubscribed"), `${at}: oversubscribed reason`);
            check(b.text <= 0 || has(r, "text_match"), `${at}: text reason`);
            check(
              b.certifications === 0 || has(r, "certifications_met") || has(r, "certifications_missing"),
              `${at}: certification reason`,
            );
          });
        }
        expect(failures).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it("scores a pair on the same evidence from both sides (only availability differs)", () => {
    const out = recommend({ ...generateInput(30, 3), options: { limit: 1000 } });
    const lists = byParticipant(out);
    let checked = 0;
    for (const [me, list] of lists) {
      for (const r of list) {
        const back = lists.get(r.counterpartId)!.find((x) => x.counterpartId === me);
        expect(back).toBeDefined();
        expect(back!.score / back!.breakdown.availability).toBeCloseTo(r.score / r.breakdown.availability, 4);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("runs the micro-benchmark on a small edition", () => {
    const result = benchRecommend(100, 1, 1);
    expect(result.candidatePairs).toBeGreaterThan(0);
    expect(result.bestMs).toBeLessThan(5_000);
  });
});
