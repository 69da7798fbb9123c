import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { en, ur } from "../../src/messages";
import { SLOW, demo, emailedPath, seriousViolations, signIn, beforeTheShow, startEnv, type Env, signInByPost } from "./helpers";

// Registration on a phone-sized screen without JavaScript: a buyer registers, an organiser
// approves in the back office, the buyer sees it confirmed; errors in Urdu. Texts come from the
// catalogues so a missing translation fails the journey.

let env: Env;
beforeAll(async () => {
  // Registration takes only days still to come: the server's clock runs from before the demo edition.
  env = await startEnv({ clock: beforeTheShow() });
});
afterAll(async () => env?.close());

const phone = { viewport: { width: 360, height: 800 }, javaScriptEnabled: false };
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const main = (page: Page) => page.locator("main").innerText();

describe("registration", () => {
  it("a buyer registers without JavaScript, an organiser approves, the buyer sees it confirmed", async () => {
    const { page } = await env.context(phone);
    await page.goto("/editions/showcase-2026/register");
    await page.getByRole("link", { name: "Corporate buyer" }).click();
    await page.getByLabel(en["registration.form.name"], { exact: true }).fill("Bilal Ahmed");
    await page.getByLabel(en["registration.form.email"], { exact: true }).fill("bilal@buyer.example");
    await page.getByLabel(en["registration.form.organisation"], { exact: true }).fill("Lahore Traders");
    await page.getByLabel(/Saturday/).check();
    await page.getByLabel(en["registration.form.consentDataText"]).check();
    expect(await noSideScroll(page)).toBe(true);
    await page.getByRole("button", { name: en["registration.page.submit"] }).click();
    // The page says "check your email" (the same for anyone already registered); the link is in the email.
    await expect.poll(() => main(page), SLOW).toContain(en["registration.page.checkEmail"].replace("{email}", "bilal@buyer.example"));
    expect(await noSideScroll(page)).toBe(true);
    const manageUrl = await emailedPath(env, "bilal@buyer.example", "/registration/");
    await page.goto(manageUrl);
    await expect.poll(() => main(page), SLOW).toContain(en["registration.status.pending"]);

    const staff = await env.context({ viewport: { width: 360, height: 800 } });
    await signIn(staff.page, demo.organiser);
    // The 2026 show by its slug: the current (newest published) edition is next year's.
    const edition = (await (await staff.page.request.get("/api/v1/editions/showcase-2026")).json()).edition.id as string;
    await staff.page.goto(`/back-office/editions/${edition}/registrations?status=pending`);
    expect(await noSideScroll(staff.page)).toBe(true);
    await staff.page.getByLabel(en["registration.bo.selectOne"].replace("{name}", "Bilal Ahmed")).check();
    await staff.page.getByRole("button", { name: en["registration.bo.approve"] }).click();
    await expect.poll(() => main(staff.page), SLOW).toContain("1 changed");
    expect(await seriousViolations(staff.page, "back-office registrations")).toEqual([]);

    await page.goto(manageUrl);
    await expect.poll(() => main(page), SLOW).toContain(en["registration.status.approved"]);

    // axe runs in the page, so it needs JavaScript: the same pages in an ordinary context.
    const withJs = await env.context({ viewport: { width: 360, height: 800 } });
    await withJs.page.goto("/editions/showcase-2026/register?category=corporate_buyer");
    expect(await seriousViolations(withJs.page, "register form")).toEqual([]);
    await withJs.page.goto(manageUrl);
    expect(await seriousViolations(withJs.page, "manage page")).toEqual([]);
  });

  it("the \"check your email\" answer passes axe in both languages", async () => {
    const withJs = await env.context({ viewport: { width: 360, height: 800 } });
    for (const lang of ["en", "ur"] as const) {
      await withJs.page.goto(`/lang/${lang}`);
      await withJs.page.goto("/editions/showcase-2026/register?category=general_public");
      const t = lang === "en" ? en : ur;
      await withJs.page.getByLabel(t["registration.form.name"], { exact: true }).fill("Axe Check");
      await withJs.page.getByLabel(t["registration.form.email"], { exact: true }).fill(`axe-${lang}@visitor.example`);
      await withJs.page.locator('input[name^="day."]').first().check();
      await withJs.page.getByLabel(t["registration.form.consentDataText"]).check();
      await withJs.page.getByRole("button", { name: t["registration.page.submit"] }).click();
      await withJs.page.getByTestId("registration-sent").waitFor();
      expect(await seriousViolations(withJs.page, `registration sent (${lang})`)).toEqual([]);
    }
  });

  it("gate staff register a walk-in at the desk page, approved at once", async () => {
    const { page } = await env.context(phone);
    await signIn(page, "gate@demo.numaish.pk");
    const edition = (await (await page.request.get("/api/v1/editions/current")).json()).edition.id as string;
    await page.goto(`/desk/editions/${edition}/walk-in`);
    await page.getByLabel(en["registration.column.category"]).selectOption({ label: "Media" });
    await page.getByLabel(en["registration.form.name"], { exact: true }).fill("Sana Malik");
    await page.getByLabel(en["registration.form.email"], { exact: true }).fill("sana@media.example");
    await page.getByLabel(/Sat/).check();
    await page.getByLabel(en["registration.form.consentDataText"]).check();
    await page.getByRole("button", { name: en["registration.bo.walkInSubmit"] }).click();
    await expect.poll(() => main(page), SLOW).toContain(`Sana Malik registered at the desk`);
    expect(await main(page)).toContain(en["registration.status.approved"]);
    expect(await noSideScroll(page)).toBe(true);
    // A visitor is refused the desk.
    const visitor = await env.context(phone);
    await signInByPost(env, visitor.page, demo.visitor);
    const res = await visitor.page.goto(`/desk/editions/${edition}/walk-in`);
    expect(res?.status()).toBe(403);
  });

  it("shows field errors in Urdu, keeping what was typed", async () => {
    const { page } = await env.context(phone);
    await page.goto("/lang/ur");
    await page.goto("/editions/showcase-2026/register?category=general_public");
    await page.getByLabel(ur["registration.form.email"]).fill("not-an-email");
    await page.getByRole("button", { name: ur["registration.page.submit"] }).click();
    await expect.poll(() => main(page), SLOW).toContain(ur["validation.registration_consent_required"]);
    expect(await main(page)).toContain(ur["validation.registration_days_required"]);
    expect(await page.getByLabel(ur["registration.form.email"]).inputValue()).toBe("not-an-email");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await noSideScroll(page)).toBe(true);
  });
});
