import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backOfficeEditionPath, demo, seriousViolations, startEnv, type Env, signInByPost } from "./helpers";

// An organiser allocates the stalls of the 2026 show with JavaScript off: runs the allocation (a
// draft keeping the confirmed stalls), moves one exhibitor to a free stall, and confirms, in English
// then Urdu. The pages and the published rule are axe-clean in both languages.

let env: Env;
let allocation: string;

beforeAll(async () => {
  env = await startEnv();
  const probe = (await env.context()).page;
  await signInByPost(env, probe, demo.organiser);
  allocation = `${await backOfficeEditionPath(probe, { hasText: "2026" })}/floor/allocation`;
});
afterAll(async () => env?.close());

describe("stall allocation", () => {
  it("runs, moves one exhibitor and confirms without JavaScript, in English and Urdu", { timeout: 180_000 }, async () => {
    const page = (await env.context({ javaScriptEnabled: false })).page;
    page.setDefaultTimeout(30_000);
    await signInByPost(env, page, demo.organiser);
    await page.goto(allocation);
    await page.getByRole("heading", { name: "Stall allocation", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Run the allocation" }).click();
    await page.getByRole("heading", { name: "Allocation run", level: 1 }).waitFor();
    await page.getByText(/Placed: 170 of 170 exhibitors/).waitFor();
    const runPath = new URL(page.url()).pathname;

    // Move the first exhibitor of the list to the first free stall.
    const hint = (await page.getByText(/Free stalls in this draft:/).textContent()) ?? "";
    const free = hint.split(":").pop()!.trim().split(/,\s*/)[0]!.replace(/\.$/, "");
    expect(free).toMatch(/^\d-\d{3}$/);
    const exhibitor = page.getByLabel("Exhibitor", { exact: true });
    const option = (await exhibitor.locator("option").first().textContent())!;
    await exhibitor.selectOption({ index: 0 });
    await page.getByLabel("Stall number (for example 2-114)").fill(free);
    await page.getByRole("button", { name: "Move", exact: true }).click();
    await page.getByText(`Moved to stall ${free}.`).waitFor();
    const name = option.replace(/ \([^)]*\)$/, "");
    await page.getByRole("row", { name: new RegExp(`${free}.*${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }).waitFor();

    // Read with scripts on, for axe, in English and Urdu.
    const js = (await env.context()).page;
    js.setDefaultTimeout(30_000);
    await signInByPost(env, js, demo.organiser);
    await js.goto(runPath);
    await js.getByRole("heading", { name: "Allocation run", level: 1 }).waitFor();
    expect(await seriousViolations(js, "allocation run (en)")).toEqual([]);
    await js.goto(`/lang/ur?next=${encodeURIComponent(runPath)}`);
    await js.waitForURL((u) => u.pathname === runPath);
    expect(await js.locator("html").getAttribute("dir")).toBe("rtl");
    await js.getByRole("heading", { name: "الاٹمنٹ کا عمل", level: 1 }).waitFor();
    expect(await seriousViolations(js, "allocation run (ur)")).toEqual([]);
    await js.goto(allocation);
    await js.getByRole("heading", { name: "اسٹال الاٹمنٹ", level: 1 }).waitFor();
    expect(await seriousViolations(js, "allocation runs (ur)")).toEqual([]);

    // Confirm, in Urdu, still without JavaScript.
    await page.goto(`/lang/ur?next=${encodeURIComponent(runPath)}`);
    await page.waitForURL((u) => u.pathname === runPath);
    await page.getByRole("button", { name: "الاٹمنٹ کی تصدیق کریں" }).click();
    await page.getByText(/تصدیق ہو گئی: 170 اسٹال، 1 نئے یا بدلے ہوئے/).waitFor();
    await page.getByText("تصدیق شدہ").first().waitFor();

    // The published rule, public, in both languages.
    const visitor = (await env.context({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false })).page;
    await visitor.goto("/editions/showcase-2026/floor/rule");
    await visitor.getByRole("heading", { name: "How stalls are allocated", level: 1 }).waitFor();
    const pub = (await env.context({ viewport: { width: 360, height: 800 } })).page;
    await pub.goto("/editions/showcase-2026/floor/rule");
    expect(await seriousViolations(pub, "allocation rule (en)")).toEqual([]);
    await pub.goto(`/lang/ur?next=${encodeURIComponent("/editions/showcase-2026/floor/rule")}`);
    await pub.getByRole("heading", { name: "اسٹال کیسے دیے جاتے ہیں", level: 1 }).waitFor();
    expect(await seriousViolations(pub, "allocation rule (ur)")).toEqual([]);
  });
});
