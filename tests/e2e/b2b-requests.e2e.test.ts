import type { Page } from "playwright-core";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrolExhibitors, joinAsBuyer } from "../../src/features/b2b/operations/participants";
import { updateMyProfile } from "../../src/features/b2b/operations/profiles";
import { b2bParticipants } from "../../src/features/b2b/tables";
import { editions, visitorCategories } from "../../src/features/editions/tables";
import { decideRegistrations } from "../../src/features/registration/operations/decide";
import { register } from "../../src/features/registration/operations/register";
import type { Ctx } from "../../src/platform/context";
import { anonymous, type Actor } from "../../src/platform/permissions/actor";
import { actorFor, demo as accounts } from "../support/db";
import { beforeTheShow, demo, emailedPath, seriousViolations, signInByPost, startEnv, type Env } from "./helpers";

// Meeting requests on a phone (360 px) with JavaScript off: a buyer asks the demo exhibitor for a
// meeting from the new-request page; the exhibitor accepts on its requests page and then sees the
// buyer's contact details; the exhibitor asks another buyer, who declines from the emailed link
// without signing in, in Urdu. Every page is axe-clean in both languages.

let env: Env;
let exhibitorPid: string;
const buyers: { pid: string; token: string; email: string }[] = [];

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  env = await startEnv({ clock: beforeTheShow() });
  const { db, clock, config } = env.server.services;
  const ctx = (actor: Actor = anonymous): Ctx => ({ db, clock, config, actor, locale: "en" });
  const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  const organiser = ctx(await actorFor(db, demo.organiser));
  await enrolExhibitors(organiser, { editionId: edition!.id });
  const exhibitor = await actorFor(db, accounts.exhibitor);
  const enterpriseId = exhibitor.kind === "user" ? exhibitor.grants.find((g) => g.role === "exhibitor")!.enterpriseId! : "";
  const [own] = await db
    .select()
    .from(b2bParticipants)
    .where(and(eq(b2bParticipants.editionId, edition!.id), eq(b2bParticipants.enterpriseId, enterpriseId)));
  exhibitorPid = own!.id;
  await updateMyProfile(ctx(exhibitor), { participantId: exhibitorPid, optedIn: true, profile: { offersEn: "Surgical instruments" } });
  const [cat] = await db
    .select()
    .from(visitorCategories)
    .where(and(eq(visitorCategories.editionId, edition!.id), eq(visitorCategories.code, "corporate_buyer")));
  for (const n of [1, 2]) {
    const email = `e2e-req-buyer-${n}@example.com`;
    const r = await register(ctx(), { editionId: edition!.id, categoryId: cat!.id, name: `Request Buyer ${n}`, organisation: `Buying House ${n}`, email, phone: "+923001112223", days: [0], consentData: true, consentScan: false });
    await decideRegistrations(organiser, { editionId: edition!.id, ids: [r.registrations[0]!.id], decision: "approve" });
    const joined = await joinAsBuyer(ctx(), { registrationToken: r.manageTokens![0]!, kind: "buyer_procurement", locale: n === 2 ? "ur" : "en" });
    buyers.push({ pid: joined.participant.id, token: joined.accessToken!, email });
  }
});
afterAll(async () => env?.close());

describe("B2B meeting requests", () => {
  it("a buyer asks by its link, the exhibitor accepts by its account, then each sees the other's contact", async () => {
    const buyer = buyers[0]!;
    // Axe and the width check run scripts in the page; the page itself ships none, so its forms
    // post as they would without JavaScript (the exhibitor's and the link's below run without).
    const page = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    page.setDefaultTimeout(10_000);
    const res = await page.goto(`/b2b/${buyer.token}/requests/new?to=${exhibitorPid}`);
    expect(res!.status()).toBe(200);
    await page.getByRole("heading", { name: "Ask for a meeting", level: 1 }).waitFor();
    expect(await seriousViolations(page, "b2b new request (en)")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // Too long a message is said on its field, keeping what was typed.
    await page.getByLabel("Message").evaluate((el) => el.removeAttribute("maxlength"));
    await page.getByLabel("Message").fill("x".repeat(501));
    await page.getByRole("button", { name: "Send the request" }).click();
    await page.getByText("Use at most 500 characters.").waitFor();
    await page.getByLabel("Message").fill("We source surgical scissors for 40 hospitals.");
    await page.getByLabel("How much you want this meeting").selectOption("must");
    await page.getByLabel("Day 1", { exact: true }).check();
    await page.getByRole("button", { name: "Send the request" }).click();
    await page.getByText("Your request was sent. You will be emailed the answer.").waitFor();
    const outgoing = page.getByTestId("b2b-outgoing");
    await expect.poll(() => outgoing.count()).toBe(1);
    expect(await outgoing.textContent()).toContain("Waiting for an answer");
    expect(await outgoing.textContent()).toContain("Contact details are shown once the request is accepted.");
    expect(await seriousViolations(page, "b2b requests (en)")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const ex = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    ex.setDefaultTimeout(10_000);
    await signInByPost(env, ex, accounts.exhibitor);
    await ex.goto(`/b2b/${exhibitorPid}/requests`);
    const incoming = ex.getByTestId("b2b-incoming").filter({ hasText: "Request Buyer 1" });
    expect(await incoming.textContent()).toContain("We source surgical scissors");
    expect(await incoming.textContent()).not.toContain(buyer.email);
    await incoming.getByRole("button", { name: "Accept" }).click();
    await ex.getByText("You accepted the request. The scheduler will give the meeting a time.").waitFor();
    expect(await ex.getByTestId("b2b-incoming").filter({ hasText: "Request Buyer 1" }).textContent()).toContain(buyer.email);
    // Another's requests page is not the exhibitor's to open.
    expect((await ex.goto(`/b2b/${buyer.pid}/requests`))!.status()).toBe(403);
  });

  it("the exhibitor asks a buyer, who declines from the emailed link without signing in, in Urdu", async () => {
    const buyer = buyers[1]!;
    const ex = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    ex.setDefaultTimeout(10_000);
    await signInByPost(env, ex, accounts.exhibitor);
    await ex.goto(`/b2b/${exhibitorPid}/requests/new?to=${buyer.pid}`);
    await ex.getByLabel("Message").fill("We would like to show you our range.");
    await ex.getByRole("button", { name: "Send the request" }).click();
    await ex.getByText("Your request was sent. You will be emailed the answer.").waitFor();
    // Asking again is refused with a clear message.
    await ex.goto(`/b2b/${exhibitorPid}/requests/new?to=${buyer.pid}`);
    await ex.getByRole("button", { name: "Send the request" }).click();
    await ex.getByText("A meeting request between these two already exists.").waitFor();

    const path = await emailedPath(env, buyer.email, "/b2b/answer/", "b2b_request");
    const look = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    await look.goto(`/lang/ur?next=${encodeURIComponent(path)}`);
    await look.waitForURL((u) => u.pathname === path);
    expect(await look.locator("html").getAttribute("dir")).toBe("rtl");
    await look.getByRole("heading", { name: "آپ کے لیے ملاقات کی درخواست", level: 1 }).waitFor();
    expect(await seriousViolations(look, "b2b answer (ur)")).toEqual([]);
    expect(await overflow(look)).toBeLessThanOrEqual(0);

    const page = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    page.setDefaultTimeout(10_000);
    await page.goto(`/lang/ur?next=${encodeURIComponent(path)}`);
    await page.waitForURL((u) => u.pathname === path);
    await page.getByLabel("وجہ (اختیاری)").fill("ابھی ضرورت نہیں");
    await page.getByRole("button", { name: "نامنظور کریں" }).click();
    await page.getByText("آپ نے درخواست نامنظور کر دی۔").waitFor();
    expect(await page.getByRole("button", { name: "منظور کریں" }).count()).toBe(0);
    // An unknown link says so.
    expect((await page.goto("/b2b/answer/" + "q".repeat(32)))!.status()).toBe(410);
  });
});
