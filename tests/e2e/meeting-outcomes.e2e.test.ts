import type { Page } from "playwright-core";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partiesOf } from "../../src/features/b2b/operations/meeting-rows";
import { b2bMeetings } from "../../src/features/b2b/tables";
import { editions } from "../../src/features/editions/tables";
import { sendOutcomeMail } from "../../src/features/meetday/operations/outcome-mail";
import { meetingOutcomes, outcomeLinks } from "../../src/features/meetday/tables";
import { anonymous } from "../../src/platform/permissions/actor";
import { en, ur } from "../../src/messages";
import { demo, emailedPath, seriousViolations, signInByPost, SLOW, startEnv, type Env } from "./helpers";

// Issue #14, the outcomes of the meeting day, on the seeded 2026 show (over: SUITE_NOW): a
// participant answers its meeting's outcome from the emailed link, without signing in, on a phone in
// Urdu with JavaScript off; a wrong value is refused beside its field in Urdu and what was typed stays;
// the answer is recorded and listed. The organiser sees the outcome dashboard and downloads it as
// XLSX and CSV. Every page is axe-clean.

let env: Env;
let editionId: string;
let meetingId: string;
let side: "sme" | "buyer";
let outcomePath: string;

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  env = await startEnv();
  const { db, clock, config } = env.server.services;
  const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  editionId = edition!.id;
  // One of the show's meetings whose outcome nobody gave yet, on a side with an email address: its
  // link is made new (as if never sent), and the mail sweep sends it, as the runner does each minute.
  const open = await db
    .select({ meetingId: outcomeLinks.meetingId, side: outcomeLinks.side, sme: b2bMeetings.smeParticipantId, buyer: b2bMeetings.buyerParticipantId })
    .from(outcomeLinks)
    .innerJoin(b2bMeetings, eq(b2bMeetings.id, outcomeLinks.meetingId))
    .where(and(eq(outcomeLinks.editionId, editionId), eq(outcomeLinks.stage, "meeting"), isNull(outcomeLinks.answeredAt)))
    .limit(40);
  const parties = await partiesOf(db, open.flatMap((o) => [o.sme, o.buyer]));
  const pickd = open.find((o) => parties.get(o.side === "sme" ? o.sme : o.buyer)?.email);
  if (!pickd) throw new Error("the demo has no unanswered outcome link with an email address");
  ({ meetingId, side } = pickd);
  const email = parties.get(side === "sme" ? pickd.sme : pickd.buyer)!.email!;
  await db
    .update(outcomeLinks)
    .set({ sentAt: null, remindedAt: null, tokenHash: null })
    .where(and(eq(outcomeLinks.meetingId, meetingId), eq(outcomeLinks.side, side), eq(outcomeLinks.stage, "meeting")));
  const sweep = await sendOutcomeMail({ db, clock, config, actor: anonymous, locale: "en" }, editionId);
  expect(sweep.sent).toBeGreaterThanOrEqual(1);
  outcomePath = await emailedPath(env, email, "/outcome/", "meetday_outcome_meeting");
});
afterAll(async () => env?.close());

describe("meeting outcomes", () => {
  it("a participant answers from the emailed link on a phone in Urdu without JavaScript; a wrong value is refused in Urdu", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    await page.goto(`/lang/ur?next=${encodeURIComponent(outcomePath)}`);
    await page.waitForURL((u) => u.pathname === outcomePath);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { name: ur["meetday.outcome.title"], level: 1 }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const form = page.getByTestId("meetday-outcome");
    await form.getByLabel(ur["meetday.outcome.kind"]).selectOption(ur["meetday.kind.samples_requested"]);
    await form.getByLabel(ur["meetday.outcome.value"]).fill("twelve");
    await form.getByLabel(ur["meetday.outcome.currency"]).selectOption("PKR");
    await form.getByRole("button", { name: ur["meetday.outcome.save"] }).click();
    await page.getByText(ur["validation.meetday_value_number"]).waitFor();
    expect(await form.getByLabel(ur["meetday.outcome.value"]).inputValue()).toBe("twelve");

    await form.getByLabel(ur["meetday.outcome.kind"]).selectOption(ur["meetday.kind.samples_requested"]);
    await form.getByLabel(ur["meetday.outcome.value"]).fill("1,250,000");
    await form.getByLabel(ur["meetday.outcome.currency"]).selectOption("PKR");
    await form.getByRole("button", { name: ur["meetday.outcome.save"] }).click();
    await page.getByText(ur["meetday.outcome.saved"]).waitFor();
    await page.getByRole("heading", { name: ur["meetday.outcome.history"] }).waitFor();
    await expect.poll(() => page.locator("main li").allInnerTexts(), SLOW).toContainEqual(expect.stringContaining("PKR 1,250,000"));

    const rows = await env.server.services.db.select().from(meetingOutcomes).where(and(eq(meetingOutcomes.meetingId, meetingId), eq(meetingOutcomes.side, side)));
    expect(rows.map((r) => [r.stage, r.kind, Number(r.valueAmount), r.currency])).toEqual([["meeting", "samples_requested", 1_250_000, "PKR"]]);

    // axe needs scripts in the page: the same page, answered, with JavaScript on.
    const withJs = await env.context({ viewport: { width: 360, height: 740 } });
    await withJs.context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
    await withJs.page.goto(`${outcomePath}?done=1`);
    await withJs.page.getByText(ur["meetday.outcome.saved"]).waitFor();
    expect(await seriousViolations(withJs.page, "outcome (ur)")).toEqual([]);
  });

  it("the organiser sees the outcome dashboard and downloads it as XLSX and CSV", async () => {
    const { page } = await env.context({ javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.organiser);
    await page.goto(`/back-office/editions/${editionId}/outcomes`);
    await page.getByRole("heading", { name: en["meetday.admin.title"], level: 1 }).waitFor();
    await page.getByRole("heading", { name: en["meetday.admin.funnel"], level: 2 }).waitFor();

    const xlsx = await page.request.get((await page.getByRole("link", { name: en["meetday.admin.xlsx"] }).getAttribute("href"))!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");
    const csv = await page.request.get((await page.getByRole("link", { name: en["meetday.admin.csv"] }).getAttribute("href"))!);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\n").length).toBeGreaterThan(3);

    const withJs = await env.context();
    await signInByPost(env, withJs.page, demo.organiser);
    await withJs.page.goto(`/back-office/editions/${editionId}/outcomes`);
    await withJs.page.getByRole("heading", { name: en["meetday.admin.title"], level: 1 }).waitFor();
    expect(await seriousViolations(withJs.page, "outcome dashboard")).toEqual([]);
  });
});
