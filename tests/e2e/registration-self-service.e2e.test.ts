import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { en, ur } from "../../src/messages";
import { startSmtpSink, type SmtpSink } from "../support/smtp";
import { SLOW, emailedPath, seriousViolations, beforeTheShow, startEnv, type Env } from "./helpers";

// A registrant changes their name through the manage link (the badge is reissued), loses the
// link and gets a new one by email over real SMTP (the old link then stops working); the form
// answers the same for an unknown email. Phone-sized, without JavaScript, and in Urdu.

let sink: SmtpSink;
let env: Env;
beforeAll(async () => {
  sink = await startSmtpSink();
  // Registration takes only days still to come: the server's clock runs from before the demo edition.
  env = await startEnv({ smtpPort: sink.port, clock: beforeTheShow() });
});
afterAll(async () => {
  await env?.close();
  await sink?.close();
});

const phone = { viewport: { width: 360, height: 800 }, javaScriptEnabled: false };
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const main = (page: Page) => page.locator("main").innerText();

/** Register through the form (phone, no JavaScript) and open the manage link the email brings. */
async function registerPublic(page: Page, name: string, email: string, t: Record<string, string> = en) {
  await page.goto("/editions/showcase-2026/register?category=general_public");
  await page.getByLabel(t["registration.form.name"]!, { exact: true }).fill(name);
  await page.getByLabel(t["registration.form.email"]!, { exact: true }).fill(email);
  await page.locator('input[name="day.0"]').check();
  await page.getByLabel(t["registration.form.consentDataText"]!).check();
  await page.getByRole("button", { name: t["registration.page.submit"] }).click();
  // "Check your email": the manage link comes by email only.
  await expect.poll(() => main(page), SLOW).toContain(t["registration.page.checkEmail"]!.replace("{email}", email));
  const path = await emailedPath(env, email.toLowerCase(), "/registration/");
  await page.goto(path);
  return page.url().replace(/\?.*$/, "");
}

describe("a registrant's own details and a lost link", () => {
  it("changes name and phone through the link; the badge is reissued and emailed", async () => {
    const { page } = await env.context(phone);
    const manageUrl = await registerPublic(page, "Imran Qureshi", "imran@visitor.example");
    await expect.poll(() => main(page), SLOW).toContain(en["registration.status.approved"]);
    await sink.waitFor((m) => m.to.includes("imran@visitor.example") && /\/badges\//.test(m.text), 15_000);

    await page.getByLabel(en["registration.form.name"], { exact: true }).fill("Imran Ali Qureshi");
    await page.getByLabel(en["registration.form.nameUr"], { exact: true }).fill("عمران علی قریشی");
    await page.getByLabel(en["registration.form.phone"], { exact: true }).fill("not a phone");
    await page.getByRole("button", { name: en["registration.manage.saveDetails"] }).click();
    await expect.poll(() => main(page), SLOW).toContain(en["validation.registration_invalid_phone"]);
    expect(await page.getByLabel(en["registration.form.name"], { exact: true }).inputValue()).toBe("Imran Ali Qureshi");
    await page.getByLabel(en["registration.form.phone"], { exact: true }).fill("+92 321 1234567");
    await page.getByRole("button", { name: en["registration.manage.saveDetails"] }).click();
    await expect.poll(() => main(page), SLOW).toContain(en["registration.manage.badgeReissued"]);
    expect(await page.locator("main dl").innerText()).toContain("Imran Ali Qureshi");
    expect(await noSideScroll(page)).toBe(true);
    // The second badge email (the reissued badge) arrives.
    await expect.poll(() => sink.messages.filter((m) => m.to.includes("imran@visitor.example") && /\/badges\//.test(m.text)).length, SLOW).toBe(2);

    const withJs = await env.context({ viewport: { width: 360, height: 800 } });
    await withJs.page.goto(manageUrl);
    expect(await seriousViolations(withJs.page, "manage page with details")).toEqual([]);
  });

  it("lost link: the same answer for anyone, a new link by email, the old one refused with a way back", async () => {
    const { page } = await env.context(phone);
    const oldUrl = await registerPublic(page, "Rabia Noor", "rabia@visitor.example");
    await page.goto("/editions/showcase-2026/register");
    await page.getByRole("link", { name: en["registration.lost.link"] }).click();
    await expect.poll(() => page.locator("main h1").innerText(), SLOW).toBe(en["registration.lost.title"]);
    expect(await noSideScroll(page)).toBe(true);

    // An unknown email: the same words, and no email.
    await page.getByLabel(en["registration.form.email"], { exact: true }).fill("nobody@visitor.example");
    await page.getByRole("button", { name: en["registration.lost.submit"] }).click();
    await expect.poll(() => page.getByRole("status").innerText(), SLOW).toBe(en["registration.lost.sent"]);

    await page.goto("/registration/lost-link?edition=showcase-2026");
    await page.getByLabel(en["registration.form.email"], { exact: true }).fill("Rabia@Visitor.example");
    await page.getByRole("button", { name: en["registration.lost.submit"] }).click();
    await expect.poll(() => page.getByRole("status").innerText(), SLOW).toBe(en["registration.lost.sent"]);

    const mail = await sink.waitFor((m) => m.to.includes("rabia@visitor.example") && m.subject.includes("new registration link"), 15_000);
    const link = /https?:\/\/\S+\/registration\/[\w-]+/.exec(mail.text)?.[0];
    expect(link?.startsWith(`${env.server.url}/registration/`)).toBe(true);
    expect(link).not.toBe(oldUrl);
    expect(sink.messages.some((m) => m.to.includes("nobody@visitor.example"))).toBe(false);

    await page.goto(link!);
    expect(await main(page)).toContain("Rabia Noor");
    const old = await page.goto(oldUrl);
    expect(old?.status()).toBe(410);
    expect(await main(page)).toContain(en["error.token_invalid"]);
    await page.getByRole("link", { name: en["registration.lost.title"] }).click();
    await expect.poll(() => page.locator("main h1").innerText(), SLOW).toBe(en["registration.lost.title"]);
  });

  it("registering an email again looks exactly like a new registration; its owner is emailed a new link in Urdu", async () => {
    // Zainab registered in Urdu and has her link.
    const mine = await env.context(phone);
    await mine.page.goto("/lang/ur");
    const oldUrl = await registerPublic(mine.page, "زینب", "zainab@visitor.example", ur);

    // Someone else, in English, types her email, and a new email: the two answers read the same.
    const other = await env.context(phone);
    await registerPublic(other.page, "Someone", "fresh-person@visitor.example");
    await other.page.goto("/editions/showcase-2026/register?category=general_public");
    await other.page.getByLabel(en["registration.form.name"], { exact: true }).fill("Someone");
    await other.page.getByLabel(en["registration.form.email"], { exact: true }).fill("Zainab@Visitor.example");
    await other.page.locator('input[name="day.1"]').check();
    await other.page.getByLabel(en["registration.form.consentDataText"]).check();
    await other.page.getByRole("button", { name: en["registration.page.submit"] }).click();
    await expect.poll(() => main(other.page), SLOW).toContain(en["registration.page.checkEmail"].replace("{email}", "Zainab@Visitor.example"));
    for (const status of ["approved", "pending", "waitlisted"] as const) expect(await main(other.page)).not.toContain(en[`registration.status.${status}`]);

    // Zainab gets "you are already registered" in Urdu with a new link; the old one stops working.
    const mail = await sink.waitFor((m) => m.to.includes("zainab@visitor.example") && m.subject.includes("پہلے سے رجسٹرڈ"), 15_000);
    const link = /https?:\/\/\S+\/registration\/[\w-]+/.exec(mail.text)![0];
    await mine.page.goto(link);
    expect(await main(mine.page)).toContain("زینب");
    const old = await mine.page.goto(oldUrl);
    expect(old?.status()).toBe(410);
  });

  it("in Urdu: the form reads right to left, a bad email is refused in Urdu; axe finds nothing serious", async () => {
    const { page } = await env.context(phone);
    await page.goto("/lang/ur");
    await page.goto("/registration/lost-link");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByLabel(ur["registration.form.email"], { exact: true }).fill("not-an-email");
    await page.getByRole("button", { name: ur["registration.lost.submit"] }).click();
    await expect.poll(() => page.locator("main .error").count(), SLOW).toBe(1);
    expect(await page.locator("main .error").innerText()).toMatch(/\p{Script=Arabic}/u);
    expect(await noSideScroll(page)).toBe(true);

    const withJs = await env.context({ viewport: { width: 360, height: 800 } });
    await withJs.page.goto("/registration/lost-link");
    expect(await seriousViolations(withJs.page, "lost link (en)")).toEqual([]);
    await withJs.page.goto("/lang/ur");
    await withJs.page.goto("/registration/lost-link");
    expect(await seriousViolations(withJs.page, "lost link (ur)")).toEqual([]);
  });
});
