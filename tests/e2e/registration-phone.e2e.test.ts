import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { editions } from "../../src/features/editions/tables";
import { en, ur } from "../../src/messages";
import { SLOW, beforeTheShow, demo, emailedPath, seriousViolations, signIn, startEnv, type Env, signInByPost } from "./helpers";

// The back office's registrations on a 360 px phone: one card per registration with name, status
// and days in view (no sideways scrolling), the caption whole; after approving, the notice is in
// view and has the focus. A signed-in visitor's form comes filled in; the Urdu done page aligns
// the registration number with the other values.

let env: Env;
beforeAll(async () => {
  // Registration takes only days still to come: the server's clock runs from before the demo edition.
  env = await startEnv({ clock: beforeTheShow() });
});
afterAll(async () => env?.close());

const phone = { viewport: { width: 360, height: 740 } };
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function registerBuyer(page: Page, name: string, email: string) {
  await page.goto("/editions/showcase-2026/register?category=corporate_buyer");
  await page.getByLabel(en["registration.form.name"], { exact: true }).fill(name);
  await page.getByLabel(en["registration.form.email"], { exact: true }).fill(email);
  await page.getByLabel(/Saturday/).check();
  await page.getByLabel(/Sunday/).check();
  await page.getByLabel(en["registration.form.consentDataText"]).check();
  await page.getByRole("button", { name: en["registration.page.submit"] }).click();
  // "Check your email": the manage link comes by email only.
  await page.getByTestId("registration-sent").waitFor();
  await page.goto(await emailedPath(env, email, "/registration/"));
  return page.url();
}

/** The demo's 2026 edition (the one these registrations are for, whichever edition is "current"). */
async function showcase2026() {
  const [row] = await env.server.services.db.select({ id: editions.id }).from(editions).where(eq(editions.slug, "showcase-2026"));
  return row!.id;
}

/** Whether the element lies wholly inside the window, left to right. */
const inViewX = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= 0 && r.right <= window.innerWidth && r.width > 0;
  });

describe("the back office's registrations at 360 px", () => {
  it("shows name, status and days of each registration without sideways scrolling, in English and Urdu", async () => {
    await registerBuyer((await env.context({ ...phone, javaScriptEnabled: false })).page, "Ayesha Siddiqui", "ayesha@buyer.example");
    const { context, page } = await env.context(phone);
    await signIn(page, demo.organiser);
    const edition = await showcase2026();
    for (const [lang, m] of [["en", en], ["ur", ur]] as const) {
      if (lang === "ur") await context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
      await page.goto(`/back-office/editions/${edition}/registrations?q=ayesha`);
      const row = page.locator("table.stack-table tbody tr").first();
      expect(await row.innerText()).toContain("Ayesha Siddiqui");
      for (const cell of ["td.cell-title", "td.cell-1", "td.cell-2", "td.cell-select"]) {
        expect(await inViewX(page, `table.stack-table tbody tr >> nth=0 >> ${cell}`), `${lang} ${cell}`).toBe(true);
      }
      // Each value says which column it is (the header row is hidden on a phone).
      const labelled = (cell: string) => row.locator(`td.${cell}`).evaluate((td) => [getComputedStyle(td, "::before").content, td.textContent]);
      expect(await labelled("cell-1")).toEqual([`"${m["registration.column.status"]}: "`, m["registration.status.pending"]]);
      expect((await labelled("cell-2"))[0]).toBe(`"${m["registration.column.days"]}: "`);
      // Name first, then status and days, before the number and category.
      const order = await row.evaluate((tr) =>
        [...tr.querySelectorAll("td")].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top || 0).map((td) => td.className),
      );
      expect(order.indexOf("cell-title")).toBeLessThan(order.indexOf("cell-1"));
      expect(order.indexOf("cell-1")).toBeLessThan(order.indexOf("cell-2"));
      expect(order.indexOf("cell-2")).toBeLessThan(order.indexOf("cell-3"));
      expect(await inViewX(page, "table.stack-table caption")).toBe(true);
      expect(await page.locator("table.stack-table caption").innerText()).toBe(m["registration.bo.count"].replace("{shown}", "1").replace("{total}", "1"));
      const scroller = await page.locator(".table-scroll").evaluate((el) => el.scrollWidth <= el.clientWidth);
      expect(scroller, `${lang}: the table does not scroll sideways`).toBe(true);
      expect(await noSideScroll(page)).toBe(true);
      expect(await seriousViolations(page, `bo registrations ${lang}`)).toEqual([]);
    }
  });

  it("after approving, the notice is in view and has the focus", async () => {
    await registerBuyer((await env.context({ ...phone, javaScriptEnabled: false })).page, "Bilal Ahmed", "bilal@buyer.example");
    const { page } = await env.context(phone);
    await signIn(page, demo.organiser);
    const edition = await showcase2026();
    await page.goto(`/back-office/editions/${edition}/registrations?q=bilal`);
    await page.getByLabel(en["registration.bo.selectOne"].replace("{name}", "Bilal Ahmed")).check();
    const approve = page.getByRole("button", { name: en["registration.bo.approve"] });
    await approve.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await approve.click();
    const notice = page.getByRole("status").filter({ hasText: "1 changed" });
    await notice.waitFor();
    await expect
      // Within a pixel: scrolling lands on whole pixels, layout on fractions (-0.2 px is in view).
      .poll(() => notice.evaluate((el) => document.activeElement === el && el.getBoundingClientRect().top > -1 && el.getBoundingClientRect().bottom < window.innerHeight + 1), SLOW)
      .toBe(true);
  });
});

describe("the public registration form", () => {
  it("comes filled in with a signed-in visitor's name and email", async () => {
    const { page } = await env.context(phone);
    await signInByPost(env, page, demo.visitor);
    await page.goto("/editions/showcase-2026/register?category=general_public");
    expect(await page.getByLabel(en["registration.form.name"], { exact: true }).inputValue()).toBe("Visitor (demo)");
    expect(await page.getByLabel(en["registration.form.email"], { exact: true }).inputValue()).toBe(demo.visitor);
    expect(await seriousViolations(page, "register signed in")).toEqual([]);
  });

  it("is empty for someone signed out", async () => {
    const { page } = await env.context(phone);
    await page.goto("/editions/showcase-2026/register?category=general_public");
    expect(await page.getByLabel(en["registration.form.name"], { exact: true }).inputValue()).toBe("");
  });

  it("the Urdu done page aligns the registration number with the other values", async () => {
    // Layout only: without JavaScript, so the post is the browser's own (no race with hydration).
    const { context, page } = await env.context({ ...phone, javaScriptEnabled: false });
    await context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
    await page.goto("/editions/showcase-2026/register?category=general_public");
    await page.getByLabel(ur["registration.form.name"], { exact: true }).fill("Hina Baig");
    await page.getByLabel(ur["registration.form.email"], { exact: true }).fill("hina@visitor.example");
    await page.locator("input[name='day.0']").check();
    await page.getByLabel(ur["registration.form.consentDataText"]).check();
    await page.getByRole("button", { name: ur["registration.page.submit"] }).click();
    await page.getByTestId("registration-sent").waitFor();
    await page.goto(await emailedPath(env, "hina@visitor.example", "/registration/"));
    const edges = await page.locator("main dl").evaluate((dl) => {
      const dds = [...dl.querySelectorAll("dd")];
      // The value's own text, not the block: where its right edge sits.
      const right = (dd: Element) => {
        const range = document.createRange();
        range.selectNodeContents(dd);
        return Math.round(range.getBoundingClientRect().right);
      };
      return { rights: dds.map(right), texts: dds.map((d) => d.textContent ?? "") };
    });
    const numberAt = edges.texts.findIndex((t) => /^\d+$/.test(t.trim()));
    const nameAt = edges.texts.findIndex((t) => t.includes("Hina Baig"));
    expect(numberAt).toBeGreaterThanOrEqual(0);
    expect(Math.abs(edges.rights[numberAt]! - edges.rights[nameAt]!)).toBeLessThanOrEqual(2);
    expect(await noSideScroll(page)).toBe(true);
  });
});
