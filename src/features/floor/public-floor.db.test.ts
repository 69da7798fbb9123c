import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { ctxFor, demoShow, openTestDb, type TestDb } from "../../../tests/support/db";
import { isDomainError } from "../../platform/errors";
import { enterprises } from "../editions/enterprise-tables";
import { editions } from "../editions/tables";
import { publicPlan, publicStall } from "./operations/plan";
import { searchFloor } from "./operations/search";
import { floorStalls } from "./tables";

// Issue #12, items 4 and 7: the public floor shows the exhibitor of a confirmed stall only (an
// allocation not yet confirmed is invisible), and its search finds exhibitors, products, HS codes
// and stall numbers in English and Urdu, Urdu in any of its keyboard spellings.

let t: TestDb;
let editionId: string;
const slug = "showcase-2026";

beforeAll(async () => {
  t = await openTestDb();
  editionId = (await demoShow(t.db)).editionId;
});
afterAll(async () => t?.close());

const anon = () => ctxFor(t.db);
const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
};

describe("publicPlan", () => {
  it("gives every hall with its counts and, for one hall, its areas and stalls with the confirmed exhibitors", async () => {
    const plan = await publicPlan(anon(), { slug, hall: "h2" });
    expect(plan.halls.map((h) => h.code)).toEqual(["H1", "H2", "H3"]);
    expect(plan.hall?.code).toBe("H2");
    expect(plan.stalls.length).toBeGreaterThan(50);
    expect(plan.stalls.every((s) => s.hallId === plan.hall!.id)).toBe(true);
    expect(plan.areas.every((a) => a.hallId === plan.hall!.id)).toBe(true);
    const withEx = plan.stalls.filter((s) => s.exhibitor);
    expect(withEx.length).toBe(plan.hall!.exhibitorCount);
    expect(withEx.some((s) => s.exhibitor!.products.length > 0 && s.exhibitor!.cluster)).toBe(true);
    expect(plan.stalls.map((s) => s.seq)).toEqual([...plan.stalls.map((s) => s.seq)].sort((a, b) => a - b));
  });

  it("shows no exhibitor on a stall that is on hold or assigned in a draft, and search does not find it", async () => {
    const [edition] = await t.db.select().from(editions).where(eq(editions.id, editionId));
    const [a, b] = await t.db
      .insert(enterprises)
      .values([
        { organiserId: edition!.organiserId, slug: "draft-only-a", nameEn: "Zanzibar Draft Works", nameUr: "زنجبار ڈرافٹ", sizeClass: "small" as const },
        { organiserId: edition!.organiserId, slug: "draft-only-b", nameEn: "Zanzibar Hold Works", sizeClass: "small" as const },
      ])
      .returning();
    const free = await t.db
      .select()
      .from(floorStalls)
      .where(and(eq(floorStalls.editionId, editionId), eq(floorStalls.state, "available")))
      .orderBy(asc(floorStalls.number))
      .limit(2);
    await t.db.update(floorStalls).set({ state: "assigned", enterpriseId: a!.id }).where(eq(floorStalls.id, free[0]!.id));
    await t.db
      .update(floorStalls)
      .set({ state: "on_hold", enterpriseId: b!.id, holdExpiresAt: new Date("2026-12-31T00:00:00Z") })
      .where(eq(floorStalls.id, free[1]!.id));
    const plan = await publicPlan(anon(), { slug });
    for (const s of free) expect(plan.stalls.find((x) => x.id === s.id)!.exhibitor).toBeNull();
    expect(JSON.stringify(plan)).not.toContain("Zanzibar");
    expect((await searchFloor(anon(), { slug, q: "Zanzibar" })).hits).toEqual([]);
    expect((await searchFloor(anon(), { slug, q: "زنجبار" })).hits).toEqual([]);
    // Searching the stall's number still finds the stall itself, without anyone on it.
    const byNumber = await searchFloor(anon(), { slug, q: free[0]!.number });
    expect(byNumber.hits[0]!.stall.id).toBe(free[0]!.id);
    expect(byNumber.hits[0]!.stall.exhibitor).toBeNull();
  });

  it("refuses an unknown edition, hall or stall as not found", async () => {
    expect(await code(publicPlan(anon(), { slug: "no-such-show" }))).toBe("not_found");
    expect(await code(publicPlan(anon(), { slug, hall: "H9" }))).toBe("not_found");
    expect(await code(publicStall(anon(), { slug, hall: "H1", number: "9-999" }))).toBe("not_found");
    expect(await code(publicPlan(anon(), {}))).toBe("validation_failed");
  });

  it("gives a stall's page its exhibitor, area and the stalls beside and across the aisle", async () => {
    const plan = await publicPlan(anon(), { slug, hall: "H2" });
    const one = plan.stalls.find((s) => s.exhibitor)!;
    const r = await publicStall(anon(), { slug, hall: "H2", number: one.number });
    expect(r.stall.exhibitor!.id).toBe(one.exhibitor!.id);
    expect(r.area?.id).toBe(one.areaId);
    expect(r.neighbours.length).toBeGreaterThanOrEqual(2);
    expect(r.neighbours.map((n) => n.id)).not.toContain(one.id);
    // The walk from the hall's entrance ends at the stall's front, never crossing another stall.
    expect(r.route?.entrance.code).toBe("H2-main");
    expect(r.route!.lengthM).toBeGreaterThan(0);
    const end = r.route!.points.at(-1)!;
    const b = one.rect!;
    expect(Math.max(0, b.x - end.x, end.x - (b.x + b.w)) + Math.max(0, b.y - end.y, end.y - (b.y + b.h))).toBeLessThanOrEqual(0.5);
  });
});

describe("searchFloor", () => {
  const withUrduProduct = async () => {
    const plan = await publicPlan(anon(), { slug });
    for (const s of plan.stalls)
      for (const p of s.exhibitor?.products ?? []) if (p.nameUr && /[یکہ]/.test(p.nameUr)) return { stall: s, product: p, plan };
    throw new Error("the demo has no product with an Urdu name");
  };

  it("finds a product by its Urdu name typed with Arabic letters and harakat, as phones do", async () => {
    const { stall, product } = await withUrduProduct();
    // Arabic yeh, kaf and heh for the Urdu letters, a zabar and a tatweel: the same word to a reader.
    const variant = product.nameUr!.replace(/ی/g, "ي").replace(/ک/g, "ك").replace(/ہ/g, "ه").replace(/^(.)/, "$1\u064E\u0640");
    expect(variant).not.toBe(product.nameUr);
    const r = await searchFloor(anon(), { slug, q: variant });
    const hit = r.hits.find((h) => h.stall.id === stall.id);
    expect(hit).toBeDefined();
    expect(hit!.matched).toContain("product");
    expect(hit!.products.map((p) => p.hsCode)).toContain(product.hsCode);
  });

  it("finds by HS code prefix: every hit makes a product of that heading", async () => {
    const { stall, product } = await withUrduProduct();
    const heading = product.hsCode.replace(/[^0-9]/g, "").slice(0, 4);
    const r = await searchFloor(anon(), { slug, q: heading });
    expect(r.hits.map((h) => h.stall.id)).toContain(stall.id);
    for (const h of r.hits.filter((x) => x.matched.includes("hs")))
      expect(h.stall.exhibitor!.products.some((p) => p.hsCode.replace(/[^0-9]/g, "").startsWith(heading))).toBe(true);
    // In Urdu digits too.
    const urduDigits = heading.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    expect((await searchFloor(anon(), { slug, q: urduDigits })).hits.map((h) => h.stall.id)).toContain(stall.id);
  });

  it("finds a stall by its number, with or without the dash, in Latin or Urdu digits, first", async () => {
    const plan = await publicPlan(anon(), { slug, hall: "H2" });
    const s = plan.stalls[5]!;
    for (const q of [s.number, s.number.replace("-", ""), s.number.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)))]) {
      const r = await searchFloor(anon(), { slug, q });
      expect(r.hits[0]!.stall.number).toBe(s.number);
      expect(r.hits[0]!.matched[0]).toBe("stall");
    }
  });

  it("finds an exhibitor by the start of its English name and by its cluster in Urdu", async () => {
    const plan = await publicPlan(anon(), { slug });
    const s = plan.stalls.find((x) => x.exhibitor?.cluster && x.exhibitor.nameEn.split(" ")[0]!.length > 4)!;
    const word = s.exhibitor!.nameEn.split(" ")[0]!.slice(0, 4).toLowerCase();
    expect((await searchFloor(anon(), { slug, q: word })).hits.map((h) => h.stall.id)).toContain(s.id);
    const byCluster = await searchFloor(anon(), { slug, q: s.exhibitor!.cluster!.nameUr });
    expect(byCluster.hits.map((h) => h.stall.id)).toContain(s.id);
  });

  it("finds nothing for an empty query or words nobody uses", async () => {
    expect((await searchFloor(anon(), { slug, q: "   " })).hits).toEqual([]);
    expect((await searchFloor(anon(), { slug, q: "xylophoneqq" })).hits).toEqual([]);
  });
});
