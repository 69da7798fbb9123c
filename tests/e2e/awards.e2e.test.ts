import type { Page } from "playwright-core";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterEligible } from "../../src/features/awards/operations/entries";
import { assignRound, myJudging, recusedPairs, scoreEntry } from "../../src/features/awards/operations/judging";
import { saveCategory, saveCriterion, setJudge, setRound } from "../../src/features/awards/operations/setup";
import { awardAssignments, awardEntries, awardRounds, awardScores } from "../../src/features/awards/tables";
import { enterprises } from "../../src/features/editions/enterprise-tables";
import { editions } from "../../src/features/editions/tables";
import { users } from "../../src/platform/auth/tables";
import type { Ctx } from "../../src/platform/context";
import type { Actor } from "../../src/platform/permissions/actor";
import { movableClock, SUITE_NOW } from "../support/clocks";
import { actorFor, demo as accounts } from "../support/db";
import { backOfficeEditionPath, demo, seriousViolations, signInByPost, startEnv, type Env } from "./helpers";

// Issue #13, the awards, on the seeded 2026 show (judged, results published at the ceremony): the
// organiser's back office shows the locked results and the final leaderboard without JavaScript; a visitor
// reads the winners and the transparency page in Urdu on a 360-pixel phone, axe-clean, and gets a
// winner's certificate whose PDF carries the Urdu font. On a category of this file's own: a judge
// scores the entries assigned to it and never sees one of the cluster it is connected with; the
// organiser locks the results with a publication time, and the public winners page shows them only
// once the server's clock has passed it.

let env: Env;
const clock = movableClock(SUITE_NOW);
beforeAll(async () => {
  env = await startEnv({ clock });
});
afterAll(async () => env?.close());

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("the awards", () => {
  it("the organiser sees the locked results and the final leaderboard without JavaScript", async () => {
    const { page } = await env.context({ javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.organiser);
    const editionPath = await backOfficeEditionPath(page, { hasText: "2026" });
    await page.goto(`${editionPath}/awards`);
    await page.getByRole("heading", { name: "Awards", level: 1 }).waitFor();
    await page.getByText(/results locked, published at/).first().waitFor();
    const category = page.locator("section.card", { has: page.getByRole("heading", { name: "Excellence in innovation" }) });
    await category.locator("summary", { hasText: "Final round" }).click();
    await category.getByRole("link", { name: "Progress and leaderboard" }).last().click();
    await page.getByRole("heading", { name: "Progress and leaderboard", level: 2 }).waitFor();
    await page.getByRole("columnheader", { name: "Normalised mean (0–100)" }).waitFor();
  });

  it("a visitor reads the winners and how they were judged in Urdu on a 360 px phone, and gets a certificate", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(15_000);
    const winners = "/editions/showcase-2026/awards";
    await page.goto(`/lang/ur?next=${encodeURIComponent(winners)}`);
    await page.waitForURL((u) => u.pathname === winners);
    await page.getByRole("heading", { name: "ایوارڈ یافتگان", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "جدت میں امتیاز", level: 2 }).waitFor();
    expect(await seriousViolations(page, "winners")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const certificate = (await page.getByRole("link", { name: "سند (اردو)" }).first().getAttribute("href"))!;
    const pdf = await page.request.get(certificate);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).toString("latin1")).toMatch(/NotoNastaliqUrdu/);

    await page.getByRole("link", { name: "ایوارڈز کا فیصلہ کیسے ہوا" }).click();
    await page.getByRole("heading", { name: "ایوارڈز کا فیصلہ کیسے ہوا", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "حتمی مرحلہ" }).first().waitFor();
    expect(await seriousViolations(page, "awards transparency")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it("an exhibitor's awards page lists its application categories in Urdu on a 360 px phone", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, "exhibitor@demo.numaish.pk");
    const mine = "/account/exhibitor/awards";
    await page.goto(`/lang/ur?next=${encodeURIComponent(mine)}`);
    await page.waitForURL((u) => u.pathname === mine);
    await page.getByRole("heading", { name: "ایس ایم ای ایوارڈز: درخواست", level: 1 }).waitFor();
    // The 2026 show's application category, judged: applications closed.
    await page.getByRole("heading", { name: "معیار اور اسٹینڈرڈز", level: 2 }).first().waitFor();
    expect(await page.getByText("درخواستیں بند ہیں").count()).toBeGreaterThan(0);
    expect(await seriousViolations(page, "exhibitor awards")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  describe("a category judged in this file", () => {
    const judgeEmails = [accounts.reviewer, "reviewer2@demo.numaish.pk", "reviewer3@demo.numaish.pk", "reviewer4@demo.numaish.pk"];
    const name = "Journey excellence";
    let categoryId = "";
    let cluster = "";
    const criteria: Record<"shortlist" | "final", string[]> = { shortlist: [], final: [] };
    const as = (actor: Actor): Ctx => ({ db: env.server.services.db, clock: env.server.services.clock, config: env.server.services.config, actor, locale: "en" });
    const judges: { id: string; actor: Actor }[] = [];

    /** Every judge scores every entry it holds in the round, through the operation. */
    const scoreAll = async (round: "shortlist" | "final") => {
      for (const j of judges)
        for (const work of (await myJudging(as(j.actor))).filter((w) => w.category.id === categoryId && w.round.kind === round))
          for (const [i, e] of work.entries.entries())
            await scoreEntry(as(j.actor), { roundId: work.round.id, entryId: e.id, scores: criteria[round].map((criterionId, k) => ({ criterionId, score: 1 + ((i + k + e.id.charCodeAt(0)) % 5) })) });
    };

    beforeAll(async () => {
      const db = env.server.services.db;
      const [edition] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
      const staff = await actorFor(db, demo.organiser);
      for (const email of judgeEmails) {
        const [u] = await db.select().from(users).where(eq(users.email, email));
        judges.push({ id: u!.id, actor: await actorFor(db, email) });
      }
      categoryId = (await saveCategory(as(staff), { editionId: edition!.id, slug: "journey-excellence", nameEn: name, nameUr: "سفر کا امتیاز", winners: 1, runnersUp: 1, womenLedOnly: true })).id;
      for (const round of ["shortlist", "final"] as const)
        for (const [slug, weight] of [["innovation", 3], ["quality", 1]] as const) criteria[round].push((await saveCriterion(as(staff), { categoryId, round, slug, nameEn: `Criterion ${slug}`, nameUr: slug, weight })).id);
      await enterEligible(as(staff), { categoryId });
      const [clustered] = await db
        .select({ cluster: enterprises.clusterSlug })
        .from(awardEntries)
        .innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId))
        .where(and(eq(awardEntries.categoryId, categoryId), eq(awardEntries.withdrawn, false), isNotNull(enterprises.clusterSlug)));
      cluster = clustered!.cluster!;
      // reviewer@ is connected with the cluster of an entry: recused from that cluster's entries.
      // reviewer2@ is the round's lead judge.
      for (const [i, j] of judges.entries()) await setJudge(as(staff), { categoryId, round: "shortlist", userId: j.id, clusterSlugs: i === 0 ? [cluster] : [], lead: i === 1 });
      await setRound(as(staff), { categoryId, round: "shortlist", status: "open" });
      await assignRound(as(staff), { categoryId, round: "shortlist" });
    });

    it("a judge scores its entries and never sees one of the cluster it is connected with", async () => {
      const db = env.server.services.db;
      const entries = await db
        .select({ id: awardEntries.id, nameEn: enterprises.nameEn, cluster: enterprises.clusterSlug })
        .from(awardEntries)
        .innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId))
        .where(eq(awardEntries.categoryId, categoryId));
      const recusedFrom = entries.filter((e) => e.cluster === cluster);
      expect(recusedFrom.length).toBeGreaterThan(0);
      // Those entries are judged, by the other judges.
      const theirJudges = await db.select().from(awardAssignments).where(inArray(awardAssignments.entryId, recusedFrom.map((e) => e.id)));
      expect(theirJudges.length).toBeGreaterThan(0);
      expect(theirJudges.some((a) => a.userId === judges[0]!.id)).toBe(false);

      const { page } = await env.context({ javaScriptEnabled: false });
      page.setDefaultTimeout(15_000);
      await signInByPost(env, page, accounts.reviewer);
      await page.goto("/awards/judging");
      const round = page.getByRole("region", { name: `${name} · Shortlist round` });
      const cards = round.locator("article.card");
      await cards.first().waitFor();
      const shown = await cards.locator("h3").allTextContents();
      expect(shown.length).toBeGreaterThan(0);
      for (const e of recusedFrom) expect(shown).not.toContain(e.nameEn);

      // Scores the first entry on the weighted criteria, with a comment.
      const first = cards.first();
      const entryName = (await first.locator("h3").textContent())!;
      await first.getByRole("group", { name: /Criterion innovation/ }).getByLabel("Score (1–5)").selectOption("4");
      await first.getByRole("group", { name: /Criterion innovation/ }).getByLabel("Comment").fill("A clear plan for new products.");
      await first.getByRole("group", { name: /Criterion quality/ }).getByLabel("Score (1–5)").selectOption("3");
      await first.getByRole("button", { name: "Save scores" }).click();
      await page.getByText("Your scores are saved.").waitFor();
      const saved = round.locator("article.card", { has: page.getByRole("heading", { name: entryName, exact: true }) });
      await saved.getByText("Scored", { exact: true }).waitFor();
      expect(await saved.getByRole("group", { name: /Criterion innovation/ }).getByLabel("Score (1–5)").inputValue()).toBe("4");
    });

    it("the lead judge moves an entry its judge has not scored to another judge, without JavaScript", async () => {
      const db = env.server.services.db;
      const [round] = await db.select({ id: awardRounds.id }).from(awardRounds).where(and(eq(awardRounds.categoryId, categoryId), eq(awardRounds.kind, "shortlist")));
      const held = await db.select().from(awardAssignments).where(eq(awardAssignments.roundId, round!.id));
      const scored = await db.select({ entryId: awardScores.entryId, userId: awardScores.userId }).from(awardScores).where(eq(awardScores.roundId, round!.id));
      const recused = await recusedPairs(db, round!.id, [...new Set(held.map((a) => a.entryId))]);
      // An unscored assignment, and a judge free to take the entry (not on it, not recused from it).
      const move = held
        .filter((a) => !scored.some((s) => s.entryId === a.entryId && s.userId === a.userId))
        .flatMap((a) => judges.filter((j) => !held.some((h) => h.entryId === a.entryId && h.userId === j.id) && !recused.some((r) => r.entryId === a.entryId && r.judgeId === j.id)).map((to) => ({ a, to })))[0]!;
      expect(move).toBeDefined();
      const [entry] = await db.select({ nameEn: enterprises.nameEn }).from(awardEntries).innerJoin(enterprises, eq(enterprises.id, awardEntries.enterpriseId)).where(eq(awardEntries.id, move.a.entryId));
      const userName = async (id: string) => (await db.select({ name: users.name }).from(users).where(eq(users.id, id)))[0]!.name;

      const { page } = await env.context({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
      page.setDefaultTimeout(15_000);
      await signInByPost(env, page, "reviewer2@demo.numaish.pk");
      await page.goto("/awards/judging");
      const moderation = page.getByTestId("moderation");
      await moderation.getByRole("heading", { name: "Moderate this round (you are its lead judge)" }).waitFor();
      const row = moderation.locator("tr", { has: page.getByRole("rowheader", { name: entry!.nameEn, exact: true }) });
      await row.waitFor();
      await moderation.getByLabel("Entries").selectOption(move.a.entryId);
      await moderation.getByLabel("From the judge").selectOption(move.a.userId);
      await moderation.getByLabel("To the judge").selectOption(move.to.id);
      await moderation.getByRole("button", { name: "Move an entry to another judge" }).click();
      await page.getByText("The entry has moved to the other judge.").waitFor();
      const now = (await db.select().from(awardAssignments).where(and(eq(awardAssignments.roundId, round!.id), eq(awardAssignments.entryId, move.a.entryId)))).map((a) => a.userId);
      expect(now).toContain(move.to.id);
      expect(now).not.toContain(move.a.userId);
      expect(await row.locator("td").textContent()).toContain(await userName(move.to.id));
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    });

    it("the organiser locks the results with a publication time; the winners page shows them only from then", async () => {
      const db = env.server.services.db;
      const staff = await actorFor(db, demo.organiser);
      await scoreAll("shortlist");
      await setRound(as(staff), { categoryId, round: "shortlist", status: "closed", advance: 3 });
      for (const j of judges.slice(1)) await setJudge(as(staff), { categoryId, round: "final", userId: j.id });
      await setRound(as(staff), { categoryId, round: "final", status: "open" });
      await assignRound(as(staff), { categoryId, round: "final" });
      await scoreAll("final");
      await setRound(as(staff), { categoryId, round: "final", status: "closed" });

      // The server's day is 2026-12-04, 11:00 in Lahore: publish at 13:30, Pakistan time.
      const { page } = await env.context({ javaScriptEnabled: false });
      page.setDefaultTimeout(15_000);
      await signInByPost(env, page, demo.organiser);
      const editionPath = await backOfficeEditionPath(page, { hasText: "2026" });
      await page.goto(`${editionPath}/awards`);
      const card = page.locator("section.card", { has: page.getByRole("heading", { name, level: 2 }) });
      await card.getByLabel("Publish the winners at (Pakistan time)").fill("2026-12-04T13:30");
      await card.getByRole("button", { name: "Lock the results" }).click();
      await card.getByText(/results locked, published at/).waitFor();

      const winners = "/editions/showcase-2026/awards";
      await page.goto(winners);
      await page.getByRole("heading", { name: "Award winners", level: 1 }).waitFor();
      await page.getByRole("heading", { name: "Excellence in innovation", level: 2 }).waitFor(); // the demo's, published
      expect(await page.getByRole("heading", { name, level: 2 }).count()).toBe(0);

      clock.forward(3 * 60 * 60 * 1000); // 14:00 in Lahore
      await page.goto(winners);
      const published = page.getByRole("region", { name });
      await published.waitFor();
      expect(await published.locator("li .eyebrow").allTextContents()).toEqual(["Winner", "Runner-up"]);
      const certificate = await page.request.get((await published.getByRole("link", { name: "Certificate (Urdu)" }).first().getAttribute("href"))!);
      expect(certificate.status()).toBe(200);
    });
  });
});
