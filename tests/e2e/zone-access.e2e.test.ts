import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../src/platform/context";
import { demoEditionIds, insertApprovedRegistration } from "../../src/features/checkin/fixtures";
import { issueBadge } from "../../src/features/checkin/operations/issue-badge";
import { badges } from "../../src/features/checkin/tables";
import { SHOW_DAY_2 } from "../support/clocks";
import { backOfficeEditionPath, clockFrom, demo, seriousViolations, startEnv, type Env, signInByPost } from "./helpers";

// An organiser lets regulators into the B2B lounge on the zone-access page (a phone, 360 px) and
// grants the media enclave to one of them; the gate then admits that badge at both doors. On the
// show's second day, so the badge is valid today. The page is axe-clean in English and Urdu.

let env: Env;
let page: Page;
let zonePath: string;
let ids: Awaited<ReturnType<typeof demoEditionIds>>;

beforeAll(async () => {
  env = await startEnv({ clock: clockFrom(SHOW_DAY_2) });
  ids = await demoEditionIds(env.server.services.db);
  page = (await env.context({ viewport: { width: 360, height: 800 } })).page;
  await signInByPost(env, page, demo.organiser);
  zonePath = `${await backOfficeEditionPath(page, { hasText: "2026" })}/zone-access`;
});
afterAll(async () => env?.close());

async function regulatorBadge(email = "regulator@secp.example", name = "Hina Qureshi") {
  const s = env.server.services;
  const reg = await insertApprovedRegistration(s.db, ids.edition.id, { email, name, category: "regulatory_stakeholder" });
  await inTransaction({ db: s.db, clock: s.clock, config: s.config, locale: "en", actor: { kind: "anonymous" } }, (tx, ctx) => issueBadge(tx, ctx, reg.id));
  const [badge] = await s.db.select().from(badges).where(eq(badges.registrationId, reg.id));
  return { reg, code: badge!.code };
}

/** A scan at a gate, as the scanner page sends it online (organiser staff may scan too). */
async function scanAt(gate: string, code: string) {
  const res = await page.request.post(`/api/v1/gates/${ids.gate(gate).id}/scans`, { data: { code, deviceId: "e2e-zones" }, headers: { origin: env.server.url } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { reason: string }).reason;
}

const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("zone access page", () => {
  it("a rule ticked on the page admits the badge at the lounge door; a grant opens the media enclave", async () => {
    const { reg, code } = await regulatorBadge();
    expect(await scanAt("b2b_lounge", code)).toBe("zone_not_allowed");

    // From the check-in set-up page, as organisers find it.
    await page.goto(zonePath.replace(/zone-access$/, "checkin-setup"));
    await page.getByRole("link", { name: /^Zone access:/ }).click();
    await page.waitForURL((u) => u.pathname === zonePath);
    await page.evaluate(() => document.fonts.ready);
    expect(await seriousViolations(page, "zone access (en)")).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const box = page.getByLabel("Regulatory stakeholder: B2B meeting lounge", { exact: true });
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await page.getByRole("button", { name: "Save the rules" }).click();
    await page.getByText("Saved. Gates use the new rules from now on.").waitFor();
    expect(await page.getByLabel("Regulatory stakeholder: B2B meeting lounge", { exact: true }).isChecked()).toBe(true);
    expect(await scanAt("b2b_lounge", code)).toBe("ok");

    expect(await scanAt("media_enclave", code)).toBe("zone_not_allowed");
    await page.getByLabel("Registration number or email").fill(String(reg.number));
    await page.getByLabel("Zone", { exact: true }).selectOption({ label: "Media enclave" });
    await page.getByLabel("Reason").fill("Briefs the press on the SME policy");
    await page.getByRole("button", { name: "Grant the zone" }).click();
    await page.getByTestId("zone-grants").getByText("Briefs the press on the SME policy").waitFor();
    expect(await scanAt("media_enclave", code)).toBe("ok");
    // An unknown number is said on its field, in words.
    await page.getByLabel("Registration number or email").fill("nobody@example.pk");
    await page.getByLabel("Reason").fill("x");
    await page.getByRole("button", { name: "Grant the zone" }).click();
    await page.getByText("No registration of this edition has this number or email.").waitFor();
    expect(await seriousViolations(page, "zone access with an error")).toEqual([]);
  });

  it("works without JavaScript: a rule saved and a grant made by the browser's own form posts", async () => {
    const { code } = await regulatorBadge("noscript@sbp.example", "Asad Malik");
    const plain = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    await signInByPost(env, plain, demo.organiser);
    await plain.goto(zonePath);
    const box = plain.getByLabel("Regulatory stakeholder: Opening ceremony", { exact: true });
    const before = await box.isChecked();
    await (before ? box.uncheck() : box.check());
    await plain.getByRole("button", { name: "Save the rules" }).click();
    await plain.getByText("Saved. Gates use the new rules from now on.").waitFor();
    expect(await plain.getByLabel("Regulatory stakeholder: Opening ceremony", { exact: true }).isChecked()).toBe(!before);
    expect(await scanAt("auditorium", code)).toBe(before ? "zone_not_allowed" : "ok");

    await plain.getByLabel("Registration number or email").fill("noscript@sbp.example");
    await plain.getByLabel("Zone", { exact: true }).selectOption({ label: "Media enclave" });
    await plain.getByLabel("Reason").fill("Press conference without scripts");
    await plain.getByRole("button", { name: "Grant the zone" }).click();
    await plain.getByTestId("zone-grants").getByText("Press conference without scripts").waitFor();
    expect(await scanAt("media_enclave", code)).toBe("ok");
  });

  it("reads in Urdu, right to left, at 360 px", async () => {
    await page.goto(`/lang/ur?next=${encodeURIComponent(zonePath)}`);
    await page.waitForURL((u) => u.pathname === zonePath);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { name: "زون تک رسائی", level: 1 }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    expect(await seriousViolations(page, "zone access (ur)")).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
