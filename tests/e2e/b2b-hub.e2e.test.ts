import type { Page } from "playwright-core";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorForUser } from "../../src/features/accounts/grants";
import { enterprises } from "../../src/features/editions/enterprise-tables";
import { editions, visitorCategories } from "../../src/features/editions/tables";
import { enrolExhibitors, joinAsBuyer } from "../../src/features/b2b/operations/participants";
import { b2bParticipants } from "../../src/features/b2b/tables";
import { updateMyProfile } from "../../src/features/b2b/operations/profiles";
import { decideRegistrations } from "../../src/features/registration/operations/decide";
import { register } from "../../src/features/registration/operations/register";
import { users } from "../../src/platform/auth/tables";
import type { Ctx } from "../../src/platform/context";
import { outboxMessages } from "../../src/platform/mail/tables";
import { backOfficeEditionPath, beforeTheShow, demo, seriousViolations, signInByPost, SLOW, startEnv, type Env } from "./helpers";

// B2B matchmaking for a participant (issue #11, items 2 and 3), two weeks before the show while
// the window is open: the organiser enrols the exhibitors and sends a buyer-side participant its
// signed link; it opens it on a 360 px phone without JavaScript, in Urdu, completes its profile (a
// mistake said on its field, in Urdu), sees recommendations with their reasons and searches the
// directory by Urdu words and an HS prefix. Every page is axe-clean and fits the phone.

let env: Env;
let adminPath: string;
let exhibitorUr = "";
const buyerName = "Hub Surgical Buyer";
let path = "";

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  env = await startEnv({ clock: beforeTheShow() });
  const { db, clock, config } = env.server.services;
  const [staff] = await db.select().from(users).where(eq(users.email, demo.organiser));
  const organiser: Ctx = { db, clock, config, locale: "en", actor: await actorForUser(db, staff!) };
  const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  const [category] = await db.select().from(visitorCategories).where(and(eq(visitorCategories.editionId, edition!.id), eq(visitorCategories.code, "corporate_buyer")));
  // A buyer-side person joins (its link is what the organiser sends); an exhibitor across, listed,
  // makes surgical instruments and speaks Urdu.
  const anon: Ctx = { ...organiser, actor: { kind: "anonymous" } as Ctx["actor"] };
  const r = await register(anon, { editionId: edition!.id, categoryId: category!.id, name: "Hub Surgical Buyer", email: "hub-buyer@example.com", days: [0], consentData: true, consentScan: false });
  await decideRegistrations(organiser, { editionId: edition!.id, ids: [r.registrations[0]!.id], decision: "approve" });
  await joinAsBuyer(anon, { registrationToken: r.manageTokens![0]!, kind: "buyer_procurement" });
  await enrolExhibitors(organiser, { editionId: edition!.id });
  const [exhibitor] = await db.select().from(users).where(eq(users.email, "exhibitor@demo.numaish.pk"));
  const actor = await actorForUser(db, exhibitor!);
  const enterpriseId = actor.kind === "user" ? actor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
  const [e] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
  exhibitorUr = e!.nameUr ?? e!.nameEn;
  const [sme] = await db.select().from(b2bParticipants).where(eq(b2bParticipants.enterpriseId, enterpriseId));
  await updateMyProfile({ ...organiser, actor }, { participantId: sme!.id, optedIn: true, profile: { offersUr: "جراحی آلات: قینچیاں اور چمٹیاں", hsCodes: ["9018.90"], languages: ["ur", "en"] } });

  const probe = (await env.context()).page;
  await signInByPost(env, probe, demo.organiser);
  adminPath = `${await backOfficeEditionPath(probe, { hasText: "2026" })}/b2b/participants`;
});
afterAll(async () => env?.close());

/** The newest signed B2B link in the outbox. */
async function newestLink(): Promise<string> {
  const deadline = Date.now() + SLOW.timeout;
  for (;;) {
    const [m] = await env.server.services.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "b2b_access_link")).orderBy(desc(outboxMessages.createdAt)).limit(1);
    const found = m?.bodyText.match(/https?:\/\/\S+\/b2b\/[A-Za-z0-9_-]+/)?.[0];
    if (found) return new URL(found).pathname;
    if (Date.now() > deadline) throw new Error("no B2B link emailed");
    await new Promise((r) => setTimeout(r, SLOW.interval));
  }
}

describe("B2B participant pages", () => {
  it("the organiser enrols the exhibitors, sees the profiles to chase and sends one its link, without JavaScript", async () => {
    const org = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    org.setDefaultTimeout(15_000);
    await signInByPost(env, org, demo.organiser);
    await org.goto(adminPath);
    await org.getByRole("button", { name: "Enrol the selected exhibitors" }).click();
    await org.getByText(/exhibitors enrolled/).waitFor();
    await org.getByLabel("Only empty or incomplete profiles (the list to chase)").check();
    await org.getByRole("button", { name: "Show", exact: true }).click();
    await org.waitForURL(/incomplete=1/);
    expect(await org.getByTestId("b2b-admin-counts").textContent()).toMatch(/participants: \d+ exhibitors, 1 on the buyer side/);
    await org.getByRole("button", { name: `Send ${buyerName} the link` }).click();
    await org.getByText(`A new signed link was emailed to ${buyerName}.`).waitFor();
    path = await newestLink();
    // axe needs JavaScript in the page: a context with it, on a short list (the buyer side).
    const js = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    await signInByPost(env, js, demo.organiser);
    await js.goto(`${adminPath}?side=buyer`);
    await js.getByRole("heading", { name: "B2B participants", level: 1 }).waitFor();
    expect(await seriousViolations(js, "b2b participants (en)")).toEqual([]);
  }, 120_000);

  it("the buyer-side participant opens its link on a phone in Urdu, completes its profile, sees recommendations with reasons and searches the directory", async () => {
    const page = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    page.setDefaultTimeout(15_000);
    await page.goto(`/lang/ur?next=${encodeURIComponent(path)}`);
    await page.waitForURL((u) => u.pathname === path);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { name: "آپ کا بی ٹو بی پروفائل", level: 1 }).waitFor();
    expect(await page.getByText(/پروفائل \d+% مکمل/).count()).toBeGreaterThan(0);
    expect(await page.getByTestId("b2b-missing").textContent()).toContain("ابھی باقی");
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // A wrong HS code is said on its field, in Urdu, and what was typed is kept.
    await page.getByLabel("آپ کو کیا چاہیے (اردو)").fill("جراحی آلات کی خریداری");
    await page.getByLabel("ایچ ایس کوڈ").fill("9018.90, 90X");
    await page.getByLabel("آپ کی زبانیں (کوڈ، مثلاً ur, en, zh)").fill("ur, en");
    await page.getByLabel(/مجھے ڈائریکٹری اور تجاویز میں شامل کریں/).check();
    await page.getByRole("button", { name: "پروفائل محفوظ کریں" }).click();
    await page.locator(".field-invalid .error").first().waitFor();
    expect(await page.getByLabel("ایچ ایس کوڈ").inputValue()).toBe("9018.90, 90X");
    await page.getByLabel("ایچ ایس کوڈ").fill("9018");
    await page.getByRole("button", { name: "پروفائل محفوظ کریں" }).click();
    await page.getByText("محفوظ ہو گیا۔").waitFor();
    expect(await page.getByLabel("آپ کو کیا چاہیے (اردو)").inputValue()).toBe("جراحی آلات کی خریداری");
    expect(await page.getByLabel(/مجھے ڈائریکٹری اور تجاویز میں شامل کریں/).isChecked()).toBe(true);

    // Recommendations, with their reasons in Urdu.
    await page.goto(`${path}/recommended`);
    await page.getByRole("heading", { name: "آپ کے لیے تجاویز", level: 1 }).waitFor();
    const card = page.getByTestId("b2b-card").filter({ hasText: exhibitorUr });
    await card.waitFor();
    expect(await card.getByTestId("b2b-reasons").textContent()).toContain("آپ کی طرح اردو، انگریزی بولتے ہیں");
    expect(await card.getByTestId("b2b-reasons").textContent()).toContain("ایچ ایس 9018 بناتے ہیں، جو آپ خریدتے ہیں");
    expect(await card.getByRole("link", { name: /ملاقات کی درخواست کریں/ }).getAttribute("href")).toMatch(new RegExp(`^${path}/requests/new\\?to=`));
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // The directory: by Urdu words, then by an HS prefix; never an email.
    await page.goto(`${path}/directory`);
    await page.getByLabel("تلاش: نام، مصنوعات، ایچ ایس کوڈ (اردو یا انگریزی)").fill("جراحی");
    await page.getByRole("button", { name: "تلاش کریں" }).click();
    await page.getByTestId("b2b-card").filter({ hasText: exhibitorUr }).waitFor();
    expect(await page.getByRole("heading", { name: "1 ملے" }).count()).toBe(1);
    await page.getByLabel("تلاش: نام، مصنوعات، ایچ ایس کوڈ (اردو یا انگریزی)").fill("9018");
    await page.getByRole("button", { name: "تلاش کریں" }).click();
    await page.waitForURL(/q=9018/);
    await page.getByTestId("b2b-card").filter({ hasText: exhibitorUr }).waitFor();
    expect(await page.content()).not.toMatch(/@demo\.numaish\.pk|@example\.com/);
    await page.getByLabel("تلاش: نام، مصنوعات، ایچ ایس کوڈ (اردو یا انگریزی)").fill("9021");
    await page.getByRole("button", { name: "تلاش کریں" }).click();
    await page.getByText("اس تلاش سے کوئی نہیں ملا۔").waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // axe needs JavaScript in the page: the same pages in Urdu in a context with it.
    const js = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    for (const [url, label] of [[path, "profile"], [`${path}/recommended`, "recommended"], [`${path}/directory?q=9018`, "directory"]] as const) {
      await js.goto(`/lang/ur?next=${encodeURIComponent(url)}`);
      await js.locator("h1").waitFor();
      expect(await seriousViolations(js, `b2b ${label} (ur)`)).toEqual([]);
    }
  }, 120_000);
});
