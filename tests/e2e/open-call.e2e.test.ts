import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { en, ur } from "../../src/messages";
import { editions, sectors } from "../../src/features/editions/tables";
import { findCall } from "../../src/features/nominations/operations/call";
import { seedDemoOpenCall } from "../../src/features/selection/demo-open-call";
import { SLOW, demo, seriousViolations, signIn, startEnv, type Env, signInByPost } from "./helpers";

// On a freshly seeded demo, as a new user would: the chamber's representative
// finds the open call (the 2027 draft edition's) without being told its
// address, downloads the template, uploads a file with broken rows and reads
// the report; the organiser sets places per sector on that call in Urdu.

let env: Env;
beforeAll(async () => {
  env = await startEnv();
  // As seedDemo would on a fresh start (see the note in demo-open-call.ts on why it does not yet).
  const { db, clock } = env.server.services;
  const [y2026] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  await seedDemoOpenCall(db, { organiserId: y2026!.organiserId, editionId: y2026!.id, now: clock.now() });
});
afterAll(async () => env?.close());

const HEADER = "Enterprise name,NTN,Cluster,Size class,Annual turnover (PKR),Employees,Women-led,Contact person,Email,Mobile,District";
const file = (lines: string[]) => ({ name: "nominees.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...lines].join("\r\n") + "\r\n") });

describe("the demo's open call", () => {
  it("takes the chamber's spreadsheet: template, per-row report, valid rows nominated", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 } });
    await signInByPost(env, page, "chamber@demo.numaish.pk");
    await page.goto("/nominations");
    await expect.poll(() => page.locator("main h1").innerText(), SLOW).toBe(en["nominations.title"]);
    const main = await page.locator("main").innerText();
    expect(main).toContain("Made in Pakistan: SME Cluster Showcase 2027");
    expect(main).not.toContain(en["nominations.closed"]);
    // Last year's closed call is one link away, with its nominees.
    expect(await page.getByRole("link", { name: "Made in Pakistan: SME Cluster Showcase 2026" }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const href = await page.getByRole("link", { name: en["nominations.upload.template"] }).getAttribute("href");
    expect(href).toBe("/nominations/template.xlsx?edition=sme-showcase-2027");
    const template = await page.request.get(href!);
    expect(template.headers()["content-type"]).toContain("spreadsheetml");
    expect((await template.body()).subarray(0, 2).toString()).toBe("PK");

    await page.getByLabel(en["nominations.upload.file"], { exact: true }).setInputFiles(
      file([
        "Shalimar Leather,4500001-1,sialkot-leather-gloves-instruments,micro,9000000,8,yes,Nasreen,nasreen@example.pk,,Sialkot",
        "Broken Number,45-1,sialkot-leather-gloves-instruments,small,60000000,20,no,Akram,,0300-1234567,Sialkot",
        "Ravi Ceramics,4500003-1,gujrat-ceramics-fans-appliances,small,90000000,30,no,Bilal,,0321-7654321,Gujrat",
        "Too Big Works,4500004-1,gujrat-ceramics-fans-appliances,micro,900000000,200,no,Huma,,0333-7654321,Gujrat",
      ]),
    );
    await page.getByRole("button", { name: en["nominations.upload.check"] }).click();
    const problems = page.locator("table.problems tbody tr");
    await expect.poll(() => problems.count(), SLOW).toBeGreaterThanOrEqual(2);
    const rows = await problems.allInnerTexts();
    expect(rows.some((r) => r.includes("Row 3, NTN") && r.includes(en["nominations.problem.ntn_format"]) && r.includes("45-1"))).toBe(true);
    expect(rows.some((r) => r.startsWith("Row 5"))).toBe(true);
    expect(rows.every((r) => r.startsWith("Row 3") || r.startsWith("Row 5"))).toBe(true);
    expect(await seriousViolations(page, "open call report")).toEqual([]);

    await page.getByRole("button", { name: "Nominate the 2 ready rows" }).click();
    await expect.poll(() => page.locator("ul.nominees > li").count(), SLOW).toBe(2);
    const list = await page.locator("ul.nominees").innerText();
    expect(list).toContain("Shalimar Leather");
    expect(list).toContain(en["nominations.status.invited"]);
  });

  it("lets the organiser set places per sector on the call page, in Urdu", async () => {
    const { db } = env.server.services;
    const [edition] = await db.select().from(editions).where(eq(editions.slug, "sme-showcase-2027"));
    const [sector] = (await db.select().from(sectors).where(eq(sectors.editionId, edition!.id))).filter((s) => s.code === "surgical-light-engineering");
    const { context, page } = await env.context({ viewport: { width: 360, height: 800 } });
    await signIn(page, demo.organiser);
    await context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
    await page.goto(`/back-office/editions/${edition!.id}/call`);
    await expect.poll(() => page.locator("main h1").innerText(), SLOW).toBe(ur["nominations.call.title"]);
    expect(await page.locator("main").innerText()).toContain(ur["nominations.call.sectorTargets"]);
    const field = page.getByLabel(sector!.nameUr, { exact: true });
    await field.fill("25");
    await page.getByRole("button", { name: ur["nominations.call.save"] }).click();
    await expect.poll(() => page.getByRole("status").first().innerText(), SLOW).toContain(ur["nominations.call.saved"]);
    expect(await page.getByLabel(sector!.nameUr, { exact: true }).inputValue()).toBe("25");
    expect((await findCall(db, edition!.id))!.sectorTargets).toContainEqual({ sectorId: sector!.id, places: 25 });
    expect(await seriousViolations(page, "call (ur)")).toEqual([]);
  });
});
