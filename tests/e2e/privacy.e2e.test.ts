import { and, desc, eq, like } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { footfall } from "../../src/features/checkin/operations/footfall";
import { editions } from "../../src/features/editions/tables";
import { leadCounts } from "../../src/features/leads/operations/organiser";
import { leads } from "../../src/features/leads/tables";
import { registrations } from "../../src/features/registration/tables";
import type { Ctx } from "../../src/platform/context";
import { en, ur } from "../../src/messages";
import { actorFor, demo as accounts } from "../support/db";
import { demo, seriousViolations, signInByPost, startEnv, type Env } from "./helpers";

// Issue #15, item 7, personal data, on the seeded 2026 show (over: SUITE_NOW): the demo exhibitor
// reads everything Numaish holds about it on a phone in Urdu without JavaScript and downloads it as
// JSON; the organiser erases a visitor on request (a missing confirmation is refused first, and the
// typed email stays), and the footfall and stall-lead figures are the same before and after. Pages
// are axe-clean.

let env: Env;
let editionId: string;
let organiser: Ctx;

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  env = await startEnv();
  const { db, clock, config } = env.server.services;
  const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = edition!.id;
  organiser = { db, clock, config, actor: await actorFor(db, demo.organiser), locale: "en" };
});
afterAll(async () => env?.close());

describe("personal data", () => {
  it("the exhibitor reads its data in Urdu on a phone without JavaScript and downloads it", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, accounts.exhibitor);
    await page.goto(`/lang/ur?next=${encodeURIComponent("/account/my-data")}`);
    await page.waitForURL((u) => u.pathname === "/account/my-data");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { name: ur["privacy.mine.title"], level: 1 }).waitFor();
    await page.getByText(ur["privacy.mine.erase"]).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const file = await page.request.get((await page.getByRole("link", { name: ur["privacy.mine.download"] }).getAttribute("href"))!);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toMatch(/^application\/json/);
    const text = await file.text();
    expect(text).toContain(accounts.exhibitor);
    expect(() => JSON.parse(text) as unknown).not.toThrow();

    const withJs = await env.context({ viewport: { width: 360, height: 740 } });
    await signInByPost(env, withJs.page, accounts.exhibitor);
    await withJs.context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
    await withJs.page.goto("/account/my-data");
    await withJs.page.getByRole("heading", { name: ur["privacy.mine.title"], level: 1 }).waitFor();
    expect(await seriousViolations(withJs.page, "my data (ur)")).toEqual([]);
  });

  it("the organiser erases a visitor on request; the footfall and lead figures stay the same", async () => {
    const { db } = env.server.services;
    // A visitor of the demo crowd who passed the gates and was scanned at a stall.
    const [person] = await db
      .select({ id: registrations.id, email: registrations.email })
      .from(leads)
      .innerJoin(registrations, eq(registrations.id, leads.registrationId))
      .where(and(eq(leads.editionId, editionId), like(registrations.email, "%@visitors.demo.numaish.pk")))
      .orderBy(desc(registrations.number))
      .limit(1);
    const figures = async () => {
      const f = await footfall(organiser, { editionId });
      const l = await leadCounts(organiser, { editionId });
      return { totals: f.totals, byDay: f.byDay, byGate: f.byGate, byCategory: f.byCategory, leads: l.totals.leads, scans: l.totals.scans, exhibitors: l.totals.exhibitors };
    };
    const before = await figures();
    expect(before.totals.unique).toBeGreaterThan(0);

    const { page } = await env.context({ javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.organiser);
    await page.goto(`/back-office/editions/${editionId}/privacy`);
    await page.getByRole("heading", { name: en["privacy.bo.title"], level: 1 }).waitFor();
    await page.getByLabel(en["privacy.bo.email"]).fill(person!.email);
    await page.getByRole("button", { name: en["privacy.bo.eraseSubmit"] }).click();
    // Not confirmed: refused beside the box, nothing erased, the email still typed.
    await page.locator("#confirm-error").waitFor();
    expect(await page.getByLabel(en["privacy.bo.email"]).inputValue()).toBe(person!.email);
    expect((await db.select({ email: registrations.email }).from(registrations).where(eq(registrations.id, person!.id)))[0]!.email).toBe(person!.email);

    await page.getByLabel(en["privacy.bo.confirm"]).check();
    await page.getByRole("button", { name: en["privacy.bo.eraseSubmit"] }).click();
    await page.getByText(en["privacy.bo.erased"].replace("{registrations}", "1")).waitFor();
    const [after] = await db.select().from(registrations).where(eq(registrations.id, person!.id));
    expect(after!.email).not.toBe(person!.email);
    expect(after!.name).not.toContain("@");
    expect(await figures()).toEqual(before);

    const withJs = await env.context();
    await signInByPost(env, withJs.page, demo.organiser);
    await withJs.page.goto(`/back-office/editions/${editionId}/privacy`);
    await withJs.page.getByRole("heading", { name: en["privacy.bo.title"], level: 1 }).waitFor();
    expect(await seriousViolations(withJs.page, "personal data (organiser)")).toEqual([]);
  });
});
