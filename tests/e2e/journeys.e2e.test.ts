import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { en, ur } from "../../src/messages";
import { SLOW, demo, emailedPath, signIn, startEnv, type Env, signInByPost } from "./helpers";

// The journeys of issue 2 in Debian's Chromium against the production build.
// Texts come from the catalogues, so a wording change does not break a journey
// but a missing translation (English text on an Urdu page) does.

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env?.close());

const EDITION = "Made in Pakistan: SME Cluster Showcase 2026";
const h1 = (page: Page) => page.locator("main h1").first().innerText();

async function signOut(page: Page, label: string = en["nav.signOut"]) {
  await Promise.all([page.waitForURL((u) => u.pathname !== "/account"), page.getByRole("button", { name: label }).click()]);
}

describe("accounts", () => {
  it("signs up by emailed link, lands on the account page, signs out and signs in again", async () => {
    const { page } = await env.context();
    await page.goto("/");
    await page.getByRole("link", { name: en["nav.signUp"] }).click();
    await page.getByLabel(en["auth.name"]).fill("Zara Qureshi");
    await page.getByLabel(en["auth.email"]).fill("zara@example.pk");
    await page.getByRole("button", { name: en["accounts.signUp.send"] }).click();
    await expect.poll(() => page.getByTestId("sign-up-sent").innerText(), SLOW).toBe(en["accounts.signUp.sent"].replace("{email}", "zara@example.pk"));
    const link = await emailedPath(env, "zara@example.pk", "/sign-up/");
    await page.goto(link);
    await page.getByLabel(en["auth.password"], { exact: true }).fill("a long enough password");
    await Promise.all([page.waitForURL("**/account"), page.getByRole("button", { name: en["auth.signUp.submit"] }).click()]);
    await expect.poll(() => h1(page), SLOW).toBe(en["account.title"]);
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain("zara@example.pk");

    await signOut(page);
    await expect.poll(() => page.getByRole("link", { name: en["nav.signIn"] }).count(), SLOW).toBe(1);
    expect((await page.goto("/account"))?.url()).toContain("/sign-in");

    await signIn(page, "zara@example.pk", "a long enough password");
    await page.getByRole("link", { name: en["nav.account"] }).click();
    await page.waitForURL("**/account");
    await expect.poll(() => page.getByLabel(en["auth.name"]).inputValue(), SLOW).toBe("Zara Qureshi");

    // The link worked once: opened again, it says so and offers to start again.
    const again = await env.context();
    await again.page.goto(link);
    await expect.poll(() => again.page.getByTestId("sign-up-invalid").innerText(), SLOW).toBe(en["accounts.signUp.invalid"]);
    // Signing up again with the address answers the same "check your email"; the owner is emailed instead.
    await again.page.goto("/sign-up");
    await again.page.getByLabel(en["auth.name"]).fill("Not Zara");
    await again.page.getByLabel(en["auth.email"]).fill("zara@example.pk");
    await again.page.getByRole("button", { name: en["accounts.signUp.send"] }).click();
    await expect.poll(() => again.page.getByTestId("sign-up-sent").innerText(), SLOW).toBe(en["accounts.signUp.sent"].replace("{email}", "zara@example.pk"));
    expect(await emailedPath(env, "zara@example.pk", "/forgot-password", "sign_up_existing")).toBe("/forgot-password");
  });

  it("refuses a wrong password inline, keeping the email typed", async () => {
    const { page } = await env.context();
    await page.goto("/sign-in");
    await page.getByLabel(en["auth.email"]).fill(demo.visitor);
    await page.getByLabel(en["auth.password"], { exact: true }).fill("not my password");
    await page.getByRole("button", { name: en["auth.signIn.submit"] }).click();
    await expect.poll(() => page.getByRole("alert").innerText(), SLOW).toContain(en["error.invalid_credentials"]);
    expect(await page.getByLabel(en["auth.email"]).inputValue()).toBe(demo.visitor);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  });
});

describe("English and Urdu", () => {
  it("switches to Urdu: right to left, translated, persistent, with the app's own webfont", async () => {
    const { context, page, requests } = await env.context();
    const fonts: { url: string; status: number }[] = [];
    context.on("response", (r) => {
      if (/\.woff2(\?|$)/.test(r.url())) fonts.push({ url: r.url(), status: r.status() });
    });
    await page.goto("/");
    expect(await page.locator("html").getAttribute("dir")).toBe("ltr");
    await page.getByRole("link", { name: en["lang.switchLabel"] }).click();
    await page.waitForFunction(() => document.documentElement?.lang === "ur");

    const html = page.locator("html");
    expect(await html.getAttribute("dir")).toBe("rtl");
    expect(await html.getAttribute("lang")).toBe("ur");
    expect(new URL(page.url()).pathname).toBe("/");
    const headings = await page.locator("main h2").allInnerTexts();
    expect(headings).toContain(ur["home.spaces"]);
    expect(headings).toContain(ur["home.clusters"]);
    expect(headings).not.toContain(en["home.spaces"]);

    // Navigating keeps Urdu, and so does a fresh page load in the same browser.
    await page.getByRole("link", { name: ur["nav.signIn"] }).first().click();
    await expect.poll(() => h1(page), SLOW).toBe(ur["auth.signIn.title"]);
    expect(await page.locator("label").first().innerText()).toBe(ur["auth.email"]);
    const fresh = await context.newPage();
    await fresh.goto("/sign-up");
    expect(await fresh.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await h1(fresh)).toBe(ur["auth.signUp.title"]);
    expect(await fresh.title()).toBe(`${ur["auth.signUp.title"]} · ${ur["app.name"]}`);

    // The Nastaliq webfont comes from our own /assets/, and it is actually used.
    await page.evaluate(() => document.fonts.ready);
    await expect.poll(() => fonts.some((f) => f.url.startsWith(`${env.server.url}/assets/`) && f.status === 200), SLOW).toBe(true);
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family));
    expect(loaded.join(" ")).toMatch(/Nastaliq/i);
    const foreign = requests.filter((u) => !u.startsWith(env.server.url) && !/^(data|blob):/.test(u));
    expect(foreign).toEqual([]);

    // And back to English.
    await page.getByRole("link", { name: ur["lang.switchLabel"] }).click();
    await page.waitForFunction(() => document.documentElement?.lang === "en");
    await expect.poll(() => h1(page), SLOW).toBe(en["auth.signIn.title"]);
  });

  it("answers an unknown address with a 404 page in both languages", async () => {
    const { page } = await env.context();
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    expect(await h1(page)).toBe(en["notFound.title"]);
    expect(await page.title()).toBe(`${en["notFound.title"]} · ${en["app.name"]}`);
    expect(await page.getByRole("link", { name: en["notFound.home"] }).count()).toBe(1);
    await page.goto("/lang/ur?next=/editions/no-such-edition");
    expect(await h1(page)).toBe(ur["notFound.title"]);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    const again = await page.goto("/definitely/missing");
    expect(again?.status()).toBe(404);
    expect(await h1(page)).toBe(ur["notFound.title"]);
  });

  it("has no horizontal scroll on a 360 px phone, in English and in Urdu", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const widths = async () => {
      await page.evaluate(() => document.fonts.ready);
      return page.evaluate(() => document.scrollingElement!.scrollWidth);
    };
    for (const lang of ["en", "ur"]) {
      await page.goto(`/lang/${lang}?next=/`);
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      expect(await widths(), `home in ${lang}`).toBeLessThanOrEqual(360);
    }
    // Signed in (a longer header) and the back office, where tables are widest.
    await page.goto("/lang/en?next=/");
    await signInByPost(env, page, demo.organiser);
    await page.goto("/back-office");
    const edition = await page.locator('main a[href^="/back-office/editions/"]').first().getAttribute("href");
    for (const lang of ["en", "ur"]) {
      for (const path of ["/", "/account", "/back-office", edition!, "/back-office/audit"]) {
        await page.goto(`/lang/${lang}?next=${encodeURIComponent(path)}`);
        expect(await widths(), `${path} in ${lang}`).toBeLessThanOrEqual(360);
      }
    }
  });
});

describe("forms without JavaScript", () => {
  it("signs in and shows validation errors inline from the server", async () => {
    const { page } = await env.context({ javaScriptEnabled: false });
    await page.goto("/sign-up");
    await page.getByLabel(en["auth.name"]).fill("No Script");
    await page.getByLabel(en["auth.email"]).fill("not-an-email");
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: en["accounts.signUp.send"] }).click(),
    ]);
    expect(res.status()).toBe(400);
    await page.waitForLoadState("domcontentloaded");
    expect(await page.locator("#f-email-error").innerText()).toBe(en["validation.invalid_email"]);
    expect(await page.locator("#f-email").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#f-name").inputValue()).toBe("No Script");

    await page.goto("/sign-in");
    await page.getByLabel(en["auth.email"]).fill(demo.visitor);
    await page.getByLabel(en["auth.password"], { exact: true }).fill(demo.password);
    await Promise.all([page.waitForURL((u) => u.pathname === "/"), page.getByRole("button", { name: en["auth.signIn.submit"] }).click()]);
    expect(await page.getByRole("button", { name: en["nav.signOut"] }).count()).toBe(1);
  });
});

describe("back office", () => {
  it("refuses a visitor the back office pages and its API", async () => {
    const { page, context } = await env.context();
    await signIn(page, demo.visitor);
    expect(await page.getByRole("link", { name: en["nav.backOffice"] }).count()).toBe(0);
    for (const path of ["/back-office", "/back-office/audit", "/back-office/outbox"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      expect(await page.locator("main").innerText()).toContain(en["error.forbidden"]);
      expect(await page.locator(".bo-nav").count()).toBe(0);
    }
    const api = context.request;
    for (const path of ["/api/v1/audit", "/api/v1/outbox", "/api/v1/api-tokens"]) {
      const res = await api.get(path);
      expect(res.status(), path).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    const current = await (await api.get("/api/v1/editions/current")).json();
    const id = current.edition?.id ?? current.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const res = await api.post(`/api/v1/editions/${id}/clusters`, {
      headers: { origin: env.server.url },
      data: { slug: "sneaky", nameEn: "Sneaky", nameUr: "چپکے", sectorId: null, district: "X", province: "Punjab", hsCodes: [] },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });

  it("lets an organiser add a cluster from the edition page", async () => {
    const { page } = await env.context();
    await signIn(page, demo.organiser);
    await page.getByRole("link", { name: en["nav.backOffice"] }).click();
    await page.waitForURL("**/back-office");
    await page.getByRole("link", { name: EDITION }).first().click();
    await page.waitForURL("**/back-office/editions/*");

    const form = page.locator("form", { has: page.getByRole("button", { name: "Add a cluster" }) });
    const fill = async (label: string, value: string) => {
      const field = form.getByLabel(label, { exact: true });
      if ((await field.evaluate((e) => e.tagName)) === "SELECT") {
        const options = await field.locator("option").allInnerTexts();
        await field.selectOption({ label: options.find((o) => o.includes(value)) ?? options[1]! });
      } else await field.fill(value);
    };
    await fill("Short name for web addresses", "e2e-brassware");
    await fill("Name (English)", "E2E Brassware Cluster");
    await fill("Name (Urdu)", "ای ٹو ای پیتل کلسٹر");
    await fill("Sector", "Handicrafts");
    await fill("District", "Moradabad Test");
    await fill("Province", "Punjab");
    await fill("HS headings (comma separated, 4 digits)", "7418, 8306");
    await form.getByRole("button", { name: "Add a cluster" }).click();

    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain("Cluster added.");
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain("E2E Brassware Cluster");
    // Listed on the 2026 show's public page too, after a full reload (the home page shows the
    // current edition, which is next year's).
    await page.goto("/editions/showcase-2026");
    expect(await page.locator("main").innerText()).toContain("E2E Brassware Cluster");
  });
});
