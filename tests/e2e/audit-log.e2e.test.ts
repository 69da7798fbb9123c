import { afterAll, beforeAll, expect, it } from "vitest";
import { en, ur } from "../../src/messages";
import { SLOW, demo, seriousViolations, startEnv, type Env, signInByPost } from "./helpers";

// Issue #9 item 16: the organiser reads the audit log in their language, not raw codes and JSON.
// The change is made through a page (the account page, which is audited and switches the
// language to Urdu), then the log is read on a 360 px phone.

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env?.close());

it("shows the organiser translated actions and changes in Urdu, the raw JSON in a closed disclosure", async () => {
  const { page } = await env.context({ viewport: { width: 360, height: 780 } });
  await signInByPost(env, page, demo.organiser);
  await page.goto("/account");
  await page.getByLabel(en["auth.name"]).fill("Organiser Audited");
  await page.getByLabel(en["account.language"]).selectOption("ur");
  await page.getByRole("button", { name: en["account.save"] }).click();
  await expect.poll(() => page.getByRole("status").innerText(), SLOW).toContain(en["account.saved"]);

  await page.goto("/back-office/audit");
  expect(await page.locator("html").getAttribute("lang")).toBe("ur");
  const card = page.locator("ol.audit-entries > li", { hasText: ur["bo.audit.action.account.updated"] }).first();
  await card.waitFor();
  // The change reads as field: before → after, with the field's Urdu name.
  const changes = await card.locator(".audit-changes").innerText();
  expect(changes).toContain(ur["bo.audit.field.name"]);
  expect(changes).toContain("Organiser Audited");
  // The raw code and JSON are only inside the closed disclosure.
  const details = card.locator("details");
  expect(await details.getAttribute("open")).toBeNull();
  expect(await details.locator("summary").innerText()).toBe(ur["bo.audit.raw"]);
  expect(await details.locator("pre").textContent()).toContain('"action": "account.updated"');
  expect(await details.locator("pre").isVisible()).toBe(false);
  expect(await card.locator(":scope > strong").innerText()).not.toContain("account.updated");

  // The action filter offers the translated names, not codes.
  await page.getByLabel(ur["bo.audit.action"], { exact: true }).selectOption({ label: ur["bo.audit.action.account.updated"] });
  await Promise.all([page.waitForURL(/action=account\.updated/), page.getByRole("button", { name: ur["common.filter"] }).click()]);
  const titles = await page.locator("ol.audit-entries > li > strong").allInnerTexts();
  expect(titles.length).toBeGreaterThan(0);
  expect(new Set(titles)).toEqual(new Set([ur["bo.audit.action.account.updated"]]));

  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page, "audit log (ur, 360 px)")).toEqual([]);
});
