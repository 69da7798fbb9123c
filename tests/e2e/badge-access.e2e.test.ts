import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../src/platform/context";
import { hashSecret } from "../../src/platform/ids";
import { en, ur } from "../../src/messages";
import { outboxMessages } from "../../src/platform/mail/tables";
import { localDate } from "../../src/features/checkin/core/gate-bundle";
import { demoEditionIds, insertApprovedRegistration } from "../../src/features/checkin/fixtures";
import { issueBadge } from "../../src/features/checkin/operations/issue-badge";
import { reissueEditionBadges } from "../../src/features/checkin/operations/reissue-badges";
import { actorFor } from "../support/db";
import { badges } from "../../src/features/checkin/tables";
import { editions, visitorCategories } from "../../src/features/editions/tables";
import { registrations } from "../../src/features/registration/tables";
import { SLOW, axeViolations, demo, seriousViolations, signIn, startEnv, type Env, signInByPost } from "./helpers";

// Review findings on a 360 px phone, in English and Urdu: a registrant without an account reaches
// their badge (manage link, badge email link; the sign-in page says so), staff see whose badge it
// is, the offline gate result says what the badge carries, the camera button explains itself,
// outdated badges after a date change are flagged and reissued, the footfall page, and the halls'
// re-entry on the set-up page.

let env: Env;
let editionId: string;
let editionPath: string;
const M = { en, ur } as const;
type Lang = keyof typeof M;

beforeAll(async () => {
  env = await startEnv();
  const db = env.server.services.db;
  // The demo edition is in January 2026: move it to the server's today at the venue so its scans count.
  const today = localDate(env.server.services.clock.now(), "Asia/Karachi");
  const plus2 = new Date(Date.parse(`${today}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
  await db.update(editions).set({ startsOn: today, endsOn: plus2 }).where(eq(editions.slug, "showcase-2026"));
  editionId = (await demoEditionIds(db)).edition.id;
  editionPath = `/back-office/editions/${editionId}`;
  // The demo's badges (the B2B buyers' among them) carry the old dates: the organiser reissues
  // them, as the page offers, so each test starts with every badge current.
  const { services } = env.server;
  await reissueEditionBadges({ ...services, actor: await actorFor(db, demo.organiser), locale: "en" }, { editionId });
});
afterAll(async () => env?.close());

/** An approved registration made without an account, its manage token and badge. */
async function registrant(email: string, name: string) {
  const db = env.server.services.db;
  const reg = await insertApprovedRegistration(db, editionId, { email, name });
  const token = `e2e-manage-${email.replace(/\W/g, "-")}-0123456789`;
  await db.update(registrations).set({ manageTokenHash: hashSecret(token) }).where(eq(registrations.id, reg.id));
  const s = env.server.services;
  await inTransaction({ db, clock: s.clock, config: s.config, locale: "en", actor: { kind: "anonymous" } }, (tx, ctx) => issueBadge(tx, ctx, reg.id));
  const [badge] = await db.select().from(badges).where(eq(badges.registrationId, reg.id));
  return { reg, token, code: badge!.code };
}

async function phone(lang: Lang, path: string, opts: { javaScriptEnabled?: boolean } = {}) {
  const c = await env.context({ viewport: { width: 360, height: 740 }, ...opts });
  await c.page.goto(lang === "ur" ? `/lang/ur?next=${encodeURIComponent(path)}` : path);
  return c;
}
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const h1 = (page: Page) => page.locator("main h1").first().innerText();
/** Axe on the settings section with the warning only: the rest of the edition page is others' (its
 *  wide tables are being reworked separately). */
async function warningViolations(page: Page) {
  const violations = await axeViolations(page, "section:has(> #settings-h)");
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("a registrant without an account", () => {
  it.each(["en", "ur"] as const)("opens the badge from the manage link and from the badge email (%s)", async (lang) => {
    const t = M[lang];
    const { reg, token } = await registrant(`noaccount-${lang}@buyer.example`, "Ayesha Khan");
    const { page } = await phone(lang, `/registration/${token}`);
    const card = page.getByTestId("holder-badge");
    await expect.poll(() => card.innerText(), SLOW).toContain("Ayesha Khan");
    expect(await card.locator("svg").count()).toBeGreaterThan(0);
    await page.evaluate(() => document.fonts.ready);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, `manage link with badge (${lang})`)).toEqual([]);

    const pdfHref = await card.getByRole("link", { name: t["checkin.badge.pdf"] }).getAttribute("href");
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    await card.getByRole("link", { name: t["checkin.badge.open"] }).click();
    await page.waitForURL((u) => u.pathname === `/badges/${reg.id}`);
    await expect.poll(() => h1(page), SLOW).toBe(t["checkin.badge.title"]);
    expect(await page.locator("main svg").count()).toBeGreaterThan(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, `badge by link (${lang})`)).toEqual([]);

    // The badge email's link works signed out, in a browser that never saw the manage page.
    const [mail] = await env.server.services.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.toAddress, reg.email), eq(outboxMessages.kind, "checkin.badge")));
    const link = /https?:\/\/\S+\/badges\/\S+/.exec(mail!.bodyText)![0];
    const fresh = await phone(lang, new URL(link).pathname + new URL(link).search);
    await expect.poll(() => h1(fresh.page), SLOW).toBe(t["checkin.badge.title"]);
    expect(await fresh.page.locator("main").innerText()).toContain("Ayesha Khan");
  });

  it.each(["en", "ur"] as const)("is told on the sign-in page that the email link is enough; a broken link says why (%s)", async (lang) => {
    const t = M[lang];
    const { reg } = await registrant(`signin-${lang}@buyer.example`, "Hina Baig");
    const { page } = await phone(lang, `/badges/${reg.id}`);
    await page.waitForURL((u) => u.pathname === "/sign-in");
    await expect.poll(() => page.getByTestId("badge-sign-in-hint").innerText(), SLOW).toContain(t["checkin.badge.signInHint"]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, `sign-in from a badge (${lang})`)).toEqual([]);

    await page.goto(`/badges/${reg.id}?key=${"A".repeat(22)}`);
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(t["checkin.badge.linkGone"]);
  });

  it("staff looking at someone's badge see whose it is", async () => {
    const { reg } = await registrant("whose@buyer.example", "Bilal Ahmed");
    const { page } = await env.context({ viewport: { width: 360, height: 740 } });
    await signInByPost(env, page, demo.organiser);
    await page.goto(`/badges/${reg.id}`);
    await expect.poll(() => h1(page), SLOW).toBe("Badge of Bilal Ahmed");
    expect(await page.title()).toContain("Badge of Bilal Ahmed");
  });
});

describe("at the gate", () => {
  it.each(["en", "ur"] as const)("offline, the result shows the badge's number, category and days; the camera button explains a missing camera (%s)", async (lang) => {
    const t = M[lang];
    const { reg, code } = await registrant(`offline-${lang}@buyer.example`, "Hina Baig");
    const db = env.server.services.db;
    const [cat] = await db.select().from(visitorCategories).where(eq(visitorCategories.id, reg.categoryId));
    const { page, context } = await env.context({ viewport: { width: 360, height: 740 } });
    await signInByPost(env, page, "gate@demo.numaish.pk");
    await page.goto(lang === "ur" ? `/lang/ur?next=${encodeURIComponent("/gate")}` : "/gate");
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("numaish.gate.bundle")));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

    // No camera in this browser (no fake device): a message, not silence.
    await page.getByRole("button", { name: t["checkin.gate.camera"] }).click();
    const cameraTexts = [t["checkin.gate.cameraDenied"], t["checkin.gate.cameraMissing"], t["checkin.gate.cameraUnavailable"]];
    await expect.poll(() => page.getByTestId("camera-error").innerText(), SLOW).toSatisfy((s: string) => cameraTexts.includes(s));

    await context.setOffline(true);
    const field = page.getByLabel(t["checkin.gate.code"]);
    await field.fill(code);
    await field.press("Enter");
    const carried = page.getByTestId("gate-carried");
    await expect.poll(() => carried.innerText(), SLOW).toContain(lang === "ur" ? cat!.nameUr : cat!.nameEn);
    const text = await carried.innerText();
    expect(text).toContain(t["checkin.badge.number"].replace("{number}", String(reg.number)));
    expect(text).not.toContain("Hina");
    expect(await page.getByTestId("gate-result").innerText()).toContain(t["checkin.gate.fromBadge"]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, `gate offline result (${lang})`)).toEqual([]);
    await context.setOffline(false);
  });
});

describe("organisers", () => {
  it.each(["en", "ur"] as const)("the set-up page shows re-entry on at the hall entrances, off at zone doors (%s)", async (lang) => {
    const { page } = await env.context({ viewport: { width: 360, height: 740 } });
    await signIn(page, demo.organiser);
    const path = `${editionPath}/checkin-setup`;
    await page.goto(lang === "ur" ? `/lang/ur?next=${encodeURIComponent(path)}` : path);
    const reentry = (gate: string) => page.locator(`form:has(input[name="nameEn"][value="${gate}"]) input[name="reentryAllowed"]`);
    await reentry("Hall 1 entrance").waitFor();
    expect(await reentry("Hall 1 entrance").isChecked()).toBe(true);
    expect(await reentry("Hall 2 entrance").isChecked()).toBe(true);
    expect(await reentry("Auditorium (opening ceremony)").isChecked()).toBe(false);
  });

  it.each(["en", "ur"] as const)("the footfall page: no bar for zero, figures apart, 'Category', the venue's clock (%s)", async (lang) => {
    const t = M[lang];
    const { page } = await env.context({ viewport: { width: 360, height: 740 } });
    await signIn(page, demo.organiser);
    const path = `${editionPath}/footfall`;
    await page.goto(lang === "ur" ? `/lang/ur?next=${encodeURIComponent(path)}` : path);
    const clock = page.getByTestId("footfall-clock");
    await clock.waitFor();
    // The zone named as the venue's, whatever this browser's own zone.
    const zone = new Intl.DateTimeFormat(lang === "ur" ? "ur-PK" : "en-GB", { timeZone: "Asia/Karachi", timeZoneName: "long" })
      .formatToParts(env.server.services.clock.now())
      .find((p) => p.type === "timeZoneName")!.value;
    expect(await clock.innerText()).toContain(zone);
    expect(await clock.innerText()).not.toMatch(/AM|PM/);
    expect(await page.locator("th", { hasText: t["checkin.footfall.category"] }).count()).toBe(1);
    // Gate rows with no entries have no bar at all.
    const zeroRows = page.locator("tr", { has: page.locator("td:nth-child(2)", { hasText: /^[0۰]$/ }) });
    expect(await zeroRows.count()).toBeGreaterThan(0);
    expect(await zeroRows.locator("[data-bar]").count()).toBe(0);
    expect(await page.getByTestId("footfall-totals").evaluate((el) => getComputedStyle(el).listStyleType)).toBe("none");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, `footfall (${lang})`)).toEqual([]);
  });

  it("after moving the edition's dates, the page warns with the count and reissues every badge in one go (en), and says so in Urdu", async () => {
    const { reg } = await registrant("moved@buyer.example", "Sana Iqbal");
    const { page } = await env.context({ viewport: { width: 360, height: 740 } });
    await signInByPost(env, page, demo.organiser);
    await page.goto(editionPath);
    // Before: how many badges carry the dates.
    await expect.poll(() => page.getByTestId("badge-dates-hint").innerText(), SLOW).toContain(en["checkin.reissue.before"].split("{count}")[0]!);
    const settings = page.locator('form:has(input[name="intent"][value="settings"])');
    const starts = await settings.locator('input[name="startsOn"]').inputValue();
    const shift = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await settings.locator('input[name="startsOn"]').fill(shift(starts));
    await settings.locator('input[name="endsOn"]').fill(shift(await settings.locator('input[name="endsOn"]').inputValue()));
    await settings.locator('button[type="submit"]').click();
    const warning = page.getByTestId("badge-dates-warning");
    await expect.poll(() => warning.innerText(), SLOW).toContain(en["checkin.reissue.explain"]);
    const count = Number(/\((\d+)\)/.exec(await warning.getByRole("button").innerText())![1]);
    expect(count).toBeGreaterThan(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await warningViolations(page)).toEqual([]);

    await warning.getByRole("button").click();
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(en["checkin.reissue.done"].replace("{count}", String(count)));
    expect(await page.getByTestId("badge-dates-warning").count()).toBe(0);
    const rows = await env.server.services.db.select().from(badges).where(eq(badges.registrationId, reg.id));
    expect(rows.map((b) => [b.serial, !!b.replacedAt]).sort()).toEqual([
      [0, true],
      [1, false],
    ]);

    // Urdu at 360 px, the dates moved back: the warning reads right to left and fits.
    await page.goto(`/lang/ur?next=${encodeURIComponent(editionPath)}`);
    const ursettings = page.locator('form:has(input[name="intent"][value="settings"])');
    await ursettings.locator('input[name="startsOn"]').fill(starts);
    await ursettings.locator('input[name="endsOn"]').fill(new Date(Date.parse(`${starts}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10));
    await ursettings.locator('button[type="submit"]').click();
    await expect.poll(() => page.getByTestId("badge-dates-warning").innerText(), SLOW).toContain(ur["checkin.reissue.explain"]);
    await page.evaluate(() => document.fonts.ready);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await warningViolations(page)).toEqual([]);
    await page.getByTestId("badge-dates-warning").getByRole("button").click();
    await expect.poll(() => page.getByTestId("badge-dates-warning").count(), SLOW).toBe(0);
  });
});
