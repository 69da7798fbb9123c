import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUDGET, PUBLIC_PAGES } from "../support/page-budgets";
import { measurePage } from "../support/page-weight";
import { startEnv, type Env } from "./helpers";

// Bytes are deterministic for a build and a page, unlike times: a public page that grows past its
// budget fails here. `npm run bench:pages` prints the same measurements with the heaviest files.
let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => env?.close());

describe("page weight on first load", () => {
  it.each(["en", "ur"] as const)("every public page stays within its budget (%s)", async (locale) => {
    const over: string[] = [];
    for (const path of PUBLIC_PAGES) {
      const w = await measurePage(env.browser, env.server.url, path, locale);
      if (w.bytes > BUDGET[locale]) over.push(`${path}: ${w.bytes} B > ${BUDGET[locale]} B (${w.heaviest.map((h) => `${h.url} ${h.bytes}`).join(", ")})`);
    }
    expect(over).toEqual([]);
  });

  it("English pages do not download the Urdu font", async () => {
    const w = await measurePage(env.browser, env.server.url, "/", "en");
    expect(w.heaviest.map((h) => h.url).join(" ")).not.toMatch(/nastaliq/);
  });
});
