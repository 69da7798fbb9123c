import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { solidPng } from "../../src/features/exhibitors/seed";
import { backOfficeEditionPath, demo, seriousViolations, signInByPost, startEnv, type Env } from "./helpers";

const exhibitor = "exhibitor@demo.numaish.pk";

// Issue #12, items 5 and 6: the demo exhibitor completes its public profile in Urdu with
// JavaScript off (fascia in both scripts, stall needs, samples, a product with its HS code, a
// photo), and its checklist follows; a visitor on a 360 px phone searches the catalogue in Urdu
// typed with Arabic letters, opens an exhibitor (its stall drawn on a small map of the hall, on its
// product's page too) and reaches its stall on the floor plan. Every page
// is axe-clean in English and Urdu and does not scroll sideways.

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env?.close());

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const catalogue = "/editions/showcase-2026/catalogue";
// "فورسیپس" (forceps) with the Arabic yeh ي for the Urdu ی.
const forcepsArabicYeh = "فورسيپس";

describe("the exhibitor portal", () => {
  it("an exhibitor completes its profile in Urdu without JavaScript", async () => {
    const { page } = await env.context({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, exhibitor);
    await page.goto(`/lang/ur?next=${encodeURIComponent("/account/exhibitor")}`);
    await page.waitForURL((u) => u.pathname === "/account/exhibitor");
    await page.getByRole("heading", { name: "آپ کا نمائش کنندہ پروفائل", level: 1 }).waitFor();
    expect(await page.getByTestId("own-stall").textContent()).toMatch(/آپ کا اسٹال: \d-\d+، ہال \d/);

    await page.getByLabel("اردو میں فیشیا نام").fill("بیلویتا سرجیکل");
    await page.getByLabel("انگریزی میں فیشیا نام (لاطینی حروف)").fill("BELVETA SURGICAL");
    await page.getByLabel("اردو میں تعارف").fill("ہم سیالکوٹ میں جراحی کے آلات بناتے ہیں۔");
    await page.getByLabel("بجلی کی ضرورت").selectOption("single_phase");
    // Stall needs the allocation reads: step-free access (a need) and a corner (a wish).
    const stepFree = page.getByLabel("ہمارے اسٹال پر کسی کو سیڑھی کے بغیر رسائی چاہیے", { exact: false });
    await stepFree.check();
    await page.getByLabel("ہم کونے کا اسٹال چاہتے ہیں").check();
    await page.getByLabel("مصنوعات کے نمونے جو آپ لائیں گے").fill("فورسیپس کے 12 نمونے");
    await page.getByLabel("رابطے کا موبائل نمبر").fill("0300 1234567");
    await page.getByLabel("میرا پروفائل عوامی کیٹلاگ میں دکھائیں").check();
    await page.getByRole("button", { name: "پروفائل محفوظ کریں" }).click();
    await page.getByText("محفوظ ہو گیا۔").waitFor();
    const state = (item: string) => page.getByTestId("checklist").locator(`li[data-item="${item}"]`).getAttribute("data-state");
    expect(await state("fascia")).toBe("done");
    expect(await state("power")).toBe("done");
    expect(await state("samples")).toBe("done");
    expect(await stepFree.isChecked()).toBe(true);
    expect(await page.getByLabel("ہم کونے کا اسٹال چاہتے ہیں").isChecked()).toBe(true);

    // A wrong HS code is refused in Urdu, with what was typed kept.
    await page.getByLabel("اردو میں مصنوعات کا نام").fill("آنکھ کی سرجری کی قینچی");
    await page.getByLabel("انگریزی میں مصنوعات کا نام").fill("Eye surgery scissors");
    await page.getByLabel("ایچ ایس کوڈ").fill("9");
    await page.getByRole("button", { name: "مصنوعات شامل کریں" }).click();
    await page.getByText("ایچ ایس کوڈ 2 سے 8 ہندسوں کا ہوتا ہے").first().waitFor();
    await page.getByLabel("ایچ ایس کوڈ").fill("9018.90");
    await page.getByRole("button", { name: "مصنوعات شامل کریں" }).click();
    await page.getByTestId("products").getByText("آنکھ کی سرجری کی قینچی").waitFor();

    // A photo, sent as a plain multipart form; a file that is not an image is refused.
    await page.getByLabel("یہ کیا ہے").selectOption("photo");
    await page.getByLabel("تصویر کی فائل").setInputFiles({ name: "note.png", mimeType: "image/png", buffer: Buffer.from("not an image at all") });
    await page.getByRole("button", { name: "اپ لوڈ کریں" }).click();
    await page.getByText("PNG، JPEG یا WebP تصویر اپ لوڈ کریں۔").first().waitFor();
    await page.getByLabel("تصویر کی فائل").setInputFiles({ name: "stall.png", mimeType: "image/png", buffer: solidPng(32, 24, [20, 90, 160]) });
    await page.getByRole("button", { name: "اپ لوڈ کریں" }).click();
    await page.getByText("محفوظ ہو گیا۔").waitFor();
    expect(await state("documents")).toBe("done");

    // The public page shows the Urdu profile.
    await page.getByRole("link", { name: "عوامی کیٹلاگ میں آپ کا صفحہ" }).click();
    await page.getByText("ہم سیالکوٹ میں جراحی کے آلات بناتے ہیں۔").waitFor();
  }, 120_000);

  it("is axe-clean in Urdu and English", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 } });
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, exhibitor);
    for (const locale of ["ur", "en"] as const) {
      await page.goto(`/lang/${locale}?next=${encodeURIComponent("/account/exhibitor")}`);
      await page.waitForURL((u) => u.pathname === "/account/exhibitor");
      await page.getByTestId("checklist").waitFor();
      expect(await seriousViolations(page, `portal (${locale})`)).toEqual([]);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    }
  }, 120_000);

  it("the organiser's list of exhibitors is axe-clean in Urdu and English (its wide table scrolls by keyboard)", async () => {
    const { page } = await env.context();
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.organiser);
    const path = `${await backOfficeEditionPath(page, { hasText: "2026" })}/exhibitors`;
    for (const locale of ["ur", "en"] as const) {
      await page.goto(`/lang/${locale}?next=${encodeURIComponent(path)}`);
      await page.getByTestId("exhibitors-table").waitFor();
      expect(await seriousViolations(page, `organiser's exhibitors (${locale})`)).toEqual([]);
    }
  }, 120_000);
});

describe("the public catalogue", () => {
  async function visit(page: Page, js: boolean, locale: "en" | "ur") {
    const checks = async (what: string) => {
      if (!js) return;
      expect(await seriousViolations(page, `${what} (${locale})`)).toEqual([]);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    };
    page.setDefaultTimeout(15_000);
    await page.goto(`/lang/${locale}?next=${encodeURIComponent(catalogue)}`);
    await page.waitForURL((u) => u.pathname === catalogue);
    await page.getByTestId("catalogue-list").waitFor();
    await checks("catalogue");
    const q = locale === "ur" ? forcepsArabicYeh : "forceps";
    await page.getByLabel(locale === "ur" ? "نمائش کنندگان اور مصنوعات تلاش کریں" : "Search exhibitors and products").fill(q);
    await Promise.all([page.waitForURL((u) => u.searchParams.get("q") === q), page.getByRole("button", { name: locale === "ur" ? "تلاش کریں" : "Search", exact: true }).click()]);
    const list = page.getByTestId("catalogue-list");
    expect(await list.getByRole("listitem").count()).toBeGreaterThan(0);
    if (locale === "ur") await expect.poll(() => list.textContent()).toContain("فورسیپس");
    await checks("search");
    await list.getByRole("listitem").first().getByRole("link").first().click();
    await page.waitForURL((u) => /\/catalogue\/[^/]+$/.test(u.pathname));
    await checks("exhibitor");
    const stall = page.getByTestId("stall-link");
    const href = (await stall.getAttribute("href"))!;
    expect(href).toMatch(/\/editions\/showcase-2026\/floor\/H\d\/stalls\//);
    // The small map under the link draws that stall, dark, with its number; its caption says where.
    const number = decodeURIComponent(href.split("/").pop()!);
    const located = async () => {
      const map = page.getByTestId("stall-locator");
      expect(await map.getAttribute("data-stall")).toBe(number);
      expect(await map.getByTestId("locator-stall").getAttribute("fill")).toBe("#0b4f33");
      expect(await map.locator("svg text").textContent()).toBe(number);
      expect(await map.locator("figcaption").textContent()).toContain(`${locale === "ur" ? "اسٹال" : "Stall"} ${number}: ${locale === "ur" ? "ہال" : "Hall"} `);
    };
    await located();
    // The same on one of its products' pages, from which the visitor goes on to the stall.
    await page.locator("main ul a[href*='/products/']").first().click();
    await page.waitForURL((u) => u.pathname.includes("/products/"));
    await checks("product");
    await located();
    await stall.click();
    await page.waitForURL((u) => u.pathname === href);
    await page.getByTestId("stall-exhibitor").waitFor();
  }

  it("a visitor on a phone searches in Urdu without JavaScript and reaches the stall", async () => {
    const { page } = await env.context({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    await visit(page, false, "ur");
  }, 120_000);

  it("is axe-clean on a phone in Urdu and English", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 } });
    await visit(page, true, "ur");
    await visit(page, true, "en");
  }, 180_000);
});
