import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { en, ur } from "../../src/messages";
import { inArray } from "drizzle-orm";
import { registrations } from "../../src/features/registration/tables";
import { SLOW, emailedPath, seriousViolations, beforeTheShow, startEnv, type Env } from "./helpers";

// A foreign mission's leader registers the delegation on a phone without JavaScript: rows are
// added and removed by posting the form back, errors land on the member's own field (English and
// Urdu), and the answer is "check your email" (each member's link is emailed; the page tells nobody who was registered).

let env: Env;
beforeAll(async () => {
  // Registration takes only days still to come: the server's clock runs from before the demo edition.
  env = await startEnv({ clock: beforeTheShow() });
});
afterAll(async () => env?.close());

const phone = { viewport: { width: 360, height: 800 }, javaScriptEnabled: false };
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const main = (page: Page) => page.locator("main").innerText();
const member = (page: Page, n: number, texts: Record<string, string> = en) => page.getByRole("group", { name: texts["registration.group.member"]!.replace("{n}", String(n)), exact: true });

describe("delegation registration", () => {
  it("a mission leader adds and removes rows without JavaScript, fixes a member's error, and is told to check email; all members are pending together", async () => {
    const { page } = await env.context(phone);
    await page.goto("/editions/showcase-2026/register");
    await page.getByRole("link", { name: "Foreign mission" }).click();
    await page.getByRole("link", { name: en["registration.group.link"] }).click();
    await expect.poll(() => page.locator("main h1").innerText(), SLOW).toBe(en["registration.group.title"]);
    expect(await member(page, 3).count()).toBe(1);
    expect(await member(page, 4).count()).toBe(0);

    await page.getByLabel(en["registration.form.organisation"], { exact: true }).fill("Embassy of Japan");
    await page.getByLabel(/Saturday/).check();
    await member(page, 1).getByLabel(en["registration.form.name"], { exact: true }).fill("Aiko Tanaka");
    await member(page, 1).getByLabel(en["registration.form.email"], { exact: true }).fill("aiko@mission.example");
    await member(page, 2).getByLabel(en["registration.form.name"], { exact: true }).fill("To Be Removed");
    await member(page, 3).getByLabel(en["registration.form.name"], { exact: true }).fill("Kenji Sato");
    await member(page, 3).getByLabel(en["registration.form.email"], { exact: true }).fill("kenji@mission");
    expect(await noSideScroll(page)).toBe(true);

    // Add a row: a round trip that keeps everything typed.
    await page.getByRole("button", { name: en["registration.group.add"] }).click();
    await member(page, 4).waitFor();
    expect(await member(page, 1).getByLabel(en["registration.form.name"], { exact: true }).inputValue()).toBe("Aiko Tanaka");
    expect(await page.getByLabel(/Saturday/).isChecked()).toBe(true);
    await member(page, 4).getByLabel(en["registration.form.name"], { exact: true }).fill("Yui Mori");
    await member(page, 4).getByLabel(en["registration.form.email"], { exact: true }).fill("yui@mission.example");

    // Remove member 2: the later rows move up.
    await page.getByRole("button", { name: en["registration.group.remove"].replace("{n}", "2") }).click();
    await expect.poll(() => member(page, 4).count(), SLOW).toBe(0);
    expect(await member(page, 2).getByLabel(en["registration.form.name"], { exact: true }).inputValue()).toBe("Kenji Sato");
    expect(await member(page, 3).getByLabel(en["registration.form.name"], { exact: true }).inputValue()).toBe("Yui Mori");

    // Register: Kenji's email is wrong and no consent was given; both said where they belong.
    await page.getByRole("button", { name: en["registration.group.submit"] }).click();
    await expect.poll(() => main(page), SLOW).toContain(en["validation.registration_consent_required"]);
    const kenjiEmail = member(page, 2).getByLabel(en["registration.form.email"], { exact: true });
    expect(await kenjiEmail.getAttribute("aria-invalid")).toBe("true");
    expect(await member(page, 2).locator(".error").innerText()).not.toBe("");
    expect(await member(page, 1).locator(".error").count()).toBe(0);
    expect(await kenjiEmail.inputValue()).toBe("kenji@mission");
    expect(await noSideScroll(page)).toBe(true);

    await kenjiEmail.fill("kenji@mission.example");
    await page.getByLabel(en["registration.group.consentData"]).check();
    await page.getByRole("button", { name: en["registration.group.submit"] }).click();
    await expect.poll(() => main(page), SLOW).toContain(en["registration.group.checkEmail"].replace("{count}", "3"));
    expect(await noSideScroll(page)).toBe(true);
    // The page says nothing of anyone's status; each member is emailed, and all are pending together.
    const made = await env.server.services.db
      .select({ name: registrations.name, status: registrations.status, groupId: registrations.groupId })
      .from(registrations)
      .where(inArray(registrations.email, ["aiko@mission.example", "kenji@mission.example", "yui@mission.example"]));
    expect(made.map((r) => `${r.name} | ${r.status}`).sort()).toEqual(["Aiko Tanaka | pending", "Kenji Sato | pending", "Yui Mori | pending"]);
    expect(new Set(made.map((r) => r.groupId)).size).toBe(1);
    const link = await emailedPath(env, "kenji@mission.example", "/registration/");
    await page.goto(link);
    expect(await main(page)).toContain("Kenji Sato");
  });

  it("in Urdu: right to left, errors per member in Urdu, at 360 px; axe finds nothing serious in either language", async () => {
    const { page } = await env.context(phone);
    await page.goto("/lang/ur");
    await page.goto("/editions/showcase-2026/register/group?category=development_partner");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await member(page, 1, ur).getByLabel(ur["registration.form.name"], { exact: true }).fill("ثنا خان");
    await member(page, 1, ur).getByLabel(ur["registration.form.email"], { exact: true }).fill("sana@donor.example");
    await member(page, 2, ur).getByLabel(ur["registration.form.email"], { exact: true }).fill("sana@donor.example");
    await page.getByRole("button", { name: ur["registration.group.submit"] }).click();
    await expect.poll(() => main(page), SLOW).toContain(ur["validation.registration_days_required"]);
    expect(await main(page)).toContain(ur["validation.registration_consent_required"]);
    // Member 2 has no name: the error is on that member's name field, in Urdu.
    expect(await member(page, 2, ur).getByLabel(ur["registration.form.name"], { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await member(page, 2, ur).locator(".error").first().innerText()).toMatch(/\p{Script=Arabic}/u);
    expect(await member(page, 1, ur).locator(".error").count()).toBe(0);
    expect(await noSideScroll(page)).toBe(true);
    // A non-delegation category is not offered here.
    await page.goto("/editions/showcase-2026/register/group?category=student");
    expect(await page.locator("main form").count()).toBe(0);

    const withJs = await env.context({ viewport: { width: 360, height: 800 } });
    await withJs.page.goto("/editions/showcase-2026/register/group?category=foreign_mission");
    expect(await seriousViolations(withJs.page, "delegation form")).toEqual([]);
    await withJs.page.getByRole("button", { name: en["registration.group.submit"] }).click();
    await expect.poll(() => main(withJs.page), SLOW).toContain(en["validation.registration_group_empty"]);
    expect(await seriousViolations(withJs.page, "delegation form with errors")).toEqual([]);
    // With JavaScript, adding a row does not reload and keeps what was typed.
    await member(withJs.page, 1).getByLabel(en["registration.form.name"], { exact: true }).fill("Omar Farooq");
    await withJs.page.getByRole("button", { name: en["registration.group.add"] }).click();
    await member(withJs.page, 4).waitFor();
    expect(await member(withJs.page, 1).getByLabel(en["registration.form.name"], { exact: true }).inputValue()).toBe("Omar Farooq");
    await withJs.page.goto("/lang/ur");
    await withJs.page.goto("/editions/showcase-2026/register/group?category=foreign_mission");
    expect(await seriousViolations(withJs.page, "delegation form (ur)")).toEqual([]);
  });
});
