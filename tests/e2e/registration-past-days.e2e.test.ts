import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { editions } from "../../src/features/editions/tables";
import { en, ur } from "../../src/messages";
import { SHOW_DAY_2 } from "../support/clocks";
import { clockFrom, seriousViolations, startEnv, type Env } from "./helpers";

// On the show's second day (25 January 2026, 11:00 in Lahore) the public form offers only the
// days still to come, and a posted past day is refused with a translated field error. When every
// day has passed, registration is closed.

let env: Env;
beforeAll(async () => {
  env = await startEnv({ clock: clockFrom(SHOW_DAY_2) });
});
afterAll(async () => env?.close());

const phone = { viewport: { width: 360, height: 740 } };

describe("days that have passed", () => {
  it("are not offered, in English and Urdu", async () => {
    const { context, page } = await env.context(phone);
    await page.goto("/editions/showcase-2026/register?category=general_public");
    const days = page.getByRole("group", { name: en["registration.form.days"] });
    const labels = await days.locator("label").allInnerTexts();
    expect(labels.map((l) => l.trim())).toEqual(["Sunday, 25 January 2026", "Monday, 26 January 2026"]);
    expect(await page.locator("input[name='day.0']").count()).toBe(0);
    expect(await seriousViolations(page, "register mid-show en")).toEqual([]);

    await context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
    await page.reload();
    const urLabels = await page.getByRole("group", { name: ur["registration.form.days"] }).locator("label").allInnerTexts();
    expect(urLabels.map((l) => l.trim())).toEqual(["اتوار، 25 جنوری، 2026", "پیر، 26 جنوری، 2026"]);
    expect(await seriousViolations(page, "register mid-show ur")).toEqual([]);
  });

  it("are refused when posted anyway, with the error on the days field", async () => {
    for (const [lang, m] of [["en", en], ["ur", ur]] as const) {
      const { context, page } = await env.context(phone);
      if (lang === "ur") await context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
      await page.goto("/editions/showcase-2026/register?category=general_public");
      await page.getByLabel(m["registration.form.name"], { exact: true }).fill("Late Comer");
      await page.getByLabel(m["registration.form.email"], { exact: true }).fill(`late.${lang}@visitor.example`);
      await page.getByLabel(m["registration.form.consentDataText"]).check();
      // Yesterday's box, as an old copy of the page would still have it.
      await page.locator("form[method=post]").evaluate((form) => {
        const box = document.createElement("input");
        box.type = "hidden";
        box.name = "day.0";
        box.value = "1";
        form.append(box);
      });
      await page.getByRole("button", { name: m["registration.page.submit"] }).click();
      await expect.poll(() => page.locator("#reg-days-error").innerText().catch(() => "")).toBe(m["validation.registration_day_past"]);
      expect(new URL(page.url()).pathname).toBe("/editions/showcase-2026/register");
    }
  });

  it("all of them: registration is closed", async () => {
    const { db } = env.server.services;
    await db.update(editions).set({ startsOn: "2026-01-20", endsOn: "2026-01-22" }).where(eq(editions.slug, "showcase-2026"));
    try {
      const { page } = await env.context(phone);
      await page.goto("/editions/showcase-2026/register");
      expect(await page.locator("main").innerText()).toContain(en["registration.page.noDaysLeft"]);
      expect(await page.getByRole("button", { name: en["registration.page.submit"] }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "General public" }).count()).toBe(0);
    } finally {
      await db.update(editions).set({ startsOn: "2026-01-24", endsOn: "2026-01-26" }).where(eq(editions.slug, "showcase-2026"));
    }
  });
});
