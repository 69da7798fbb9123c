import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { en, ur } from "../../src/messages";
import type { Ctx } from "../../src/platform/context";
import { users } from "../../src/platform/auth/tables";
import { actorForUser } from "../../src/features/accounts/grants";
import { copyEdition } from "../../src/features/editions/operations/copy-edition";
import { editions } from "../../src/features/editions/tables";
import { publishCall, saveCall } from "../../src/features/nominations/operations/call";
import { nominateOne } from "../../src/features/nominations/operations/nominate";
import { defaultCriteria } from "../../src/features/nominations/schemas";
import { SLOW, demo, seriousViolations, signIn, startEnv, type Env, signInByPost } from "./helpers";

// Issue 4, tried as a new user would: a trade-body representative uploads a
// spreadsheet with a few broken rows, reads every problem by row and column in
// plain words, fixes the file, uploads it again and sees the nominees listed.

let env: Env;
let editionId = "";
beforeAll(async () => {
  env = await startEnv();
  // An open call on a copy of the demo edition (the demo's own call is completed).
  const { db, clock, config } = env.server.services;
  const [staff] = await db.select().from(users).where(eq(users.email, demo.organiser));
  const ctx: Ctx = { db, clock, config, locale: "en", actor: await actorForUser(db, staff!) };
  const [source] = await db.select().from(editions).where(eq(editions.slug, "showcase-2026"));
  const edition = await copyEdition(ctx, { editionId: source!.id, slug: "e2e-call", year: 2099, startsOn: "2099-01-23" });
  const now = clock.now().getTime();
  await saveCall(ctx, { editionId: edition.id, opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 30 * 86_400_000), criteria: defaultCriteria, totalStalls: 50, rule: { bonus: { womenLed: 5 } } });
  await publishCall(ctx, { editionId: edition.id });
  editionId = edition.id;
});
afterAll(async () => env?.close());

const HEADER = "Enterprise name,NTN,Cluster,Size class,Annual turnover (PKR),Employees,Women-led,Contact person,Email,Mobile,District";
const file = (lines: string[]) => ({ name: "nominees.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...lines].join("\r\n") + "\r\n") });
const good = [
  "Noor Footballs,4100001-1,sialkot-sports-goods,micro,9000000,8,yes,Noor Bibi,noor@example.pk,,Sialkot",
  "Sports Star,4100002-1,Sialkot sports goods,small,60000000,25,no,Adeel,,0300-1112223,Sialkot",
  "Pak Gloves,4100003-1,sialkot-sports-goods,micro,4000000,3,no,Kashif,,03214445556,Sialkot",
];
const broken = [
  "Bad Number Co,41-4,sialkot-sports-goods,micro,3000000,2,no,Rashid,,03001234567,Sialkot",
  "Nowhere Works,4100005-1,atlantis,small,abc,9,maybe,Huma,,,",
];
const fixed = [
  "Bad Number Co,4100004-1,sialkot-sports-goods,micro,3000000,2,no,Rashid,,03001234567,Sialkot",
  "Nowhere Works,4100005-1,sialkot-sports-goods,small,40000000,9,yes,Huma,,0333-7654321,Sialkot",
];

describe("a trade body nominates with a spreadsheet", () => {
  it("reports each broken cell by row and column, accepts the good rows, and takes the fixed file", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 } });
    await signInByPost(env, page, "chamber@demo.numaish.pk");
    await page.goto("/nominations?edition=e2e-call");
    await expect.poll(() => page.locator("main h1").innerText(), SLOW).toBe(en["nominations.title"]);
    expect(await page.getByRole("link", { name: en["nominations.upload.template"] }).count()).toBe(1);

    await page.getByLabel(en["nominations.upload.file"], { exact: true }).setInputFiles(file([...good, ...broken]));
    await page.getByRole("button", { name: en["nominations.upload.check"] }).click();
    const problems = page.locator("table.problems tbody tr");
    await expect.poll(() => problems.count(), SLOW).toBe(5);
    const rows = await problems.allInnerTexts();
    expect(rows[0]).toContain("Row 5, NTN");
    expect(rows[0]).toContain(en["nominations.problem.ntn_format"]);
    expect(rows[0]).toContain("41-4");
    expect(rows.some((r) => r.includes("Row 6, Cluster") && r.includes("atlantis"))).toBe(true);
    expect(rows.some((r) => r.includes("Row 6, Annual turnover (PKR)") && r.includes(en["nominations.problem.number_format"]))).toBe(true);
    expect(rows.some((r) => r.includes("Row 6, Women-led") && r.includes("maybe"))).toBe(true);
    expect(rows.some((r) => r.includes("Row 6, Mobile") && r.includes(en["nominations.problem.contact_missing"]))).toBe(true);
    expect(await seriousViolations(page, "nominations report")).toEqual([]);

    await page.getByRole("button", { name: "Nominate the 3 ready rows" }).click();
    await expect.poll(() => page.locator("ul.nominees > li").count(), SLOW).toBe(3);
    expect(await page.getByRole("status").first().innerText()).toContain("3 enterprises nominated");

    // The whole file again, broken rows fixed: the accepted rows are recognised, not errors.
    await page.getByLabel(en["nominations.upload.file"], { exact: true }).setInputFiles(file([...good, ...fixed]));
    await page.getByRole("button", { name: en["nominations.upload.check"] }).click();
    await expect.poll(() => page.locator("#report-title").count(), SLOW).toBe(1);
    expect(await problems.count()).toBe(0);
    expect(await page.locator("main").innerText()).toContain("rows 2, 3, 4");
    await page.getByRole("button", { name: "Nominate the 2 ready rows" }).click();
    await expect.poll(() => page.locator("ul.nominees > li").count(), SLOW).toBe(5);
    expect(await page.locator("ul.nominees").innerText()).toContain("Nowhere Works");
    expect(await page.locator("ul.nominees").innerText()).toContain(en["nominations.status.invited"]);
  });

  it("explains problems in Urdu to an Urdu reader", async () => {
    const { context, page } = await env.context();
    await signIn(page, "chamber@demo.numaish.pk");
    await context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
    await page.goto("/nominations?edition=e2e-call");
    await page.locator("input[type=file]").setInputFiles(file(["Urdu Test,12,sialkot-sports-goods,micro,100,1,no,Ali,,03001234567,"]));
    await page.locator("form[enctype] button[type=submit]").click();
    await expect.poll(() => page.locator("table.problems tbody tr").count(), SLOW).toBe(1);
    const text = await page.locator("table.problems").innerText();
    expect(text).toContain(ur["nominations.problem.ntn_format"]);
    expect(text).toContain("قطار 2");
    // The NTN example and the cell as typed keep their left-to-right order inside the Urdu page.
    expect(ur["nominations.problem.ntn_format"]).toContain("\u20661234567-8\u2069");
    expect(await page.locator("table.problems td bdi").first().getAttribute("dir")).toBe("ltr");
  });

  it("gives a new application link that fits a 360 px Urdu page, lands on its nominee and can be copied", async () => {
    const { context, page } = await env.context({ viewport: { width: 360, height: 740 } });
    await signIn(page, "chamber@demo.numaish.pk");
    await context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
    await page.goto("/nominations?edition=e2e-call");
    const cards = page.locator("ul.nominees > li");
    await expect.poll(() => cards.count(), SLOW).toBeGreaterThan(2);
    const last = cards.last();
    const id = await last.getAttribute("data-nominee");
    // Every card's button is inside the screen (a table used to push it off the left edge).
    for (const box of await cards.locator("button").evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect()))) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(360);
    }
    await last.getByRole("button").click();
    const field = page.locator(`#link-${id}`);
    await expect.poll(() => field.count(), SLOW).toBe(1);
    expect(await field.inputValue()).toMatch(/\/apply\/[\w-]{40,}\?lang=en$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), SLOW).toBe("link-notice");
    const inView = await field.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(await page.getByRole("button", { name: ur["nominations.link.copy"] }).count()).toBe(1);
    expect(await seriousViolations(page, "nominee links")).toEqual([]);

    // Without JavaScript: the field alone, and the page opens at the nominee's card.
    const plain = await env.context({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    await signInByPost(env, plain.page, "chamber@demo.numaish.pk");
    await plain.page.goto("/nominations?edition=e2e-call");
    await plain.page.locator("ul.nominees > li").last().getByRole("button").click();
    await expect.poll(() => plain.page.locator(`#link-${id}`).count(), SLOW).toBe(1);
    expect(new URL(plain.page.url()).hash).toBe(`#n-${id}`);
    expect(await plain.page.getByRole("button", { name: en["nominations.link.copy"] }).count()).toBe(0);
  });
});

describe("a nominee completes the application", () => {
  it("in Urdu, on a 360 px phone, without JavaScript: draft, photo, submit", async () => {
    const { db, clock, config } = env.server.services;
    const [rep] = await db.select().from(users).where(eq(users.email, "chamber@demo.numaish.pk"));
    const repCtx: Ctx = { db, clock, config, locale: "ur", actor: await actorForUser(db, rep!) };
    const { link } = await nominateOne(repCtx, { editionId, enterpriseName: "Sadia Crafts", ntn: "4200001-1", cluster: "sialkot-sports-goods", sizeClass: "micro", annualTurnoverPkr: "2000000", employees: "3", womenLed: "ہاں", contactName: "Sadia", phone: "0300-9998887" });

    const { context, page } = await env.context({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    await context.addCookies([{ name: "numaish_lang", value: "ur", url: env.server.url }]);
    await page.goto(new URL(link).pathname);
    expect(await page.locator("main h1").innerText()).toBe(ur["nominations.apply.title"]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByLabel(ur["nominations.apply.productName"].replace("{n}", "1")).fill("فٹ بال");
    await page.getByLabel(ur["nominations.apply.hsCode"]).first().fill("9506.62");
    await page.getByRole("button", { name: ur["nominations.apply.save"] }).click();
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(ur["nominations.apply.done.save"]);

    // A tiny PNG passes the byte check; a text file calling itself .jpg does not.
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    await page.getByLabel(ur["nominations.apply.photo"], { exact: true }).setInputFiles({ name: "p.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not an image") });
    await page.getByRole("button", { name: ur["nominations.apply.photoAdd"] }).click();
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(ur["nominations.apply.photoError"]);
    // Far over the limit: refused before the body is read into memory, with the same plain words.
    await page.getByLabel(ur["nominations.apply.photo"], { exact: true }).setInputFiles({ name: "big.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(4 * 1024 * 1024, 0xff) });
    await page.getByRole("button", { name: ur["nominations.apply.photoAdd"] }).click();
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(ur["nominations.apply.goBack"]);
    expect(await page.locator("main").innerText()).toContain(ur["nominations.apply.photoError"]);
    await page.goto(new URL(link).pathname);
    await page.getByLabel(ur["nominations.apply.photo"], { exact: true }).setInputFiles({ name: "p.png", mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: ur["nominations.apply.photoAdd"] }).click();
    await expect.poll(() => page.locator("main img").count(), SLOW).toBe(1);

    await page.getByLabel(ur["nominations.apply.goals"]).fill("یورپی خریداروں سے ملاقات");
    // Urdu digits are numbers; a second product with a wrong HS code.
    await page.getByLabel(ur["nominations.col.employees"]).fill("۳۰");
    await page.getByLabel(ur["nominations.apply.productName"].replace("{n}", "2")).fill("دستانے");
    await page.getByLabel(ur["nominations.apply.hsCode"]).nth(1).fill("abc");
    await page.getByRole("button", { name: ur["nominations.apply.submit"] }).click();
    // Every problem at once, at its field, in Urdu, keeping what was typed: the district the trade body
    // did not give, and the HS code (the Urdu digits are fine).
    await expect.poll(() => page.locator(".field-invalid").count(), SLOW).toBe(2);
    const invalid = await page.locator(".field-invalid").allInnerTexts();
    expect(invalid[0]).toContain(ur["nominations.col.district"]);
    expect(invalid[1]).toContain(ur["validation.hs_code_format"]);
    expect(await page.getByLabel(ur["nominations.apply.goals"]).inputValue()).toBe("یورپی خریداروں سے ملاقات");
    expect(await page.getByLabel(ur["nominations.col.employees"]).inputValue()).toBe("۳۰");
    await page.getByLabel(ur["nominations.col.district"]).fill("سیالکوٹ");
    await page.getByLabel(ur["nominations.apply.hsCode"]).nth(1).fill("۴۲۰۳.۲۱");
    await page.getByRole("button", { name: ur["nominations.apply.submit"] }).click();
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(ur["nominations.apply.done.submit"]);
    expect(await page.locator(".badge").first().innerText()).toBe(ur["nominations.status.submitted"]);
    expect(await page.getByLabel(ur["nominations.apply.productName"].replace("{n}", "1")).inputValue()).toBe("فٹ بال");
    expect(await page.getByLabel(ur["nominations.col.employees"]).inputValue()).toBe("30");
    // Submitted is plain: when, until when it can change, what happens next; no "save draft" any more.
    expect(await page.locator("#submitted-title").count()).toBe(1);
    expect(await page.getByRole("button", { name: ur["nominations.apply.save"] }).count()).toBe(0);
    await page.getByLabel(ur["nominations.apply.goals"]).fill("یورپی اور خلیجی خریداروں سے ملاقات");
    await page.getByRole("button", { name: ur["nominations.apply.update"] }).click();
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(ur["nominations.apply.done.update"]);
    expect(await page.locator(".badge").first().innerText()).toBe(ur["nominations.status.submitted"]);

    // axe runs in the page, so the accessibility check uses a context with JavaScript. No language
    // cookie here: the link itself (?lang=ur, the representative nominated in Urdu) opens the page in Urdu.
    const withJs = await env.context({ viewport: { width: 360, height: 780 } });
    expect(new URL(link).search).toBe("?lang=ur");
    await withJs.page.goto(new URL(link).pathname + new URL(link).search);
    await expect.poll(() => withJs.page.locator("html").getAttribute("lang"), SLOW).toBe("ur");
    expect(new URL(withJs.page.url()).search).toBe("");
    expect(await withJs.page.locator("main h1").innerText()).toBe(ur["nominations.apply.title"]);
    expect(await seriousViolations(withJs.page, "application")).toEqual([]);
  });
});
