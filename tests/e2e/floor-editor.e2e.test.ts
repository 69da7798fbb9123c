import type { Page } from "playwright-core";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backOfficeEditionPath, demo, seriousViolations, signInByPost, startEnv, type Env } from "./helpers";

// Issue #12, item 2: an organiser draws a hall of next year's edition (the 2026 demo plan stays as
// it is) with JavaScript off: a hall, a row of stalls numbered in sequence, a cluster pavilion
// around them, a broken DXF refused with its report and nothing imported, then the drawing's
// stalls imported; a stall chosen on the plan opens in the edit form. In English and Urdu, axe-clean.

let env: Env;
let floorPath: string;
let hallPath: string;
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/floor/${name}`, import.meta.url));

beforeAll(async () => {
  env = await startEnv();
  const probe = (await env.context()).page;
  await signInByPost(env, probe, demo.organiser);
  floorPath = `${await backOfficeEditionPath(probe, { hasText: "2027" })}/floor`;
});
afterAll(async () => env?.close());

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const tableNumbers = (page: Page) => page.getByTestId("stall-table").locator("tbody tr td:first-child").allInnerTexts();

describe("floor plan editor", () => {
  it("draws a hall with a row and a pavilion and imports a DXF, without JavaScript", async () => {
    const page = (await env.context({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false })).page;
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.organiser);
    await page.goto(floorPath);
    await page.getByRole("heading", { name: "Floor plan: halls", level: 1 }).waitFor();
    const hall = page.getByTestId("add-hall");
    await hall.getByLabel("Code").fill("J1");
    await hall.getByLabel("Name (English)").fill("Hall J");
    await hall.getByLabel("Name (Urdu)").fill("ہال جے");
    await hall.getByLabel("Width (m)").fill("40");
    await hall.getByLabel("Depth (m)").fill("30");
    await hall.getByRole("button", { name: "Add the hall" }).click();
    await page.getByText("The hall is added. Now add its stalls.").waitFor();
    hallPath = new URL(page.url()).pathname;

    const add = page.getByTestId("add-stalls");
    await add.getByLabel("First stall number").fill("J-101");
    await add.getByLabel("Stalls in a row").fill("5");
    await add.getByLabel("From the left wall (m)").fill("2");
    await add.getByLabel("From the top wall (m)").fill("15.2");
    await add.getByRole("button", { name: "Add the stalls" }).click();
    await page.getByText("The stalls are added.").waitFor();
    expect(await tableNumbers(page)).toEqual(["J-101", "J-102", "J-103", "J-104", "J-105"]);
    // Snapped to the half-metre grid: 15.2 → 15.
    await expect.poll(() => page.getByTestId("stall-table").locator("tbody tr").first().innerText()).toContain("2, 15");

    const area = page.getByTestId("add-area");
    await area.getByLabel("Kind of area").selectOption("cluster_pavilion");
    const cluster = await area.getByLabel("Cluster").locator("option").nth(1).getAttribute("value");
    await area.getByLabel("Cluster").selectOption(cluster!);
    await area.getByLabel("Area code").fill("J-PAV");
    await area.getByLabel("Name (English)").fill("Pavilion J");
    await area.getByLabel("Name (Urdu)").fill("پویلین جے");
    await area.getByLabel("From the left wall (m)").fill("1");
    await area.getByLabel("From the top wall (m)").fill("14");
    await area.getByLabel("Width (m)").fill("18");
    await area.getByLabel("Depth (m)").fill("5");
    await area.getByRole("button", { name: "Draw the area" }).click();
    await page.getByText("The area is drawn.").waitFor();
    await page.getByTestId("hall-map").locator("text", { hasText: "Pavilion J" }).waitFor();

    // A broken drawing: its report, per shape, and nothing imported.
    const imp = page.getByTestId("import");
    await imp.getByLabel("File (.csv or .dxf)").setInputFiles(fixture("stalls-broken.dxf"));
    await imp.getByRole("button", { name: "Import" }).click();
    const report = page.getByTestId("import-report");
    await report.getByText(/Nothing was imported: the file has 2 problem/).waitFor();
    await report.getByText("Shape 2 on the layer: the polyline is not closed.").waitFor();
    await report.getByText("Shape 3 on the layer: stall J1-2 would overlap stall J1-1.").waitFor();
    expect(await tableNumbers(page)).toHaveLength(5);

    await page.getByTestId("import").getByLabel("File (.csv or .dxf)").setInputFiles(fixture("stalls.dxf"));
    await page.getByTestId("import").getByLabel("First stall number").fill("J-201");
    await page.getByTestId("import").getByRole("button", { name: "Import" }).click();
    await page.getByText("The stalls are imported.").waitFor();
    expect(await tableNumbers(page)).toEqual(["J-101", "J-102", "J-103", "J-104", "J-105", "D-1", "D-2", "J-201"]);

    // A stall chosen on the plan opens in the edit form (a link: no script needed).
    await page.locator('[data-testid="hall-map"] a[data-stall="J-103"]').click();
    await page.getByRole("heading", { name: "Stall J-103", level: 2 }).waitFor();
    expect(await page.getByTestId("move-stall").getByLabel("Stall number").inputValue()).toBe("J-103");
  }, 120_000);

  it("with JavaScript, a stall dragged on the plan moves there, snapped to the grid, and the server saves it", async () => {
    const page = (await env.context({ viewport: { width: 1280, height: 900 } })).page;
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.organiser);
    await page.goto(hallPath);
    await page.getByRole("heading", { name: "Plan of Hall J", level: 1 }).waitFor();
    // The drag's grid choice appears only once the script runs: the page is enhanced.
    await page.locator("#drag-grid").waitFor();
    const row = () => page.getByTestId("stall-table").locator("tbody tr", { hasText: "J-105" }).innerText();
    const before = await row();
    expect(before).toContain(", 15");
    const stall = page.locator('[data-testid="hall-map"] a[data-stall="J-105"]');
    const box = (await stall.boundingBox())!;
    // Pixels per metre of the drawn plan, from the SVG's own transform.
    const scale = await stall.evaluate((el) => (el as unknown as SVGGraphicsElement).ownerSVGElement!.getScreenCTM()!.a);
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 5 * scale, y, { steps: 5 });
    await page.mouse.move(x + 10.1 * scale, y + 0.2 * scale, { steps: 5 });
    await page.mouse.up();
    // Ten metres to the right (the 0.1 m and 0.2 m more snap away): saved on the server, in the table.
    await expect.poll(row, { timeout: 15_000 }).toContain("24, 15");
    await page.reload();
    expect(await row()).toContain("24, 15");
    // The reloaded page drags only once its script runs again.
    await page.locator("#drag-grid").waitFor();

    // Dragged onto another stall (J-201, imported from the drawing): refused, said, and nothing moves.
    const other = (await page.locator('[data-testid="hall-map"] a[data-stall="J-201"]').boundingBox())!;
    const moved = (await stall.boundingBox())!;
    await page.mouse.move(moved.x + moved.width / 2, moved.y + moved.height / 2);
    await page.mouse.down();
    await page.mouse.move(other.x + 10, other.y + 10, { steps: 8 });
    await page.mouse.up();
    await page.getByText(/Stall J-105 would overlap stall J-201/).waitFor();
    await page.reload();
    expect(await row()).toContain("24, 15");
  }, 120_000);

  it("is axe-clean in English and Urdu, right to left, with its refusals in Urdu; fits 360 px", async () => {
    const page = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    page.setDefaultTimeout(15_000);
    await signInByPost(env, page, demo.organiser);
    // axe runs in the page: this context has JavaScript (the journey above had none).
    await page.goto(`${hallPath}?stall=x`);
    await page.getByRole("heading", { name: "Plan of Hall J", level: 1 }).waitFor();
    expect(await seriousViolations(page, "floor editor (en)")).toEqual([]);
    await page.goto(`/lang/ur?next=${encodeURIComponent(hallPath)}`);
    await page.waitForURL((u) => u.pathname === hallPath);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { name: "ہال جے کا پلان", level: 1 }).waitFor();
    expect(await seriousViolations(page, "floor editor (ur)")).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const add = page.getByTestId("add-stalls");
    await add.getByLabel("پہلا اسٹال نمبر").fill("J-301");
    await add.getByLabel("بائیں دیوار سے (میٹر)").fill("3");
    await add.getByLabel("اوپر کی دیوار سے (میٹر)").fill("15");
    await add.getByRole("button", { name: "اسٹال شامل کریں" }).click();
    await page.getByText("اسٹال J-301 اسٹال J-101 پر چڑھ جائے گا۔").waitFor();
    expect(await seriousViolations(page, "floor editor refusal (ur)")).toEqual([]);
    await page.goto(floorPath);
    await page.getByRole("link", { name: "ہال جے" }).waitFor();
    expect(await seriousViolations(page, "floor halls (ur)")).toEqual([]);
  }, 120_000);
});
