import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import jsQR from "jsqr";
import QRCode from "qrcode";
import { chromium } from "playwright-core";
import { PNG } from "pngjs";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/platform/auth/tables";
import { inTransaction } from "../../src/platform/context";
import { en } from "../../src/messages";
import { localDate } from "../../src/features/checkin/core/gate-bundle";
import { demoEditionIds, insertApprovedRegistration } from "../../src/features/checkin/fixtures";
import { issueBadge } from "../../src/features/checkin/operations/issue-badge";
import { badges, gates, scans, staffBadges, staffQuotas } from "../../src/features/checkin/tables";
import { registrations } from "../../src/features/registration/tables";
import { editions } from "../../src/features/editions/tables";
import { SLOW, demo, seriousViolations, signIn, startEnv, type Env, signInByPost } from "./helpers";
import { chromiumPath } from "../support/chromium";

// The done-when path on a phone-sized Chromium: an approved registration's badge PDF is rendered
// to PNG with pdftoppm and its QR decoded; gate staff type that text into /gate (as a keyboard-wedge
// scanner does): admitted, again refused (already inside), revoked, refused. Then offline: the
// network is cut, the page decides on the phone, queues, and uploads once it is back.

const run = promisify(execFile);
let env: Env;
let editionId: string;

beforeAll(async () => {
  env = await startEnv();
  const db = env.server.services.db;
  // The demo edition is in January 2026: move it to the server's today at the venue so its scans count.
  const today = localDate(env.server.services.clock.now(), "Asia/Karachi");
  const plus2 = new Date(Date.parse(`${today}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
  await db.update(editions).set({ startsOn: today, endsOn: plus2 }).where(eq(editions.slug, "showcase-2026"));
  editionId = (await demoEditionIds(db)).edition.id;
  // These journeys check the no-re-entry rule between halls; the demo's hall entrances allow
  // re-entry (seed.ts), so it is switched off here as an organiser would.
  await db.update(gates).set({ reentryAllowed: false }).where(eq(gates.editionId, editionId));
});
afterAll(async () => env?.close());

async function approvedBadge(email: string, userEmail?: string) {
  const db = env.server.services.db;
  const [user] = userEmail ? await db.select().from(users).where(eq(users.email, userEmail)) : [];
  const reg = await insertApprovedRegistration(db, editionId, { email, name: "Bilal Ahmed", nameUr: "بلال احمد", userId: user?.id ?? null });
  const s = env.server.services;
  await inTransaction({ db, clock: s.clock, config: s.config, locale: "en", actor: { kind: "anonymous" } }, (tx, ctx) => issueBadge(tx, ctx, reg.id));
  const [badge] = await db.select().from(badges).where(eq(badges.registrationId, reg.id));
  return { reg, code: badge!.code };
}

async function qrFromPdf(pdf: Buffer): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), "badge-e2e-"));
  try {
    await writeFile(join(dir, "b.pdf"), pdf);
    await run("pdftoppm", ["-png", "-r", "150", "-singlefile", join(dir, "b.pdf"), join(dir, "b")]);
    const png = PNG.sync.read(await readFile(join(dir, "b.png")));
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function scan(page: Page, code: string) {
  const field = page.getByLabel(en["checkin.gate.code"]);
  await field.fill(code);
  await field.press("Enter");
}
const result = (page: Page) => page.getByTestId("gate-result");

describe("badge to gate", () => {
  it("badge PDF → QR decoded → admitted at /gate → again refused → revoked → refused", async () => {
    const { reg, code } = await approvedBadge("bilal@buyer.example", demo.visitor);

    const visitor = await env.context({ viewport: { width: 360, height: 800 } });
    await signIn(visitor.page, demo.visitor);
    // The account shortcut leads to the badge page.
    await visitor.page.goto("/account/badge");
    expect(new URL(visitor.page.url()).pathname).toMatch(/^\/badges\/[0-9a-f-]{36}$/);
    await visitor.page.goto(`/badges/${reg.id}`);
    await expect.poll(() => visitor.page.locator("main").innerText(), SLOW).toContain("Bilal Ahmed");
    expect(await visitor.page.locator("main svg").count()).toBeGreaterThan(0);
    expect(await visitor.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousViolations(visitor.page, "badge")).toEqual([]);
    const pdf = await visitor.page.request.get(`/api/v1/registrations/${reg.id}/badge.pdf`);
    expect(pdf.status()).toBe(200);
    const decoded = await qrFromPdf(await pdf.body());
    expect(decoded).toBe(code);

    const gate = await env.context({ viewport: { width: 360, height: 800 } });
    await signInByPost(env, gate.page, "gate@demo.numaish.pk");
    await gate.page.goto("/gate");
    await gate.page.getByLabel(en["checkin.gate.chooseGate"]).selectOption({ label: "Hall 1 entrance" });
    expect(await seriousViolations(gate.page, "gate")).toEqual([]);
    await scan(gate.page, decoded!);
    await expect.poll(() => result(gate.page).getAttribute("data-result"), SLOW).toBe("admit");
    await expect.poll(() => result(gate.page).innerText(), SLOW).toContain(en["checkin.reason.ok"]);
    await scan(gate.page, decoded!);
    await expect.poll(() => result(gate.page).innerText(), SLOW).toContain(en["checkin.reason.already_inside"]);
    expect(await result(gate.page).getAttribute("data-result")).toBe("refuse");

    const staff = await env.context();
    await signIn(staff.page, demo.organiser);
    const revoke = await staff.page.request.post(`/api/v1/registrations/${reg.id}/badge/revoke`, { data: { reason: "Lost badge" }, headers: { origin: env.server.url } });
    expect(revoke.status()).toBe(200);
    await scan(gate.page, decoded!);
    await expect.poll(() => result(gate.page).innerText(), SLOW).toContain(en["checkin.reason.revoked"]);
    await scan(gate.page, "not a badge");
    await expect.poll(() => result(gate.page).innerText(), SLOW).toContain(en["checkin.reason.unknown_code"]);
  });

  it("keeps working offline: decides on the phone, queues, uploads once when back online", async () => {
    const { reg, code } = await approvedBadge("offline@buyer.example");
    const gate = await env.context({ viewport: { width: 360, height: 800 } });
    await signInByPost(env, gate.page, "gate@demo.numaish.pk");
    await gate.page.goto("/gate");
    await gate.page.getByLabel(en["checkin.gate.chooseGate"]).selectOption({ label: "Hall 2 entrance" });
    // The bundle is saved and the service worker is ready before the network goes.
    await gate.page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("numaish.gate.bundle")));
    await gate.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

    await gate.context.setOffline(true);
    await scan(gate.page, code);
    await expect.poll(() => result(gate.page).getAttribute("data-result"), SLOW).toBe("admit");
    await expect.poll(() => gate.page.getByTestId("gate-status").innerText(), SLOW).toContain(en["checkin.gate.offline"]);
    await scan(gate.page, code);
    await expect.poll(() => result(gate.page).innerText(), SLOW).toContain(en["checkin.reason.already_inside"]);
    await expect.poll(() => gate.page.getByTestId("gate-queue").innerText(), SLOW).toBe(en["checkin.gate.queue"].replace("{count}", "2"));
    // A reload with the network gone still opens the scanner (service worker cache).
    await gate.page.reload();
    await expect.poll(() => gate.page.getByTestId("gate-queue").innerText(), SLOW).toBe(en["checkin.gate.queue"].replace("{count}", "2"));

    await gate.context.setOffline(false);
    await gate.page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect.poll(() => gate.page.getByTestId("gate-queue").innerText(), SLOW).toBe(en["checkin.gate.queue"].replace("{count}", "0"));
    const recorded = await env.server.services.db.select().from(scans).where(and(eq(scans.registrationId, reg.id), eq(scans.offline, true)));
    expect(recorded.map((s) => s.reason).sort()).toEqual(["already_inside", "ok"]);
  });

  it("the scanner form works without JavaScript, and the footfall page updates live", async () => {
    const { code } = await approvedBadge("nojs@buyer.example");
    const staff = await env.context({ viewport: { width: 360, height: 800 } });
    await signInByPost(env, staff.page, demo.organiser);
    await staff.page.goto(`/back-office/editions/${editionId}/footfall`);
    const entries = async () => Number((await staff.page.getByTestId("footfall-entries").innerText()).replace(/\D/g, ""));
    const before = await entries();
    expect(await seriousViolations(staff.page, "footfall")).toEqual([]);
    expect(await staff.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const gate = await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    await signInByPost(env, gate.page, "gate@demo.numaish.pk");
    await gate.page.goto("/gate");
    await gate.page.getByLabel(en["checkin.gate.chooseGate"]).selectOption({ label: "Hall 3 entrance" });
    await scan(gate.page, code);
    await expect.poll(() => result(gate.page).innerText(), SLOW).toContain(en["checkin.reason.ok"]);
    // The chosen gate is kept for the next person.
    expect(await gate.page.getByLabel(en["checkin.gate.chooseGate"]).inputValue()).toBe((await demoEditionIds(env.server.services.db)).gate("hall3").id);

    // No reload on the organiser's page: the SSE stream brings the new entry.
    await expect.poll(entries, SLOW).toBe(before + 1);
  });

  it("an exhibitor issues a staff badge from its own account without JavaScript", async () => {
    const { page } = await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    await signInByPost(env, page, "exhibitor@demo.numaish.pk");
    await page.goto("/account/staff-badges");
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(en["checkin.staff.quota"].replace("{used}", "0").replace("{quota}", "5"));
    await page.getByLabel(en["checkin.staff.name"], { exact: true }).fill("Sana Iqbal");
    await page.getByLabel(en["checkin.staff.email"], { exact: true }).fill("sana@stall.example");
    await page.getByRole("button", { name: en["checkin.staff.add"] }).click();
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(en["checkin.staff.quota"].replace("{used}", "1").replace("{quota}", "5"));
    await page.getByRole("link", { name: "Sana Iqbal" }).click();
    await expect.poll(() => page.locator("main svg").count(), SLOW).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it("an exhibitor with quotas on two editions picks next year's and issues there, without JavaScript", async () => {
    const db = env.server.services.db;
    const [next] = await db.select().from(editions).where(eq(editions.slug, "sme-showcase-2027"));
    const [quota2026] = await db.select().from(staffQuotas).where(eq(staffQuotas.editionId, editionId));
    await db.insert(staffQuotas).values({ editionId: next!.id, enterpriseId: quota2026!.enterpriseId, quota: 2 });
    const { page } = await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    await signInByPost(env, page, "exhibitor@demo.numaish.pk");
    await page.goto("/account/staff-badges");
    // The show on today (the 2026 one, moved to today above) comes first.
    const picker = page.getByLabel(en["checkin.staff.edition"], { exact: true });
    expect(await picker.inputValue()).toBe(editionId);
    await picker.selectOption(next!.id);
    await page.getByRole("button", { name: en["checkin.staff.choose"] }).click();
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(en["checkin.staff.quota"].replace("{used}", "0").replace("{quota}", "2"));
    await page.getByLabel(en["checkin.staff.name"], { exact: true }).fill("Hamza Tariq");
    await page.getByLabel(en["checkin.staff.email"], { exact: true }).fill("hamza@stall.example");
    await page.getByRole("button", { name: en["checkin.staff.add"] }).click();
    await expect.poll(() => page.locator("main").innerText(), SLOW).toContain(en["checkin.staff.quota"].replace("{used}", "1").replace("{quota}", "2"));
    const [issued] = await db.select().from(staffBadges).innerJoin(registrations, eq(registrations.id, staffBadges.registrationId)).where(eq(registrations.email, "hamza@stall.example"));
    expect(issued!.exhibitor_staff_badges.editionId).toBe(next!.id);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // axe needs JavaScript: the page with its picker in an ordinary context.
    const withJs = await env.context({ viewport: { width: 360, height: 800 } });
    await signInByPost(env, withJs.page, "exhibitor@demo.numaish.pk");
    await withJs.page.goto("/account/staff-badges");
    expect(await seriousViolations(withJs.page, "staff badges with a picker")).toEqual([]);
  });

  it("an organiser reprints and revokes a badge from the back office without JavaScript", async () => {
    const { reg } = await approvedBadge("admin@buyer.example");
    const { page } = await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    await signInByPost(env, page, demo.organiser);
    await page.goto(`/back-office/editions/${editionId}/badges?number=${reg.number}`);
    await page.getByRole("button", { name: en["checkin.admin.reprint"] }).click();
    await expect.poll(() => page.getByTestId("badge-admin-found").innerText(), SLOW).toContain(en["checkin.admin.replaced"]);
    await page.getByLabel(en["checkin.admin.reason"]).fill("Duplicate issued by mistake");
    await page.getByRole("button", { name: en["checkin.admin.revoke"] }).click();
    await expect.poll(() => page.getByTestId("badge-admin-found").innerText(), SLOW).toContain("Duplicate issued by mistake");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const rows = await env.server.services.db.select().from(badges).where(eq(badges.registrationId, reg.id));
    // Revoking covers every badge of the registration, the replaced one too.
    expect(rows.map((b) => [b.serial, !!b.revokedAt]).sort()).toEqual([
      [0, true],
      [1, true],
    ]);
  });

  it("scans a badge with the camera (a fake camera showing the badge's QR)", async () => {
    const { code } = await approvedBadge("camera@buyer.example");
    // A Y4M video of the QR code (black modules on white, 8 px each) for Chromium's fake camera.
    const qr = QRCode.create(code, { errorCorrectionLevel: "M" });
    const size = qr.modules.size;
    const scale = 8;
    const side = (size + 8) * scale;
    const w = side + (side % 2);
    const y = Buffer.alloc(w * w, 235);
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++)
        if (qr.modules.get(r, c))
          for (let dy = 0; dy < scale; dy++) y.fill(16, ((r + 4) * scale + dy) * w + (c + 4) * scale, ((r + 4) * scale + dy) * w + (c + 5) * scale);
    const chroma = Buffer.alloc((w / 2) * (w / 2), 128);
    const dir = await mkdtemp(join(tmpdir(), "cam-"));
    const file = join(dir, "qr.y4m");
    await writeFile(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${w} F5:1 Ip A1:1 C420jpeg\nFRAME\n`), y, chroma, chroma]));
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${file}`],
    });
    try {
      const context = await browser.newContext({ baseURL: env.server.url, viewport: { width: 360, height: 800 }, permissions: ["camera"] });
      const page = await context.newPage();
      await signInByPost(env, page, "gate@demo.numaish.pk");
      await page.goto("/gate");
      await page.getByRole("button", { name: en["checkin.gate.camera"] }).click();
      await expect.poll(() => result(page).innerText(), SLOW).toContain(en["checkin.reason.ok"]);
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
